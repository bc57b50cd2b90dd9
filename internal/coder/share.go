package coder

import (
	"time"

	"github.com/dyad-project/dyad/internal/event"
)

// shareDates lets a mention dated only by its article take the date that
// the text gives the same exchange elsewhere: "Rubio has spoken with
// al-Sudani … as he encouraged Baghdad" and, a sentence later, "Rubio and
// al-Sudani spoke on Sunday". Only a recent date of the same two parties,
// to the day or the week ("met this week"), is taken, so history is never
// pulled into the news.
func shareDates(ms []event.Mention, ref time.Time) {
	for i := range ms {
		m := &ms[i]
		if m.DateText != "" || m.DateStart.IsZero() || m.Background {
			continue
		}
		var best *event.Mention
		for j := max(0, i-mentionReach); j < min(len(ms), i+mentionReach+1); j++ {
			o := &ms[j]
			if i == j || o.DateText == "" || o.Precision != "day" && o.Precision != "week" {
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
