package syntax

import (
	"strings"
	"testing"
)

func TestTokenize(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"The U.S. didn't say.", "The|U.S.|did|n't|say|."},
		{`"We can't," Mr. Smith said.`, `"|We|ca|n't|,|"|Mr.|Smith|said|.`},
		{"Iraq's long-term plan cost $1,000.50 (5%).", "Iraq|'s|long|-|term|plan|cost|$|1,000.50|(|5|%|)|."},
		{"See www.example.com/a, or mail a@b.org.", "See|www.example.com/a|,|or|mail|a@b.org|."},
		{"The parents' homes... they’re gone!", "The|parents|'|homes|...|they|’re|gone|!"},
		{"", ""},
		{"\x00 \x01 ?!", "?|!"},
	} {
		var got []string
		for _, sp := range Tokenize(c.in) {
			got = append(got, c.in[sp.Start:sp.End])
		}
		if g := strings.Join(got, "|"); g != c.want {
			t.Errorf("Tokenize(%q) = %q, want %q", c.in, g, c.want)
		}
	}
}
