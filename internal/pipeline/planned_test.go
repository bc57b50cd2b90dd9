package pipeline

import (
	"testing"
	"time"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/event"
)

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

// An event dated after its article was written cannot have happened as the
// article says: it becomes a plan (issue 17: a 2027-04-01 story topped
// "Latest stories").
func TestMarkPlanned(t *testing.T) {
	printed := &article.Article{Published: day("2026-03-03")}
	revised := &article.Article{Published: day("2026-03-03"), Updated: day("2026-03-05").Add(9 * time.Hour)}
	recycled := &article.Article{Published: day("2025-11-18"),
		Check: article.DateCheck{Checked: true, Conflict: true, Start: day("2020-05-07"), End: day("2021-01-20")}}
	undated := &article.Article{}
	tests := []struct {
		name  string
		a     *article.Article
		start string
		claim string
		want  string
	}{
		{"later than the printed date", printed, "2027-04-01", event.Asserted, event.Planned},
		{"the day after", printed, "2026-03-04", event.Reported, event.Planned},
		{"alleged, later", printed, "2026-04-01", event.Alleged, event.Planned},
		{"on the printed date", printed, "2026-03-03", event.Asserted, event.Asserted},
		{"before it", printed, "2025-12-01", event.Reported, event.Reported},
		{"undated", printed, "", event.Asserted, event.Asserted},
		{"a denial stays a denial", printed, "2027-04-01", event.Denied, event.Denied},
		{"a negation stays", printed, "2027-04-01", event.Negated, event.Negated},
		{"a hypothesis stays", printed, "2027-04-01", event.Hypothetical, event.Hypothetical},
		{"before a later revision", revised, "2026-03-05", event.Asserted, event.Asserted},
		{"after the revision", revised, "2026-03-06", event.Asserted, event.Planned},
		{"inside the content's window", recycled, "2020-06-01", event.Asserted, event.Asserted},
		// the printed date is wrong: what counts is when the content was written
		{"after the content's window", recycled, "2021-06-01", event.Asserted, event.Planned},
		{"no date to compare with", undated, "2027-04-01", event.Asserted, event.Asserted},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := event.Mention{Claim: tc.claim}
			if tc.start != "" {
				m.DateStart, m.DateEnd = day(tc.start), day(tc.start)
			}
			ms := []event.Mention{m}
			MarkPlanned(tc.a, ms)
			if ms[0].Claim != tc.want {
				t.Errorf("claim %s, want %s", ms[0].Claim, tc.want)
			}
			if !ms[0].DateStart.Equal(m.DateStart) {
				t.Errorf("date moved to %v", ms[0].DateStart)
			}
		})
	}
}
