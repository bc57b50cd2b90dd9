package coder

import "testing"

// TestIrrealis: an act under a condition, a modal of ability, a
// conditional "would", another party's hope, set against what is asserted
// ("rather than") or only attempted is not coded; the same act asserted, a
// condition granted ("did"), a suspicion ("may have"), a reported "would"
// and an attempt of force still are.
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
		{"Peru and Chile would sign a border treaty if Bolivia drops its claim.", "SUPPORT PER>CHL", false},
		{"Peru would sign a border treaty with Chile, the minister said on Monday.", "SUPPORT PER>CHL", true},
		{"Officials said the fire was an accident rather than an attack on the Chilean embassy by Peruvian militants.", "ASSAULT", false},
		{"Peruvian militants attacked the Chilean embassy on Monday.", "ASSAULT PER>CHL", true},
		{"Diplomats are trying to persuade Peru to agree to a ceasefire with Chile.", "AGREE", false},
		{"Peruvian police are working to release the Chilean fishermen.", "RETREAT", false},
		{"Peruvian police released the Chilean fishermen on Monday.", "RETREAT PER>CHL", true},
		{"Peruvian police tried to arrest the Chilean consul on Monday.", "COERCE PER>CHL", true},
		{"Chile offered a truce on Monday, but only on the condition that Peru also halts the shelling of Chilean towns.", "RETREAT", false},
		{"Peru halted the shelling of Chilean towns on Monday.", "RETREAT PER", true},
		{"It is unacceptable if Peru did force another nuclear test, Chile said on Monday.", "MOBILIZE PER", true},
		{"It is unacceptable if Peru holds another nuclear test, Chile said on Monday.", "MOBILIZE PER", false},
	})
}

// An act expected or foreseen has not happened: "expected Peru to
// release", "is expected to sign", "expect that Peru will sign".
func TestExpectedActs(t *testing.T) {
	checkPresence(t, parsingCoder(t), []presence{
		{"Neither the Chilean president nor congressional leaders expected Peru to release the Bolivian prisoners.", "RETREAT PER>BOL", false},
		{"Chilean officials expect that Peru will sign the deal with Bolivia.", "AGREE PER>BOL", false},
		{"Peru released the Bolivian prisoners, as expected.", "RETREAT PER>BOL", true},
	})
}
