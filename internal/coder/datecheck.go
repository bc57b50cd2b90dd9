package coder

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/dyad-project/dyad/internal/actors"
	"github.com/dyad-project/dyad/internal/article"
)

// DateCheck is the verdict on an article's printed date against its content.
type DateCheck struct {
	Conflict     bool
	Start, End   time.Time // the window the content belongs to; zero when the content says nothing
	Reasons      []string  // one line per dated role that fixed the window
	Inconsistent []string  // titles the text gives wrongly ("Iraq's Foreign Minister Zarif")
}

// conflictSlack tolerates articles written just after someone left office
// ("former" may be dropped) before calling the printed date wrong.
const conflictSlack = 45 * 24 * time.Hour

type span struct{ from, to time.Time }

// checkDates places the text in time by the dated roles it names: "Secretary
// of State Mike Pompeo" can only be written while Pompeo held that office.
// The window is the intersection of all such terms; the printed date
// conflicts with the content when it falls outside.
func (c *Coder) checkDates(a *article.Article, chunks []chunk) DateCheck {
	var chk DateCheck
	var win []span
	seen := map[string]bool{}
	outside := 0
	for _, ch := range chunks {
		person, office, country := titledPerson(ch)
		if person == nil || notCurrent(a.Text, ch) {
			continue
		}
		terms, wrongCountry := officeTerms(person, office, country)
		if len(terms) == 0 {
			continue
		}
		if wrongCountry {
			// "Iraq's Foreign Minister Zarif": the knowledge base knows better
			chk.Inconsistent = append(chk.Inconsistent, fmt.Sprintf("%q: %s held that office for another country", a.Text[ch.start:ch.end], person.Name))
		}
		if seen[person.ID+office] {
			continue
		}
		seen[person.ID+office] = true
		next := intersect(win, terms)
		if win != nil && len(next) == 0 {
			continue // contradicts the others: keep the majority reading
		}
		win = next
		if a.HasDate() && !anyInside(a.Published, terms) {
			outside++
		}
		chk.Reasons = append(chk.Reasons, fmt.Sprintf("%s held %s %s", person.Name, office, describe(terms)))
	}
	if len(win) == 0 {
		chk.Reasons = nil
		return chk
	}
	// The content's window: the last span the printed date does not exceed,
	// else the latest span.
	best := win[len(win)-1]
	for _, s := range win {
		if inside(a.Published, s, conflictSlack) {
			best = s
		}
	}
	chk.Start, chk.End = best.from, best.to
	if chk.End.IsZero() {
		chk.End = a.Published
	}
	// One title alone can be a slip of the writer or of the knowledge
	// base; two that place the text elsewhere make a conflict.
	if a.HasDate() && !inside(a.Published, best, conflictSlack) && outside >= 2 && !chk.End.Before(chk.Start) {
		chk.Conflict = true
	}
	if !chk.Conflict {
		chk.Reasons = nil
	}
	return chk
}

// titledPerson returns the person of a chunk that names them with a title
// ("Secretary of State Mike Pompeo"), the office of the title and the
// country the text gives it.
func titledPerson(ch chunk) (*actors.Entity, string, string) {
	var person *actors.Entity
	var office, country string
	for _, m := range ch.matches {
		switch {
		case m.Kind == actors.KindTitle:
			office = m.Office
		case m.Entity != nil && m.Entity.Kind == actors.KindPerson:
			person = m.Entity
		case m.Kind == actors.KindCountry || m.Kind == actors.KindDemonym:
			country = m.Country
		}
	}
	if person == nil || office == "" {
		return nil, "", ""
	}
	return person, office, country
}

// officeTerms lists the person's terms in the office. A title given for the
// wrong country still dates the text by the person's real office, and is
// reported.
func officeTerms(e *actors.Entity, office, country string) ([]span, bool) {
	var out []span
	wrong := country != ""
	for _, r := range e.Roles {
		if r.Office != office {
			continue
		}
		if country == "" || r.Country == country {
			wrong = false
		}
		out = append(out, span{r.From, r.To})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].from.Before(out[j].from) })
	return out, wrong && len(out) > 0
}

func intersect(a, b []span) []span {
	if a == nil {
		return b
	}
	var out []span
	for _, x := range a {
		for _, y := range b {
			from := later(x.from, y.from)
			to := earlier(x.to, y.to)
			if to.IsZero() || from.IsZero() || !to.Before(from) {
				out = append(out, span{from, to})
			}
		}
	}
	return out
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// earlier treats a zero time as "open", later than anything.
func earlier(a, b time.Time) time.Time {
	switch {
	case a.IsZero():
		return b
	case b.IsZero():
		return a
	case a.Before(b):
		return a
	}
	return b
}

func inside(t time.Time, s span, slack time.Duration) bool {
	if t.IsZero() {
		return true
	}
	if !s.from.IsZero() && t.Before(s.from.Add(-slack)) {
		return false
	}
	return s.to.IsZero() || !t.After(s.to.Add(slack))
}

func describe(terms []span) string {
	out := ""
	for i, s := range terms {
		if i > 0 {
			out += ", "
		}
		to := "now"
		if !s.to.IsZero() {
			to = s.to.Format(time.DateOnly)
		}
		out += s.from.Format(time.DateOnly) + "…" + to
	}
	return out
}

func anyInside(t time.Time, terms []span) bool {
	for _, s := range terms {
		if inside(t, s, conflictSlack) {
			return true
		}
	}
	return false
}

// notCurrent reports titles that do not claim the office on the day of
// writing: "former", "deputy", "vice", "then-", "late", "ex-".
func notCurrent(text string, ch chunk) bool {
	from := ch.start - 12
	if from < 0 {
		from = 0
	}
	s := strings.ToLower(text[from:ch.end])
	for _, w := range []string{"former", "deputy", "vice", "then-", "then ", "late ", "ex-", "assistant", "acting", "under secretary", "undersecretary", "outgoing", "incoming", "future", "elect"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
