package coder

import "testing"

// A person of a country that writes the family name first is named later
// by that first word ("Xi Jinping" … "Xi"), as others by their last.
func TestFamilyNameFirst(t *testing.T) {
	checkPresence(t, parsingCoder(t), []presence{
		{"Chinese President Xi Jinping met Peruvian President Pedro Castillo in Lima. Xi later criticized the Chilean government.", "ACCUSE CHN>CHL", true},
		{"North Korean leader Kim Jong Un visited Beijing on Monday. Kim later accused the Chilean government of lying.", "ACCUSE PRK>CHL", true},
		// a Chilean's first word is a given name, not the family's
		{"Chilean President Gabriel Boric visited Lima on Monday. Gabriel later criticized the Peruvian congress.", "ACCUSE CHL>PER", false},
	})
}
