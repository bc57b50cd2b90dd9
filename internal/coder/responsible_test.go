package coder

import "testing"

// TestResponsibilities: a speaker saying another party is responsible for
// or behind something accuses it; a denial or a party's own claim does not.
func TestResponsibilities(t *testing.T) {
	checkPresence(t, parsingCoder(t), []presence{
		{"Peru's government said Chilean militants were responsible for the attack.", "ACCUSE PER>CHL", true},
		{"Chilean militants were behind the attack, Peruvian officials said.", "ACCUSE PER>CHL", true},
		{"Peru said Chile was not responsible for the attack.", "ACCUSE", false},
		{"The Chilean group said it was responsible for the attack.", "ACCUSE", false},
		{"The Peruvian minister is responsible for the budget.", "ACCUSE", false},
		{"Peru said Chilean agents were involved in the attack.", "ACCUSE PER>CHL", true},
		// a party saying its own side was not involved denies it
		{"The Chilean group said they were not involved in the attack on Sunday.", "REJECT CHL>", true},
	})
}
