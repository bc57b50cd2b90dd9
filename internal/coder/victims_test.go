package coder

import (
	"strings"
	"testing"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/syntax"
)

// What was attacked, named in its own words and placed by the tree ("an
// army base in Peru"), is the recipient when the victims counted after it
// are of its country; victims of another country are.
func TestAttackedPlaceOrVictims(t *testing.T) {
	m, err := syntax.Load()
	if err != nil {
		t.Fatal(err)
	}
	c := defaultCoder(t).WithParser(SyntaxParser(m))
	for text, want := range map[string]string{
		"Bolivian rebels attacked an army base in northern Peru on Monday, killing 12 Peruvian soldiers.": "an army base in northern Peru",
		"Bolivian rebels attacked an army base in northern Peru on Monday, killing 12 Chilean soldiers.":  "Chilean soldiers",
	} {
		var got []string
		for _, m := range c.Code(&article.Article{Source: "t.txt", Text: text, Published: day("2021-03-20")}).Mentions {
			if m.Event == "ASSAULT" {
				got = append(got, m.Recipient.Text)
			}
		}
		if len(got) == 0 || got[0] != want {
			t.Errorf("%q: attacked %q, want %q", text, got, want)
		}
	}
}

// An event noun that is the subject of a verb under "would", "could" or
// "might" tells what the act would do, not that it was done.
func TestConditionalSubject(t *testing.T) {
	m, err := syntax.Load()
	if err != nil {
		t.Fatal(err)
	}
	c := defaultCoder(t).WithParser(SyntaxParser(m))
	for text, want := range map[string]bool{
		"A Chilean seizure of the Peruvian tanker would increase tensions.": false,
		"A Chilean seizure of the Peruvian tanker increased tensions.":      true,
	} {
		got := summaries(c.Code(&article.Article{Source: "t.txt", Text: text, Published: day("2021-03-20")}))
		has := false
		for _, g := range got {
			has = has || strings.HasPrefix(g, "COERCE")
		}
		if has != want {
			t.Errorf("%q: mentions %q, want a seizure: %v", text, got, want)
		}
	}
}
