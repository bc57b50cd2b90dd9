package coder

import "testing"

// TestIrrealis: an act under a condition, a modal of ability or another
// party's hope is not coded; the same act asserted, a condition granted
// ("did"), a suspicion ("may have") and a conjunct with a subject of its own
// still are.
func TestIrrealis(t *testing.T) {
	checkPresence(t, parsingCoder(t), []presence{
		{"Bolivia warned on Monday that it would respond if Peru holds joint military exercises with Chile.", "COOPERATE PER>CHL", false},
		{"Peru held joint military exercises with Chile on Monday.", "COOPERATE PER>CHL", true},
		{"The Chilean senate can amend or reject the treaty with Peru.", "REJECT", false},
		{"The Chilean senate amended and rejected the treaty with Peru on Monday.", "REJECT CHL", true},
		{"The Bolivian minister said: I hope Peru and Chile will reach an agreement.", "AGREE PER", false},
		{"The Bolivian minister said on Monday that Peru and Chile reached an agreement.", "AGREE PER", true},
		{"The Chilean president must decide whether he will prioritize the alliance and stand with Peru.", "COOPERATE", false},
		{"Chilean officials said Peru may have attacked a Chilean patrol boat on Monday.", "ASSAULT PER>CHL", true},
		{"It is unacceptable if Peru did force another nuclear test, Chile said on Monday.", "MOBILIZE PER", true},
		{"It is unacceptable if Peru holds another nuclear test, Chile said on Monday.", "MOBILIZE PER", false},
	})
}
