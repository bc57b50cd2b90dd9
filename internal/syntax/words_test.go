package syntax

import (
	"strings"
	"testing"
)

// TestParseWords checks that ParseWords gives Parse's offsets, heads,
// relations and UPOS tags, on sentences and on a run of words long enough
// to be parsed in chunks.
func TestParseWords(t *testing.T) {
	m := loadModel(t)
	texts := []string{
		"",
		"Protesters were dispersed by police on Tuesday.",
		"The minister said the talks, which began in May, would resume after the elections.",
		strings.Repeat("Rebels attacked the town and the army sent troops. ", 45),
	}
	for _, text := range texts {
		want := m.Parse(text).Tokens
		got := m.ParseWords(text)
		if len(got) != len(want) {
			t.Fatalf("%.40q: %d words, want %d", text, len(got), len(want))
		}
		for i, w := range want {
			if g := got[i]; g != (Word{Start: w.Start, End: w.End, Head: w.Head, Rel: w.Rel, UPOS: w.UPOS, XPOS: w.XPOS}) {
				t.Fatalf("%.40q word %d: %+v, want %+v", text, i, g, w)
			}
		}
	}
}
