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
		// a name's syllables stay one word; a capitalised compound splits
		{"Moon Jae-in met Kim Jong-un and Yoon Suk-yeol in Iran-backed areas.", "Moon|Jae-in|met|Kim|Jong-un|and|Yoon|Suk-yeol|in|Iran|-|backed|areas|."},
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

// FuzzTokenize checks that tokens are non-empty, in order, inside the text
// and never hold white space.
func FuzzTokenize(f *testing.F) {
	for _, seed := range []string{"The U.S. didn't say.", "’", "s’", "'s'", "a--b...c", "http://x.y/z).", "\xff\xfe"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		last := 0
		for _, sp := range Tokenize(text) {
			if sp.Start < last || sp.End <= sp.Start || sp.End > len(text) {
				t.Fatalf("bad span %v after %d in %q", sp, last, text)
			}
			if strings.ContainsAny(text[sp.Start:sp.End], " \t\n") {
				t.Fatalf("token %q holds white space", text[sp.Start:sp.End])
			}
			last = sp.End
		}
	})
}
