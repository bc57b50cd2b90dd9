package coder

import "testing"

// A speaker who judges what a party did harshly accuses that party.
func TestHarshJudgementAccuses(t *testing.T) {
	const want = "ACCUSE BOL>CHL 2021-03-15..2021-03-15"
	checkPresence(t, defaultCoder(t), []presence{
		{"The Bolivian foreign minister said on Monday that Chile's refusal to meet was disappointing.", want, true},
		{"The Bolivian foreign minister said on Monday that Chile's new law was unconstitutional.", want, true},
		{"\"We will expose the crimes of the Chilean government,\" the Bolivian foreign minister said on Monday.", want, true},
	})
}
