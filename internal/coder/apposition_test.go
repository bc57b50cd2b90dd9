package coder

import (
	"slices"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/syntax"
)

// A name the knowledge base does not know, followed by an appositive kind
// of party, is the party: the appositive gives it its country and sector,
// whichever of the two the parse makes the head.
func TestAppositiveDescribesName(t *testing.T) {
	tests := []struct {
		text, tree     string
		actor, recip   string
		actorCode, rec string
	}{
		{
			text: "Police arrested Varo Tenzi, a former Peruvian publisher, on Monday.",
			tree: "Police/NOUN/2/nsubj arrested/VERB/0/root Varo/PROPN/2/obj Tenzi/PROPN/3/flat ,/PUNCT/9/punct a/DET/9/det " +
				"former/ADJ/9/amod Peruvian/ADJ/9/amod publisher/NOUN/2/obl:unmarked ,/PUNCT/12/punct on/ADP/12/case " +
				"Monday/PROPN/2/obl ./PUNCT/2/punct",
			recip: "Varo Tenzi", rec: "PER",
		},
		{
			text: "Varo Tenzi, a Peruvian lawyer, met Bolivian officials on Monday.",
			tree: "Varo/PROPN/6/nsubj Tenzi/PROPN/1/flat ,/PUNCT/6/punct a/DET/6/det Peruvian/ADJ/6/amod lawyer/NOUN/8/nsubj " +
				",/PUNCT/6/punct met/VERB/0/root Bolivian/ADJ/10/amod officials/NOUN/8/obj on/ADP/12/case Monday/PROPN/8/obl ./PUNCT/8/punct",
			actor: "Varo Tenzi", actorCode: "PER",
		},
	}
	p := fakeParser{}
	for _, tt := range tests {
		p[tt.text] = tt.tree
	}
	for _, tt := range tests {
		ms := treeCoded(t, p, tt.text)
		if !slices.ContainsFunc(ms, func(m event.Mention) bool {
			if tt.actor != "" {
				return m.Actor.Text == tt.actor && m.Actor.Code == tt.actorCode
			}
			return m.Recipient.Text == tt.recip && m.Recipient.Code == tt.rec
		}) {
			t.Errorf("%q: mentions %+v, want the name with the appositive's country", tt.text, ms)
		}
	}
}

// A demonym that qualifies a name is one of that country's people, not the
// state: the state may act on it ("a state is not its own counterpart"
// holds only for the state itself).
func TestDemonymOfANameIsNoState(t *testing.T) {
	c := defaultCoder(t)
	for text, want := range map[string]bool{
		"Peru opened an investigation into Peruvian Sergeant Tomas Quispe on Monday.":    true,
		"Peru opened an investigation into former Peru defender Tomas Quispe on Monday.": true,
		"Peru opened an investigation into the Peruvian economy on Monday.":              false,
	} {
		got := summaries(c.Code(&article.Article{Source: "t.txt", Text: text, Published: day("2021-03-20")}))
		if has := slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, "ACCUSE PER>PER") }); has != want {
			t.Errorf("%q: mentions %q, want ACCUSE PER>PER: %v", text, got, want)
		}
	}
}

// A city or region of a country is its people, not the state: a state may
// act on it.
func TestTownIsNoState(t *testing.T) {
	c := defaultCoder(t)
	for text, want := range map[string]bool{
		"Peruvian officials imposed a curfew on Arequipa on Monday.": true,
		"Peruvian officials imposed a curfew on Peru on Monday.":     false,
	} {
		got := summaries(c.Code(&article.Article{Source: "t.txt", Text: text, Published: day("2021-03-20")}))
		has := slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, "COERCE PER>PER") })
		if has != want {
			t.Errorf("%q: mentions %q, want COERCE PER>PER: %v", text, got, want)
		}
	}
}

// A state's own official may act on the state's decision ("defended Peru's
// decision"); the owner of the act's own object ("expressed Peru's
// solidarity with Chile") is no recipient.
func TestOwnerOfAThing(t *testing.T) {
	m, err := syntax.Load()
	if err != nil {
		t.Fatal(err)
	}
	c := defaultCoder(t).WithParser(SyntaxParser(m))
	for text, want := range map[string]string{
		"The Peruvian interior minister defended Peru's decision to close the border on Monday.": "SUPPORT PER>PER",
		"The Peruvian president reiterated Peru's support for Chile on Monday.":                  "SUPPORT PER>CHL",
	} {
		got := summaries(c.Code(&article.Article{Source: "t.txt", Text: text, Published: day("2021-03-20")}))
		if !slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, want) }) {
			t.Errorf("%q: mentions %q, want %s", text, got, want)
		}
	}
}
