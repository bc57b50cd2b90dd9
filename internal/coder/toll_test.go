package coder

import (
	"testing"

	"github.com/dyad-project/dyad/internal/article"
)

// The toll of an attack the text has told is no attack of its own; an
// attack on another day is.
func TestTollIsNoNewAttack(t *testing.T) {
	c := defaultCoder(t)
	tests := []struct {
		text    string
		attacks int
	}{
		{"Two protesters were killed at a rally in Lima on Monday. Officials said on Monday that 30 people were wounded in the clashes.", 1},
		{"Two protesters were killed at a rally in Lima on Monday. On Friday, three students were killed at a rally in Lima.", 2},
	}
	for _, tt := range tests {
		res := c.Code(&article.Article{Source: "t.txt", Text: tt.text, Published: day("2021-03-20")})
		n := 0
		for _, m := range res.Mentions {
			if m.Event == "ASSAULT" {
				n++
			}
		}
		if n != tt.attacks {
			t.Errorf("%q: %d attacks %v, want %d", tt.text, n, summaries(res), tt.attacks)
		}
	}
}
