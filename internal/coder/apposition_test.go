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

// A demonym or a country that qualifies a name is one of that country's
// people, not the state: the state may act on it ("a state is not its own
// counterpart" holds only for the state itself).
func TestDemonymOfANameIsNoState(t *testing.T) {
	checkPresence(t, defaultCoder(t), []presence{
		{"Peru opened an investigation into Peruvian Sergeant Tomas Quispe on Monday.", "ACCUSE PER>PER", true},
		{"Peru opened an investigation into former Peru defender Tomas Quispe on Monday.", "ACCUSE PER>PER", true},
		{"Peru opened an investigation into the Peruvian economy on Monday.", "ACCUSE PER>PER", false},
	})
}

// A city or region of a country is its people, not the state: a state may
// act on it.
func TestTownIsNoState(t *testing.T) {
	checkPresence(t, defaultCoder(t), []presence{
		{"Peruvian officials imposed a curfew on Arequipa on Monday.", "COERCE PER>PER", true},
		{"Peruvian officials imposed a curfew on Peru on Monday.", "COERCE PER>PER", false},
	})
}

// A state's own official may act on the state's decision ("defended Peru's
// decision"); the owner of the act's own object ("reiterated Peru's
// support for Chile") is no recipient.
func TestOwnerOfAThing(t *testing.T) {
	checkPresence(t, parsingCoder(t), []presence{
		{"The Peruvian interior minister defended Peru's decision to close the border on Monday.", "SUPPORT PER>PER", true},
		{"The Peruvian president reiterated Peru's support for Chile on Monday.", "SUPPORT PER>CHL", true},
	})
}

// parsingCoder is the default coder with the embedded parser.
func parsingCoder(t *testing.T) *Coder {
	t.Helper()
	m, err := syntax.Load()
	if err != nil {
		t.Fatal(err)
	}
	return defaultCoder(t).WithParser(SyntaxParser(m))
}

// TestAppositivePlace: a party whose country came from the article takes
// the country of a place its appositive names.
func TestAppositivePlace(t *testing.T) {
	checkPresence(t, parsingCoder(t), []presence{
		{"Peru's army shelled the border town on Friday. Senator Ana Brisel, Democrat of Connecticut, also said that the Chilean president must do more to explain his goals.", "REQUEST USA>CHL", true},
	})
}

// An unknown name the tree reads as the recipient, before the party the
// words found, is the recipient: the words see only known names.
func TestUnknownNameBeforeKnownParty(t *testing.T) {
	c := parsingCoder(t)
	for _, text := range []string{
		"The Chilean police opened an investigation of Quispe over his ties with the Bolivian government.",
		"The Chilean police launched an investigation into Quispe on suspicion of insulting the Bolivian state.",
	} {
		ms := c.Code(&article.Article{Source: "t.txt", Text: text, Published: day("2021-03-20")}).Mentions
		if !anyMention(ms, func(m event.Mention) bool { return m.Event == "ACCUSE" && m.Recipient.Text == "Quispe" }) {
			t.Errorf("%q: mentions %q, want ACCUSE of Quispe", text, summaries(c.Code(&article.Article{Source: "t.txt", Text: text, Published: day("2021-03-20")})))
		}
	}
}

// appositiveOf: a party set off by a comma and at most an article right
// after a name describes it; one further on, or after other words, does not.
func TestAppositiveOf(t *testing.T) {
	text := "He spoke to Gen. Ruiz, the army chief of Peru, and to Quispe about Peru."
	at := func(w string) *chunk {
		i := strings.Index(text, w)
		return &chunk{start: i, end: i + len(w)}
	}
	s := &sentence{text: text}
	for _, tt := range []struct {
		c, d string
		want bool
	}{
		{"Gen. Ruiz", "army chief of Peru", true},
		{"Quispe", "Peru.", false},
		{"Gen. Ruiz", "Quispe", false},
		{"Ruiz", "army chief of Peru", true},
	} {
		if got := s.appositiveOf(at(tt.c), at(tt.d)); got != tt.want {
			t.Errorf("appositiveOf(%q, %q) = %v, want %v", tt.c, tt.d, got, tt.want)
		}
	}
}

// A capitalised noun named by a proper noun after "for" or "without" is an
// organisation the knowledge base does not know, even where the tagger took
// the noun for a common one; a lower-case noun is not.
func TestNamedForOrganisation(t *testing.T) {
	c := parsingCoder(t)
	for _, tt := range []struct {
		text, name string
		want       bool
	}{
		{"Jurisdiction for Peace ordered an investigation against DEA officials.", "Jurisdiction for Peace", true},
		{"Transparency for Justice accused the Chilean army of torture.", "Transparency for Justice", true},
		{"A campaign for Justice accused the Chilean army of torture.", "campaign for Justice", false},
	} {
		ms := c.Code(&article.Article{Source: "t.txt", Text: tt.text, Published: day("2021-03-20")}).Mentions
		if got := anyMention(ms, func(m event.Mention) bool { return strings.HasSuffix(m.Actor.Text, tt.name) }); got != tt.want {
			t.Errorf("%q: mentions %+v, want actor %q: %v", tt.text, ms, tt.name, tt.want)
		}
	}
}
