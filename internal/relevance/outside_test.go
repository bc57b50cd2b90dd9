package relevance

import (
	"slices"
	"testing"
)

// outsideRef is what Read counted before eachOutside: the words of the
// text with its quotations blanked out.
func outsideRef(text string) []string { return words(unquoted(text)) }

func outside(text string) []string {
	var out []string
	eachOutside(text, func(w string) { out = append(out, w) })
	return out
}

func TestEachOutside(t *testing.T) {
	for _, text := range []string{
		"",
		`The minister said "you will pay" and left.`,
		"“You're late,” said the officials' spokesman — according to 'sources'.",
		"«Nous partons» dit-il. I'm staying, my friend.",
		"An open “quotation runs\nto the end of its line; you see",
		`Two "straight" quotes "pair up" but one "stays open`,
		"A curly “opened and straight closed\" quote, then you.",
		"Bad bytes \xff\xfe inside \"quoted \xc3 text\" and out \xe2\x80.",
		"'' ’’ 'x' ’y’ don't I’ll",
		"Tabs\tand\u00a0no-break spaces \u201cinside\u00a0quotes\u201d count",
		"Digits 2024 and 3rd, ۱۲۳ and 一二三 words",
	} {
		if got, want := outside(text), outsideRef(text); !slices.Equal(got, want) {
			t.Errorf("eachOutside(%q) = %q, want %q", text, got, want)
		}
	}
}

func FuzzEachOutside(f *testing.F) {
	f.Add(`He said "you" and “I” «me».`)
	f.Add("a'b’c \xff\"d\n“e")
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := outside(text), outsideRef(text); !slices.Equal(got, want) {
			t.Fatalf("eachOutside(%q) = %q, want %q", text, got, want)
		}
	})
}
