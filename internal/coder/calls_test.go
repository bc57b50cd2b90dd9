package coder

import "testing"

// TestPhoneCalls: calling a party with no name given to it is a telephone
// call; a naming, another sense of "call" or a call not made is none.
func TestPhoneCalls(t *testing.T) {
	checkPresence(t, parsingCoder(t), []presence{
		{"Kenyan President Uhuru Kenyatta called Ugandan President Yoweri Museveni on Friday to discuss the border.", "CONSULT KEN>UGA", true},
		{"Kenya's president called Uganda's president last week.", "CONSULT KEN>UGA", true},
		{"Kenya's president called Uganda's president last week.", "ACCUSE", false}, // a time is no name
		{"Kenya's president called the Ugandan decision a disgrace.", "CONSULT", false},
		{"Kenya's president called Uganda's decision a disgrace.", "CONSULT", false},
		{"Kenya's president called on Uganda to withdraw its troops.", "CONSULT", false},
		{"Kenya's president will call his Ugandan counterpart next week.", "CONSULT", false},
		{"Kenya's president did not call Uganda's president.", "CONSULT", false},
	})
}
