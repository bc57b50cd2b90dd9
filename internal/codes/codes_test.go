package codes

import (
	"strings"
	"testing"
)

func TestDyadAndType(t *testing.T) {
	dyads := []struct{ in, a, b, err string }{
		{"USA:IRQ", "USA", "IRQ", ""},
		{"usa:irq", "USA", "IRQ", ""},
		{" igo : usa ", "IGO", "USA", ""},
		{"US:IQ", "", "", `unknown country code "US"`},
		{"USA:XXX", "", "", `unknown country code "XXX"`},
		{"USA", "", "", "want two country codes"},
		{"USA:", "", "", "want two country codes"},
	}
	for _, c := range dyads {
		a, b, err := Dyad(c.in)
		if a != c.a || b != c.b || (err == nil) != (c.err == "") || (err != nil && !strings.Contains(err.Error(), c.err)) {
			t.Errorf("Dyad(%q) = %q, %q, %v; want %q, %q, %q", c.in, a, b, err, c.a, c.b, c.err)
		}
	}
	types := []struct{ in, want string }{{"threaten", "THREATEN"}, {"ASSAULT", "ASSAULT"}, {"threats", ""}, {"", ""}}
	for _, c := range types {
		got, err := Type(c.in)
		if got != c.want || (err == nil) != (c.want != "") {
			t.Errorf("Type(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
}
