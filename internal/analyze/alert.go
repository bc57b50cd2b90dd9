package analyze

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"
)

// maxEvidence bounds the sentences an alert quotes per story.
const maxEvidence = 5

// AlertStory is a story behind an alert, with its evidence.
type AlertStory struct {
	ID        string `json:"story_id"`
	Event     string `json:"event"`
	Actor     string `json:"actor"`
	Recipient string `json:"recipient"`
	DateStart string `json:"date_start"`
	DateEnd   string `json:"date_end"`
	// Outlets is the number of independent outlets and OutletNames their
	// list, as for stories everywhere else (CLI, API, exports).
	Outlets     int        `json:"outlets"`
	OutletNames []string   `json:"outlet_names"`
	Evidence    []Evidence `json:"evidence"`
}

// UnmarshalJSON reads an alert story, including one stored by an older
// dyad whose "outlets" was the list of names.
func (s *AlertStory) UnmarshalJSON(b []byte) error {
	type plain AlertStory
	var v struct {
		plain
		Outlets json.RawMessage `json:"outlets"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*s = AlertStory(v.plain)
	var names []string
	if len(v.Outlets) > 0 && v.Outlets[0] == '[' {
		if err := json.Unmarshal(v.Outlets, &names); err != nil {
			return fmt.Errorf("alert story outlets: %w", err)
		}
		s.Outlets, s.OutletNames = len(names), names
		return nil
	}
	if len(v.Outlets) > 0 && string(v.Outlets) != "null" {
		if err := json.Unmarshal(v.Outlets, &s.Outlets); err != nil {
			return fmt.Errorf("alert story outlets: %w", err)
		}
	}
	return nil
}

// Alert is a rule firing for one dyad: the figures and the stories behind it.
type Alert struct {
	ID          int64        `json:"id,omitempty"`
	Rule        string       `json:"rule"`
	Dyad        string       `json:"dyad"`
	FiredAt     time.Time    `json:"fired_at"`
	WindowStart string       `json:"window_start"`
	WindowEnd   string       `json:"window_end"`
	Measure     string       `json:"measure"`
	Value       float64      `json:"value"`
	Baseline    Baseline     `json:"baseline"`
	Score       float64      `json:"escalation_score"`
	Threshold   float64      `json:"threshold,omitempty"`
	Escalation  float64      `json:"escalation,omitempty"`
	Summary     string       `json:"summary"`
	Stories     []AlertStory `json:"stories"`
}

// StoryIDs lists the ids of the alert's stories.
func (a *Alert) StoryIDs() []string {
	ids := make([]string, len(a.Stories))
	for i, s := range a.Stories {
		ids[i] = s.ID
	}
	return ids
}

// Evaluate applies the rule at now to stories (those of the last Span at
// least) and returns an alert for every dyad whose current window meets the
// rule. Cool-downs are the caller's: it knows what was already sent.
func (r *Rule) Evaluate(stories []Story, now time.Time) []Alert {
	end := Day.Floor(now) // the current window ends with today
	days := int(r.Window.Std().Hours() / 24)
	start := end.AddDate(0, 0, -(r.BaselineWindows+1)*days+1)
	// windows[k][i]: the stories of dyad k in window i, 0 the current one.
	windows := map[string][][]*Story{}
	for i := range stories {
		s := &stories[i]
		if s.Start.Before(start) || s.Start.After(end) || !r.Matches(s) {
			continue
		}
		w := int(end.Sub(Day.Floor(s.Start)).Hours()/24) / days
		k := s.Key()
		if windows[k] == nil {
			windows[k] = make([][]*Story, r.BaselineWindows+1)
		}
		windows[k][w] = append(windows[k][w], s)
	}
	keys := make([]string, 0, len(windows))
	for k := range windows {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []Alert
	for _, k := range keys {
		ws := windows[k]
		if len(ws[0]) == 0 {
			continue
		}
		past := make([]float64, r.BaselineWindows)
		for i := range past {
			past[i] = r.value(ws[i+1])
		}
		x, base := r.value(ws[0]), NewBaseline(past)
		score := base.Score(x)
		if (r.Threshold > 0 && x < r.Threshold) || (r.Escalation > 0 && score < r.Escalation) {
			continue
		}
		a := Alert{Rule: r.Name, Dyad: k, FiredAt: now.UTC(), Measure: r.Measure, Value: x, Baseline: base, Score: score,
			Threshold: r.Threshold, Escalation: r.Escalation,
			WindowStart: end.AddDate(0, 0, -days+1).Format(time.DateOnly), WindowEnd: end.Format(time.DateOnly)}
		for _, s := range ws[0] {
			a.Stories = append(a.Stories, alertStory(s))
		}
		a.Summary = summary(&a, ws[0])
		out = append(out, a)
	}
	return out
}

func alertStory(s *Story) AlertStory {
	ev := s.Evidence
	if len(ev) > maxEvidence {
		ev = ev[:maxEvidence]
	}
	return AlertStory{ID: s.ID, Event: s.Event, Actor: s.Actor, Recipient: s.Recipient,
		DateStart: s.Start.Format(time.DateOnly), DateEnd: s.End.Format(time.DateOnly), Outlets: len(s.Outlets),
		OutletNames: nonNilNames(s.Outlets), Evidence: ev}
}

func nonNilNames(l []string) []string {
	if l == nil {
		return []string{}
	}
	return l
}

func summary(a *Alert, ss []*Story) string {
	types := map[string]int{}
	for _, s := range ss {
		types[s.Event]++
	}
	var parts []string
	for t, n := range types {
		parts = append(parts, fmt.Sprintf("%d %s", n, t))
	}
	sort.Strings(parts)
	return fmt.Sprintf("%s: %s %s…%s: %s = %.1f (baseline median %.1f, MAD %.1f, escalation %.1f): %s",
		a.Rule, a.Dyad, a.WindowStart, a.WindowEnd, a.Measure, a.Value, a.Baseline.Median, a.Baseline.MAD, a.Score,
		strings.Join(parts, ", "))
}
