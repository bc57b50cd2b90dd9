package coder

import (
	"strings"
	"time"

	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/lexicon"
	"github.com/dyad-project/dyad/internal/timex"
)

// conflictTypes are what "the confrontation", "the clash" or "the
// incident" can refer to when the words name no event type themselves.
var conflictTypes = map[string]bool{"ASSAULT": true, "PROTEST": true, "COERCE": true}

// mentionReach bounds how many mentions away a text may refer back to an
// event or share its date. A news article holds far fewer; without a bound
// a long text (a run-on page, a feed read as text) would cost the square
// of its mentions.
const mentionReach = 64

// datedAfterEvent dates a mention the text places relative to another event
// rather than to a day: "Tamimi was arrested three days after the
// confrontation" takes the window of the confrontation told earlier ("she
// was filmed in December … slapping the soldiers") moved by three days.
// The event referred to is the last one told before with a date of its own,
// of the type its words name when they name one ("after she was filmed
// punching the soldier"), else of a violent or coercive type.
func datedAfterEvent(ms []event.Mention, lex Lexicon) {
	for i := range ms {
		m := &ms[i]
		if m.DateText != "" || m.Background || !strings.Contains(m.Sentence, " after ") && !strings.Contains(m.Sentence, " before ") {
			continue
		}
		toks := lexicon.Tokenize(m.Sentence)
		at := strings.Index(m.Sentence, m.Trigger)
		for k := 2; k+1 < len(toks); k++ {
			rel := toks[k].Lower
			if (rel != "after" && rel != "before") || toks[k].Start < at {
				continue
			}
			days, ok := spanDays(toks, k, false)
			if !ok {
				continue
			}
			if timex.OpensDate(toks[k+1].Lower) {
				continue // "three days after Christmas" is the time phrase's to resolve
			}
			types := conflictTypes
			if trs := lex.Triggers(toks[k+1:]); len(trs) > 0 {
				types = map[string]bool{trs[0].Entry.Event: true}
			}
			a := anchorEvent(ms[:i], m, types)
			if a == nil {
				break
			}
			shift := time.Duration(days) * 24 * time.Hour
			if rel == "before" {
				shift = -shift
			}
			m.DateStart, m.DateEnd = a.DateStart.Add(shift), a.DateEnd.Add(shift)
			m.Precision = a.Precision
			m.DateText = strings.Join([]string{toks[k-2].Text, toks[k-1].Text, toks[k].Text}, " ") + " (" + a.DateText + ")"
			break
		}
	}
}

// anchorEvent is the last mention before m, in the text, dated by a phrase
// of its own to a window before m's, of one of the types.
func anchorEvent(before []event.Mention, m *event.Mention, types map[string]bool) *event.Mention {
	for j := len(before) - 1; j >= max(0, len(before)-mentionReach); j-- {
		o := &before[j]
		if o.SentStart >= m.SentStart || o.DateText == "" || !types[o.Event] || !o.DateEnd.Before(m.DateStart) {
			continue
		}
		return o
	}
	return nil
}

// spanDays reads the span before the word at k ("three days", "two
// weeks" before "after"): the days it lasts, or false. With articles, "a
// week" and "an hour's" count one unit too.
func spanDays(toks []lexicon.Token, k int, articles bool) (int, bool) {
	if k < 2 {
		return 0, false
	}
	unit, ok := timex.UnitDays(toks[k-1].Lower)
	if !ok {
		return 0, false
	}
	n, ok := timex.Count(toks[k-2].Lower)
	if !ok && articles && (toks[k-2].Lower == "a" || toks[k-2].Lower == "an") {
		n, ok = 1, true
	}
	return n * unit, ok
}
