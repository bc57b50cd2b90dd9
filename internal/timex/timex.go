// Package timex finds time expressions in news sentences ("on Tuesday",
// "last June", "mid-September", "two weeks ago", "in March 2023") and turns
// each into a date window with a precision, resolved against a reference
// date (the article's date) or against the previous expression in the text.
//
// A date is a window, never a point: "in September" is the whole month.
// Candidates are found by a hand-written scanner over tokens, so Find runs on
// every sentence of every article; go-dateparser is not used (it is two
// orders of magnitude slower and its search finds modal "may" and the like).
package timex

import "time"

// Precision is the grain of a window.
type Precision string

// The grains a window can have, finest first. A part of a unit ("late
// December", "early 2015") takes the next finer grain.
const (
	Day    Precision = "day"
	Week   Precision = "week"
	Month  Precision = "month"
	Season Precision = "season"
	Year   Precision = "year"
	Span   Precision = "span" // a range that is no calendar unit: "the past two years", "since 2014 ... 1990s"
)

// Window is an inclusive range of UTC midnight days.
type Window struct {
	Start, End time.Time
	Precision  Precision
}

// IsZero reports whether the window is unresolved.
func (w Window) IsZero() bool { return w.Start.IsZero() }

// Days is the number of days the window covers, 0 when unresolved.
func (w Window) Days() int {
	if w.IsZero() {
		return 0
	}
	return int(w.End.Sub(w.Start).Hours()/24+0.5) + 1
}

// Contains reports whether the calendar day of t falls inside the window.
func (w Window) Contains(t time.Time) bool {
	if w.IsZero() || t.IsZero() {
		return false
	}
	d := day(t)
	return !d.Before(w.Start) && !d.After(w.End)
}

// String renders the window as "2015-02-01/2015-02-28 (month)".
func (w Window) String() string {
	if w.IsZero() {
		return "unresolved"
	}
	return w.Start.Format(time.DateOnly) + "/" + w.End.Format(time.DateOnly) + " (" + string(w.Precision) + ")"
}

// Expr is one time expression found in a text.
type Expr struct {
	Text       string // as written, including a governing preposition ("on Tuesday", "since July last year")
	Start, End int    // byte offsets in the input
	Window     Window // zero when it cannot be resolved
	Relative   bool   // depends on the reference date or an anchor
	Anchored   bool   // relative to a previous expression ("the following month")
	Vague      bool   // "recently", "in recent months", "for years": a wide, low-trust window
	Duration   bool   // "for nearly a year": how long something lasted, not when it happened
	Prep       string // governing preposition, lower case ("on", "in", "since", "until", "for"...), "" if none

	sp spec // what was parsed, kept so Resolve can re-resolve without re-scanning
}

// Options steer the resolution of relative expressions.
type Options struct {
	// Future reads bare weekdays, months and dates forwards ("will meet on
	// Sunday"): the next such day on or after the reference date.
	Future bool
	// Anchor is the window of the previous expression in the text, used by
	// "the following month", "the next day", "the night before".
	Anchor Window
}

// Find returns the time expressions of text, in order and non-overlapping,
// resolved against ref (any time of day; only its calendar date counts).
// With a zero ref only absolute expressions get a window.
func Find(text string, ref time.Time, opt Options) []Expr {
	var buf [96]token
	p := parser{text: text, t: tokenize(text, buf[:0])}
	ref = day(ref)
	var out []Expr
	for i := 0; i < len(p.t); {
		if !p.t[i].trigger() {
			i++
			continue
		}
		m, ok := p.at(i)
		if !ok {
			i++
			continue
		}
		s, e := p.t[i].s, p.t[m.end-1].e
		x := Expr{
			Text: text[s:e], Start: s, End: e,
			Relative: m.sp.relative(), Anchored: m.sp.anchored(), Vague: m.sp.vague || m.sp.approx,
			Duration: m.sp.kind == kDuration, Prep: m.prep, sp: m.sp,
		}
		x.Window = m.sp.resolve(ref, opt)
		out = append(out, x)
		i = m.end
	}
	return out
}

// Resolve re-resolves one expression against another reference date or
// anchor, e.g. when the article's content shows its printed date is wrong.
// An Expr built by hand (not returned by Find) is re-parsed from its Text.
func Resolve(e Expr, ref time.Time, opt Options) Window {
	if e.sp.kind == kNone {
		xs := Find(e.Text, ref, opt)
		if len(xs) == 0 {
			return Window{}
		}
		return xs[0].Window
	}
	return e.sp.resolve(day(ref), opt)
}
