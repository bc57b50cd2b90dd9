package timex

import "testing"

func TestWords(t *testing.T) {
	for _, c := range []struct {
		w     string
		n     int
		ok    bool
		days  int
		opens bool
	}{
		{"three", 3, true, 0, false}, {"a", 1, true, 0, false}, {"12", 12, true, 0, true},
		{"days", 0, false, 1, false}, {"week", 0, false, 7, false}, {"months", 0, false, 0, false},
		{"december", 0, false, 0, true}, {"monday", 0, false, 0, true}, {"christmas", 0, false, 0, true},
		{"confrontation", 0, false, 0, false},
	} {
		n, ok := Count(c.w)
		days, _ := UnitDays(c.w)
		if n != c.n || ok != c.ok || days != c.days || OpensDate(c.w) != c.opens {
			t.Errorf("%q: Count %d %v, UnitDays %d, OpensDate %v", c.w, n, ok, days, OpensDate(c.w))
		}
	}
}
