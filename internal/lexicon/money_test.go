package lexicon

import (
	"testing"
	"testing/fstest"
)

func TestMoneyObject(t *testing.T) {
	fsys := fstest.MapFS{"verbs/a.yaml": {Data: []byte("- {verb: give, object: [$money], event: AID, cameo: \"071\"}\n")}}
	lex, err := Load(fsys, "verbs")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want bool
	}{
		{"Norway gave $2 million to the fund.", true},
		{"Norway gave US$ 3.5 billion to the fund.", true},
		{"Norway gave €28m to the fund.", true},
		{"Norway gave 352.5 million euros to the fund.", true},
		{"Norway gave 5,000 kroner to each family.", true},
		{"Norway gave 20 people shelter.", false},
		{"Norway gave 3 million reasons.", false},
		{"Norway gave its blessing.", false},
	}
	for _, tt := range tests {
		got := len(lex.Triggers(Tokenize(tt.text))) > 0
		if got != tt.want {
			t.Errorf("%q: trigger %v, want %v", tt.text, got, tt.want)
		}
	}
}

func FuzzMoneyAt(f *testing.F) {
	for _, s := range []string{"$2 million", "US$ 3", "€28m", "352.5 million euros", "m", "$", "us $ bn"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokenize(s)
		for j := range toks {
			if e, ok := moneyAt(toks, j); ok && (e <= j || e > len(toks)) {
				t.Fatalf("%q at %d: end %d out of range", s, j, e)
			}
		}
	})
}
