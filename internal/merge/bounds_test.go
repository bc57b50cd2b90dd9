package merge

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/dyad-project/dyad/internal/event"
)

// A story's window bounds answer what a pass over its mentions' windows
// does (every one holds a span, every one meets a window), through
// additions and a rebuild, for dated, undated, background and wide
// mentions alike.
func TestStoryWindowBounds(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	base := d("2025-01-01")
	randMention := func() *event.Mention {
		m := &event.Mention{Event: "ACCUSE", Actor: event.Party{Code: "USA"}, Recipient: event.Party{Code: "IRN"}}
		switch r.IntN(5) {
		case 0: // undated
		case 1: // history told without a date of its own: unbounded
			m.Background = true
			m.DateEnd = base.AddDate(0, 0, r.IntN(40))
			m.DateStart = m.DateEnd.AddDate(0, 0, -r.IntN(30))
		default:
			m.DateStart = base.AddDate(0, 0, r.IntN(40))
			m.DateEnd = m.DateStart.AddDate(0, 0, r.IntN(3)*r.IntN(12))
			m.DateText = "on a day"
			m.Background = r.IntN(4) == 0
		}
		return m
	}
	holdAll := func(s *Story, a, b time.Time) bool {
		for _, o := range s.Mentions {
			if !refWindow(o).contains(a, b) {
				return false
			}
		}
		return true
	}
	meetAll := func(s *Story, w window) bool {
		for _, o := range s.Mentions {
			if !refWindow(o).overlaps(w) {
				return false
			}
		}
		return true
	}
	for trial := range 300 {
		s := &Story{}
		for range 1 + r.IntN(6) {
			s.add(randMention())
		}
		if trial%3 == 0 {
			s.Mentions = s.Mentions[1:]
			s.rebuild()
		}
		for range 20 {
			m := randMention()
			if got, want := s.allHold(m.DateStart, m.DateEnd), holdAll(s, m.DateStart, m.DateEnd); got != want {
				t.Fatalf("trial %d: allHold(%s…%s) = %v, the pass gives %v", trial, m.DateStart.Format(time.DateOnly), m.DateEnd.Format(time.DateOnly), got, want)
			}
			w := refWindow(m)
			if got, want := s.allMeet(w), meetAll(s, w); got != want {
				t.Fatalf("trial %d: allMeet(%s) = %v, the pass gives %v", trial, w, got, want)
			}
		}
	}
}
