package lexicon

import (
	"slices"
	"testing"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []string // Lower of each token
	}{
		{"The U.S. warned Iraq's government.", []string{"the", "u.s.", "warned", "iraq's", "government", "."}},
		{"Iraq’s PM didn’t say", []string{"iraq's", "pm", "didn't", "say"}},
		{"a 12-hour cease-fire, 1,200 troops and 3.5 tons", []string{"a", "12-hour", "cease-fire", ",", "1,200", "troops", "and", "3.5", "tons"}},
		{"“Death to America,” they chanted", []string{"“", "death", "to", "america", ",", "”", "they", "chanted"}},
		{"Baghdad — the capital – said", []string{"baghdad", "—", "the", "capital", "–", "said"}},
		{"Iranian-backed factions (PMF) struck", []string{"iranian-backed", "factions", "(", "pmf", ")", "struck"}},
		{"protesters' anger", []string{"protesters", "'", "anger"}},
		{"Plan B.", []string{"plan", "b", "."}},
		{"Ünal İnce", []string{"ünal", "ince"}},
	}
	for _, tt := range tests {
		toks := Tokenize(tt.in)
		var got []string
		for _, tok := range toks {
			got = append(got, tok.Lower)
			if tt.in[tok.Start:tok.End] != tok.Text {
				t.Errorf("%q: offsets %d-%d give %q, Text %q", tt.in, tok.Start, tok.End, tt.in[tok.Start:tok.End], tok.Text)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTokenizeEmpty(t *testing.T) {
	if toks := Tokenize("  \n\t "); len(toks) != 0 {
		t.Errorf("got %d tokens for blank input", len(toks))
	}
}
