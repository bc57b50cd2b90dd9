package coder

import (
	"strings"
	"time"

	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/lexicon"
)

// datedBeforeMain dates a mention told inside an "N weeks after" clause by
// the time of the clause it hangs from: "The assault comes two weeks after
// the ambassador was shot" puts the shooting two weeks before the assault,
// "which came less than a week after the two sides signed a deal" puts the
// signing in the week before. The mention keeps a time phrase of its own
// clause ("two days after troops fired on Monday"); one taken from the
// main clause is moved. A fronted phrase ("Two days after the vote,
// troops fired") dates the main clause instead: only a trigger with no
// comma between it and "after" is inside the clause.
func datedBeforeMain(ms []event.Mention) {
	for i := range ms {
		m := &ms[i]
		if m.Background || m.DateStart.IsZero() || !strings.Contains(m.Sentence, " after ") {
			continue
		}
		at := strings.Index(m.Sentence, m.Trigger)
		if at < 0 {
			continue
		}
		toks := lexicon.Tokenize(m.Sentence)
		k := afterBefore(toks, at)
		if k < 2 {
			continue
		}
		if m.DateText != "" {
			if d := strings.Index(m.Sentence, m.DateText); d < 0 || d > toks[k].Start {
				continue // the clause's own time phrase
			}
		}
		days, ok := spanDays(toks, k, true)
		if !ok {
			continue
		}
		if m.DateText == "" {
			if o := mainMention(ms, i, toks[k].Start); o != nil {
				// the main clause was dated after the pass that dated this
				// one ("arrested her three days after she was filmed
				// punching": the arrest by the punching told before): it
				// is the clause this one hangs from, not the article's day
				m.DateStart, m.DateEnd, m.Precision, m.DateText = o.DateStart, o.DateEnd, o.Precision, o.DateText
			}
		}
		shift := -time.Duration(days) * 24 * time.Hour
		text := strings.Join([]string{toks[k-2].Text, toks[k-1].Text, toks[k].Text}, " ")
		if k >= 4 && toks[k-4].Lower == "less" && toks[k-3].Lower == "than" {
			// "less than a week after": any day of the week before
			m.DateStart, m.DateEnd = m.DateStart.Add(shift), m.DateEnd.Add(-24*time.Hour)
			m.Precision, text = "week", "less than "+text
		} else {
			m.DateStart, m.DateEnd = m.DateStart.Add(shift), m.DateEnd.Add(shift)
		}
		if m.DateText != "" {
			text += " (" + m.DateText + ")"
		}
		m.DateText = text
	}
}

// mainMention is the mention of ms[i]'s sentence whose trigger comes
// before the "after" at offset at and which has a date of its own: the
// event of the main clause. Nil when there is none.
func mainMention(ms []event.Mention, i, at int) *event.Mention {
	m := &ms[i]
	for j := max(0, i-mentionReach); j < min(len(ms), i+mentionReach+1); j++ {
		o := &ms[j]
		if j == i || o.SentStart != m.SentStart || o.DateText == "" {
			continue
		}
		if t := strings.Index(o.Sentence, o.Trigger); t >= 0 && t < at {
			return o
		}
	}
	return nil
}

// afterBefore is the index of the last "after" before the sentence offset
// at with no comma, semicolon or dash between them, or -1.
func afterBefore(toks []lexicon.Token, at int) int {
	k := -1
	for j, t := range toks {
		if t.Start >= at {
			break
		}
		switch t.Lower {
		case "after":
			k = j
		case ",", ";", "—", "–", "--":
			k = -1
		}
	}
	return k
}
