package pipeline

import (
	"time"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/event"
)

// Written is the last day the article can report on: the printed date (or
// a later revision), or the end of the content's window when the printed
// date contradicts the content. Zero when unknown.
func Written(a *article.Article) time.Time {
	if a.Check.Conflict && !a.Check.End.IsZero() {
		return a.Check.End
	}
	day := a.Published
	if u := article.Day(a.Updated); u.After(day) {
		day = u
	}
	return day
}

// MarkPlanned turns the mentions dated after the article was written into
// plans: a text cannot report as done what had not happened yet, so "talks
// on April 1" in a March article are announced, not held, whatever the verb
// says. Denials, negations and hypotheticals keep their status. A plan
// keeps its date: it is when the event is to happen.
func MarkPlanned(a *article.Article, ms []event.Mention) {
	written := Written(a)
	if written.IsZero() {
		return
	}
	for i := range ms {
		m := &ms[i]
		if !m.DateStart.After(written) {
			continue
		}
		switch m.Claim {
		case event.Asserted, event.Reported, event.Alleged, "":
			m.Claim = event.Planned
		}
	}
}
