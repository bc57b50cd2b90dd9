package timex

import (
	"testing"
	"time"
)

func TestFlags(t *testing.T) {
	ref := mustDay(t, "2015-02-25")
	tests := []struct {
		in                                  string
		relative, anchored, vague, duration bool
		prep                                string
	}{
		{"in March 2023", false, false, false, false, "in"},
		{"on Tuesday", true, false, false, false, "on"},
		{"since July last year", true, false, false, false, "since"},
		{"the following month", true, true, false, false, ""},
		{"in recent months", true, false, true, false, "in"},
		{"recently", true, false, true, false, ""},
		{"for nearly a year", true, false, true, true, "for"},
		{"for ten months", true, false, false, true, "for"},
		{"nearly a year ago", true, false, true, false, ""},
		{"less than a year ago", true, false, false, false, ""},
		{"26 February 2017", false, false, false, false, ""},
		{"until 2014", false, false, false, false, "until"},
	}
	for _, tt := range tests {
		xs := Find(tt.in, ref, Options{})
		if len(xs) != 1 {
			t.Errorf("%q: %d expressions", tt.in, len(xs))
			continue
		}
		x := xs[0]
		if x.Relative != tt.relative || x.Anchored != tt.anchored || x.Vague != tt.vague || x.Duration != tt.duration || x.Prep != tt.prep {
			t.Errorf("%q: relative %v anchored %v vague %v duration %v prep %q; want %v %v %v %v %q", tt.in,
				x.Relative, x.Anchored, x.Vague, x.Duration, x.Prep, tt.relative, tt.anchored, tt.vague, tt.duration, tt.prep)
		}
	}
}

func TestSeveralInOneSentence(t *testing.T) {
	s := "Rice said Tuesday that the speech, set for March 3, two weeks before the election, was first planned in January, and the talks resume next week."
	xs := Find(s, mustDay(t, "2015-02-25"), Options{})
	want := []string{"Tuesday", "for March 3", "in January", "next week"}
	if len(xs) != len(want) {
		t.Fatalf("got %d expressions %+v, want %q", len(xs), xs, want)
	}
	end := 0
	for i, x := range xs {
		if x.Text != want[i] || s[x.Start:x.End] != x.Text || x.Start < end {
			t.Errorf("expression %d: %q at [%d:%d], want %q in order", i, x.Text, x.Start, x.End, want[i])
		}
		end = x.End
	}
}

func TestResolveAgainstAnotherReference(t *testing.T) {
	// The page says 2025 but its content is from September 2020.
	xs := Find("Hussein arrived in Tehran on Saturday morning, the letter came last week.", mustDay(t, "2025-11-18"), Options{})
	if len(xs) != 2 {
		t.Fatalf("got %+v", xs)
	}
	content := mustDay(t, "2020-09-28")
	if w := Resolve(xs[0], content, Options{}); w != mustWindow(t, "2020-09-26/2020-09-26 day") {
		t.Errorf("Saturday re-resolved to %v", w)
	}
	if w := Resolve(xs[1], content, Options{}); w != mustWindow(t, "2020-09-21/2020-09-27 week") {
		t.Errorf("last week re-resolved to %v", w)
	}
	// an Expr made by hand is re-parsed from its text
	if w := Resolve(Expr{Text: "in October 2023"}, time.Time{}, Options{}); w != mustWindow(t, "2023-10-01/2023-10-31 month") {
		t.Errorf("hand-made expr resolved to %v", w)
	}
	if w := Resolve(Expr{Text: "no date here"}, content, Options{}); !w.IsZero() {
		t.Errorf("text without a date resolved to %v", w)
	}
}

func TestZeroReference(t *testing.T) {
	xs := Find("On Tuesday, the court ruled on a case from 26 February 2017 and in 2014.", time.Time{}, Options{})
	if len(xs) != 3 {
		t.Fatalf("got %+v", xs)
	}
	if !xs[0].Window.IsZero() || !xs[0].Relative {
		t.Errorf("weekday without reference: %+v", xs[0])
	}
	if xs[1].Window.IsZero() || xs[2].Window.IsZero() {
		t.Errorf("absolute dates unresolved: %+v", xs[1:])
	}
}

func TestWindowMethods(t *testing.T) {
	w := mustWindow(t, "2015-02-01/2015-02-28 month")
	if w.Days() != 28 || w.IsZero() {
		t.Errorf("Days %d IsZero %v", w.Days(), w.IsZero())
	}
	if !w.Contains(time.Date(2015, 2, 28, 23, 59, 0, 0, time.UTC)) || w.Contains(mustDay(t, "2015-03-01")) || w.Contains(mustDay(t, "2015-01-31")) {
		t.Error("Contains is wrong at the edges")
	}
	var z Window
	if !z.IsZero() || z.Days() != 0 || z.Contains(mustDay(t, "2015-02-02")) {
		t.Error("zero window misbehaves")
	}
	if dayW(mustDay(t, "2020-03-08")).Days() != 1 {
		t.Error("one day is not one day")
	}
}
