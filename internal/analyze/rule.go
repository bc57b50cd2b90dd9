package analyze

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/dyad-project/dyad/internal/plover"
)

// Duration is a time.Duration that YAML spells as Go does ("36h") or in
// days and weeks ("7d", "2w"), the units analysts think in.
type Duration time.Duration

// ParseDuration reads "90m", "36h", "7d" or "2w".
func ParseDuration(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	for suffix, unit := range map[string]time.Duration{"d": 24 * time.Hour, "w": 7 * 24 * time.Hour} {
		if n, ok := strings.CutSuffix(s, suffix); ok {
			v, err := strconv.ParseFloat(n, 64)
			if err != nil {
				return 0, fmt.Errorf("duration %q: %w", s, err)
			}
			return time.Duration(v * float64(unit)), nil
		}
	}
	return time.ParseDuration(s)
}

// UnmarshalYAML reads a duration string.
func (d *Duration) UnmarshalYAML(n *yaml.Node) error {
	v, err := ParseDuration(n.Value)
	if err != nil {
		return fmt.Errorf("line %d: %w", n.Line, err)
	}
	*d = Duration(v)
	return nil
}

// Std returns d as a time.Duration.
func (d Duration) Std() time.Duration { return time.Duration(d) }

// Measures a rule can watch.
const (
	MeasureStories   = "stories"   // stories in the window
	MeasureIntensity = "intensity" // summed conflict intensity: -PLOVER score of the hostile stories
)

// Rule is one alert rule, as written in the watch config.
type Rule struct {
	Name string `yaml:"name"`
	// Dyad limits the rule to two countries, either direction ("USA:IRN");
	// empty watches every dyad, each against its own baseline.
	Dyad string `yaml:"dyad"`
	// Actors limits the rule to stories with one of these countries on either side.
	Actors []string `yaml:"actors"`
	// Events are PLOVER types (THREATEN, ASSAULT…); empty means all.
	Events []string `yaml:"events"`
	// MinOutlets is the corroboration a story needs to count: independent
	// outlets reporting it (syndicated copies count once).
	MinOutlets int `yaml:"min_outlets"`
	// Window is the span evaluated, ending today (whole days; default 1d).
	Window Duration `yaml:"window"`
	// BaselineWindows is how many earlier windows of the same length form
	// the dyad's baseline (default 8).
	BaselineWindows int `yaml:"baseline_windows"`
	// Measure is "stories" (default) or "intensity".
	Measure string `yaml:"measure"`
	// Threshold fires when the window's measure reaches it (0: unused).
	Threshold float64 `yaml:"threshold"`
	// Escalation fires when the window's robust score against the baseline
	// reaches it (0: unused). With both set, both must hold.
	Escalation float64 `yaml:"escalation"`
	// Cooldown is the least time between two alerts of this rule for one dyad.
	Cooldown Duration `yaml:"cooldown"`
	// Notify names the notifiers to use; empty means all.
	Notify []string `yaml:"notify"`

	events map[string]bool
	actors map[string]bool
	dyad   string // normalised DyadKey
}

// Validate checks the rule, normalises its fields and fills in defaults.
func (r *Rule) Validate() error {
	if r.Name == "" {
		return errors.New("rule without a name")
	}
	fail := func(format string, a ...any) error {
		return fmt.Errorf("rule %s: "+format, append([]any{r.Name}, a...)...)
	}
	if r.Window == 0 {
		r.Window = Duration(24 * time.Hour)
	}
	if r.Window.Std()%(24*time.Hour) != 0 || r.Window <= 0 {
		return fail("window %s: want whole days", r.Window.Std())
	}
	if r.BaselineWindows == 0 {
		r.BaselineWindows = 8
	}
	if r.BaselineWindows < 2 {
		return fail("baseline_windows %d: want at least 2", r.BaselineWindows)
	}
	switch r.Measure {
	case "":
		r.Measure = MeasureStories
	case MeasureStories, MeasureIntensity:
	default:
		return fail("measure %q: want stories or intensity", r.Measure)
	}
	if r.Threshold <= 0 && r.Escalation <= 0 {
		return fail("needs a threshold or an escalation score")
	}
	if r.Cooldown < 0 {
		return fail("negative cooldown")
	}
	if r.Dyad != "" {
		a, b, ok := strings.Cut(strings.ToUpper(r.Dyad), ":")
		if !ok || a == "" || b == "" {
			return fail("dyad %q: want two country codes, e.g. USA:IRN", r.Dyad)
		}
		r.dyad = DyadKey(a, b)
	}
	r.events = map[string]bool{}
	for _, e := range r.Events {
		t, ok := plover.ParseType(e)
		if !ok {
			return fail("event %q: not a PLOVER type", e)
		}
		r.events[string(t)] = true
	}
	r.actors = map[string]bool{}
	for _, a := range r.Actors {
		r.actors[strings.ToUpper(a)] = true
	}
	return nil
}

// Matches reports whether a story is one the rule counts.
func (r *Rule) Matches(s *Story) bool {
	if !s.Countable() || s.Key() == "" {
		return false
	}
	if r.dyad != "" && s.Key() != r.dyad {
		return false
	}
	if len(r.events) > 0 && !r.events[s.Event] {
		return false
	}
	if len(r.actors) > 0 && !r.actors[s.Actor] && !r.actors[s.Recipient] {
		return false
	}
	return len(s.Outlets) >= r.MinOutlets
}

// Span is how far back the rule looks from now: the window and its
// baseline windows.
func (r *Rule) Span() time.Duration {
	return time.Duration(r.BaselineWindows+1) * r.Window.Std()
}

// value is the measure of the stories of one window.
func (r *Rule) value(ss []*Story) float64 {
	if r.Measure == MeasureIntensity {
		v := 0.0
		for _, s := range ss {
			v += max(0, -s.Score)
		}
		return v
	}
	return float64(len(ss))
}
