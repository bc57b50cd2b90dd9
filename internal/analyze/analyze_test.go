package analyze

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/dyad-project/dyad/internal/event"
)

func TestRobust(t *testing.T) {
	for _, c := range []struct {
		past      []float64
		x         float64
		med, mad  float64
		wantScore float64
	}{
		{[]float64{0, 0, 0, 0}, 5, 0, 0, 5},                  // silent dyad: the floor keeps it finite
		{[]float64{2, 3, 2, 3, 2, 40}, 3, 2.5, 0.5, 0.5 / 1}, // one past outlier barely moves it
		{[]float64{10, 12, 8, 10}, 20, 10, 1, 10 / 1.4826},
		{[]float64{1, 2, 3}, 2, 2, 1, 0},
	} {
		b := NewBaseline(c.past)
		if b.Median != c.med || b.MAD != c.mad || math.Abs(b.Score(c.x)-c.wantScore) > 1e-9 {
			t.Errorf("%v, %v: median %v MAD %v score %v; want %v %v %v", c.past, c.x, b.Median, b.MAD, b.Score(c.x), c.med, c.mad, c.wantScore)
		}
	}
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// mention builds a mention of story id reported by outlet on d.
func mention(id, typ, actor, recip, d, outlet string, quad int, score float64) event.Mention {
	return event.Mention{StoryID: id, Event: typ, Quad: quad, Score: score, Actor: event.Party{Code: actor},
		Recipient: event.Party{Code: recip}, DateStart: day(d), DateEnd: day(d), Outlet: outlet, Doc: outlet + "/" + id,
		Claim: event.Asserted, Sentence: actor + " " + typ + " " + recip + " (" + id + ")"}
}

func TestSeries(t *testing.T) {
	ms := []event.Mention{
		mention("S1", "THREATEN", "IRN", "USA", "2026-03-02", "A", 3, -3.5), // Monday
		mention("S1", "THREATEN", "IRN", "USA", "2026-03-02", "B", 3, -4.5), // same story, second outlet
		mention("S2", "ASSAULT", "USA", "IRN", "2026-03-04", "A", 4, -9),
		mention("S3", "CONSULT", "USA", "IRN", "2026-03-09", "C", 1, 2.5), // next Monday
	}
	bg := mention("S4", "ASSAULT", "USA", "IRN", "2026-03-03", "A", 4, -9)
	bg.Background = true
	month := mention("S5", "ASSAULT", "USA", "IRN", "2026-03-01", "A", 4, -9)
	month.DateEnd = day("2026-03-31")
	ms = append(ms, bg, month)
	stories := Group(ms)
	days := BuildSeries("IRN:USA", stories, Day, time.Time{}, time.Time{})
	if len(days.Points) != 8 || !days.Points[0].Start.Equal(day("2026-03-02")) {
		t.Fatalf("daily points: %+v", days.Points)
	}
	p := days.Points[0]
	if p.Stories != 1 || p.Mentions != 2 || p.VerbalConflict != 1 || p.IntensityTotal != -4 || p.IntensityMean != -4 {
		t.Errorf("day 1: %+v", p)
	}
	if days.Points[1].Stories != 0 {
		t.Errorf("background history counted: %+v", days.Points[1])
	}
	weeks := BuildSeries("IRN:USA", stories, Week, day("2026-02-25"), day("2026-03-10"))
	if len(weeks.Points) != 3 || !weeks.Points[0].Start.Equal(day("2026-02-23")) {
		t.Fatalf("weekly points: %+v", weeks.Points)
	}
	w := weeks.Points[1]
	if w.Stories != 2 || w.VerbalConflict != 1 || w.MaterialConflict != 1 || w.IntensityTotal != -13 || math.Abs(w.GoldsteinTotal-(-4.4-9)) > 1e-9 { // GDELT: 130 threaten -4.4, 180 assault -9
		t.Errorf("week 2: %+v", w)
	}
	if weeks.Points[2].VerbalCoop != 1 || weeks.Points[2].GoldsteinMean != 1 {
		t.Errorf("week 3: %+v", weeks.Points[2])
	}
}

// history makes one THREATEN story per listed count per day, ending on end.
func history(counts []int, end string, outlets ...string) []event.Mention {
	var ms []event.Mention
	last := day(end)
	for i, n := range counts {
		d := last.AddDate(0, 0, i-len(counts)+1).Format(time.DateOnly)
		for j := range n {
			id := d + "-" + string(rune('a'+j))
			for _, o := range outlets {
				ms = append(ms, mention(id, "THREATEN", "IRN", "USA", d, o, 3, -4))
			}
		}
	}
	return ms
}

func TestRuleEvaluate(t *testing.T) {
	now := day("2026-03-10").Add(15 * time.Hour)
	rule := func(r Rule) Rule {
		if err := r.Validate(); err != nil {
			t.Fatal(err)
		}
		return r
	}
	esc := rule(Rule{Name: "esc", Dyad: "usa:irn", Events: []string{"threaten", "ASSAULT"}, Escalation: 3})
	for _, c := range []struct {
		name   string
		r      Rule
		ms     []event.Mention
		alerts int
	}{
		{"routine week is quiet", esc, history([]int{2, 1, 2, 3, 2, 1, 2, 2, 2}, "2026-03-10", "A"), 0},
		{"a jump fires", esc, history([]int{2, 1, 2, 3, 2, 1, 2, 2, 9}, "2026-03-10", "A"), 1},
		{"yesterday's jump is not today's", esc, history([]int{2, 1, 2, 3, 2, 1, 2, 9, 2}, "2026-03-10", "A"), 0},
		{"other dyad", rule(Rule{Name: "x", Dyad: "USA:IRQ", Escalation: 1}), history([]int{0, 0, 0, 0, 0, 0, 0, 0, 9}, "2026-03-10", "A"), 0},
		{"uncorroborated", rule(Rule{Name: "c", MinOutlets: 2, Threshold: 1}), history([]int{5}, "2026-03-10", "A"), 0},
		{"corroborated", rule(Rule{Name: "c", MinOutlets: 2, Threshold: 5}), history([]int{5}, "2026-03-10", "A", "B"), 1},
		{"type filter", rule(Rule{Name: "t", Events: []string{"ASSAULT"}, Threshold: 1}), history([]int{5}, "2026-03-10", "A"), 0},
		{"weekly window", rule(Rule{Name: "w", Window: Duration(7 * 24 * time.Hour), BaselineWindows: 3, Threshold: 10, Escalation: 2}),
			history([]int{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2}, "2026-03-10", "A"), 1},
	} {
		got := c.r.Evaluate(Group(c.ms), now)
		if len(got) != c.alerts {
			t.Errorf("%s: %d alerts, want %d: %+v", c.name, len(got), c.alerts, got)
			continue
		}
		for _, a := range got {
			if a.WindowEnd != "2026-03-10" || len(a.Stories) == 0 || a.Stories[0].Evidence[0].Sentence == "" || !strings.Contains(a.Summary, "THREATEN") {
				t.Errorf("%s: alert lacks its evidence: %+v", c.name, a)
			}
		}
	}
}

func TestRuleValidate(t *testing.T) {
	for _, r := range []Rule{
		{},
		{Name: "a"},
		{Name: "a", Threshold: 1, Window: Duration(36 * time.Hour)},
		{Name: "a", Threshold: 1, Events: []string{"HUG"}},
		{Name: "a", Threshold: 1, Dyad: "USA"},
		{Name: "a", Threshold: 1, Measure: "tone"},
	} {
		if err := r.Validate(); err == nil {
			t.Errorf("%+v: accepted", r)
		}
	}
	if d, err := ParseDuration("2w"); err != nil || d != 14*24*time.Hour {
		t.Errorf("2w = %v %v", d, err)
	}
}

// An alert story says outlets as everything else does: a count, and the
// names apart; an alert stored by an older dyad (outlets a list) still
// reads, with its count.
func TestAlertStoryOutlets(t *testing.T) {
	s := alertStory(&Story{ID: "S1", Outlets: []string{"AP", "Reuters"}})
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"outlets":2,"outlet_names":["AP","Reuters"]`) {
		t.Errorf("alert story JSON: %s", b)
	}
	for _, tc := range []struct {
		in    string
		n     int
		names string
	}{
		{string(b), 2, "[AP Reuters]"},
		{`{"story_id":"S1","outlets":["wire","AP"]}`, 2, "[wire AP]"},
		{`{"story_id":"S1","outlets":0,"outlet_names":[]}`, 0, "[]"},
		{`{"story_id":"S1"}`, 0, "[]"},
	} {
		var got AlertStory
		if err := json.Unmarshal([]byte(tc.in), &got); err != nil {
			t.Fatalf("%s: %v", tc.in, err)
		}
		if got.ID != "S1" || got.Outlets != tc.n || fmt.Sprint(got.OutletNames) != tc.names {
			t.Errorf("%s: read %+v", tc.in, got)
		}
	}
}
