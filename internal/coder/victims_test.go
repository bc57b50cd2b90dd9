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

// What an agreement's infinitive is done to, when it is no party, is the
// recipient's text: "agreed to offer an aid package to the cultural
// sector".
func TestComplementText(t *testing.T) {
	text := "Peru agreed to offer an aid package to the cultural sector."
	p := fakeParser{text: "Peru/PROPN/2/nsubj agreed/VERB/0/root to/PART/4/mark offer/VERB/2/xcomp an/DET/7/det aid/NOUN/7/compound " +
		"package/NOUN/4/obj to/ADP/11/case the/DET/11/det cultural/ADJ/11/amod sector/NOUN/4/obl ./PUNCT/2/punct"}
	ms := treeCoded(t, p, text)
	if len(ms) == 0 || ms[0].Event != "AGREE" || ms[0].Recipient.Text != "the cultural sector" || ms[0].Recipient.Code != "" {
		t.Errorf("mentions %+v, want AGREE with recipient text 'the cultural sector'", ms)
	}
}
