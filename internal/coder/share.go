package coder

import (
	"strings"
	"time"

	"github.com/dyad-project/dyad/internal/event"
)

// shareDates lets a mention dated only by its article take the date that
// the text gives the same exchange elsewhere: "Rubio has spoken with
// al-Sudani … as he encouraged Baghdad" and, a sentence later, "Rubio and
// al-Sudani spoke on Sunday". Only a recent date of the same two parties,
// to the day or the week ("met this week"), is taken, so history is never
// pulled into the news; except for an act told in the past tense, which
// belongs to the episode the text has told (see episodeOf). past[i]
// reports ms[i]'s verb in a past tense.
func shareDates(ms []event.Mention, past []bool, ref time.Time) {
	for i := range ms {
		m := &ms[i]
		if m.DateText != "" || m.DateStart.IsZero() || m.Background {
			continue
		}
		var best *event.Mention
		for j := max(0, i-mentionReach); j < min(len(ms), i+mentionReach+1); j++ {
			o := &ms[j]
			if i == j || o.DateText == "" {
				continue
			}
			if i < len(past) && past[i] && episodeOf(m, o) {
				if best == nil || gap(m, o) < gap(m, best) {
					best = o
				}
				continue
			}
			if o.Precision != "day" && o.Precision != "week" {
				continue
			}
			// parties named only by country are too common to identify an
			// exchange: "police" and "protesters" of one country meet in
			// many events, so those also need the same type
			if entity, ok := sameParties(m, o); !ok || !entity && m.Event != o.Event {
				continue
			}
			if o.DateEnd.After(ref) || ref.Sub(o.DateStart) > 7*24*time.Hour && !follows(m, o) {
				continue
			}
			if best == nil || gap(m, o) < gap(m, best) {
				best = o // the nearest telling of the exchange
			}
		}
		if best != nil {
			m.DateStart, m.DateEnd, m.Precision, m.DateText = best.DateStart, best.DateEnd, best.Precision, best.DateText
			m.Background = !ref.IsZero() && ref.Sub(m.DateEnd) > backgroundGap
		}
	}
}

// sameParties compares two mentions' parties by entity where both name
// one, else by country, in either direction; entity reports that at least
// one side matched by entity.
func sameParties(a, b *event.Mention) (entity, ok bool) {
	same := func(x, y event.Party) (bool, bool) {
		if x.EntityID != "" && y.EntityID != "" {
			return x.EntityID == y.EntityID, true
		}
		return x.Code != "" && x.Code == y.Code, false
	}
	for _, pair := range [2][2]event.Party{{b.Actor, b.Recipient}, {b.Recipient, b.Actor}} {
		s1, e1 := same(a.Actor, pair[0])
		s2, e2 := same(a.Recipient, pair[1])
		if s1 && s2 {
			return e1 || e2, true
		}
	}
	return false, false
}

// follows reports m in the sentence right after o's: an undated event of
// the same parties told next continues o's episode ("On August 8 X
// threatened Y. In response, Y said …"), however old the episode.
func follows(m, o *event.Mention) bool {
	return o.SentEnd <= m.SentStart && m.SentStart-o.SentEnd <= 2
}

// gap is the distance in the text between two mentions' sentences.
func gap(a, b *event.Mention) int {
	d := a.SentStart - b.SentStart
	if d < 0 {
		return -d
	}
	return d
}

// episodeOf reports o as the telling of the episode an undated act m in the
// past tense belongs to: o is told before m with a date of its own, with
// the same type and parties. "Police arrested Quispe in May 2019. …
// Officials had not charged him when he was arrested": the arrest is May
// 2019's, however long ago, not the article's day. An act in the present
// or the future ("allows them to be arrested", "will meet") is not told
// as past and keeps its own day.
func episodeOf(m, o *event.Mention) bool {
	if o.SentStart >= m.SentStart || m.Event != o.Event {
		return false
	}
	_, ok := sameParties(m, o)
	return ok
}

// toldPast reports the verb of a trigger in a past tense: a simple past
// ("seized"), or a participle with a perfect or passive auxiliary in the
// past or present perfect ("had seized", "has seized", "was seized"), but
// not after a modal or "to" ("will have seized", "to be seized"). A noun
// trigger has no tense.
func (c *Coder) toldPast(s *sentence, trigger string) bool {
	at := strings.Index(s.text, trigger)
	if at < 0 {
		return false
	}
	t := s.parsed(c.parser)
	if t == nil {
		return false
	}
	v := t.wordAt(at)
	if v < 0 || t.words[v].UPOS != "VERB" {
		return false
	}
	switch t.words[v].XPOS {
	case "VBD":
		return true
	case "VBN":
	default:
		return false
	}
	perfect := false
	for _, k := range t.kids[v] {
		if r := t.words[k].Rel; r != "aux" && r != "aux:pass" && r != "mark" {
			continue
		}
		switch strings.ToLower(s.text[t.words[k].Start:t.words[k].End]) {
		case "had", "has", "have", "was", "were":
			perfect = true
		case "to", "will", "would", "shall", "should", "may", "might", "can", "could", "must":
			return false
		}
	}
	return perfect
}
