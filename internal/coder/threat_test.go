package coder

import "testing"

// A threat that names neither an act nor a target is no event; one that
// names either is.
func TestThreatNeedsActOrTarget(t *testing.T) {
	checkPresence(t, defaultCoder(t), []presence{
		{"The Peruvian president vowed on Monday to prevail.", "THREATEN", false},
		{"The Peruvian president warned of a difficult winter on Monday.", "THREATEN", false},
		{"The Peruvian president warned Chile on Monday.", "THREATEN", true},
		{"Peru vowed on Monday to retaliate.", "THREATEN", true},
	})
}

// "Any" talks or attacks are not events that happened: "said any talks
// with Peru must wait", "any strike on Peru will spark war".
func TestAnyIsNoEvent(t *testing.T) {
	checkPresence(t, defaultCoder(t), []presence{
		{"Chile said on Monday that any talks with Peru must wait.", "CONSULT", false},
		{"Chile said on Monday that talks with Peru had begun.", "CONSULT", true},
	})
}

// An attack of words is an accusation: "launched a scathing attack on".
func TestVerbalAttack(t *testing.T) {
	checkPresence(t, defaultCoder(t), []presence{
		{"The Peruvian president launched a scathing attack on Chile on Monday.", "ACCUSE PER>CHL", true},
		{"Peruvian troops launched an attack on Chile on Monday.", "ASSAULT PER>CHL", true},
	})
}

// A verb's word used as a noun, after an article or a possessive, names a
// thing, not an act: "Chile's talk of appeasement" is no meeting.
func TestVerbWordAsNoun(t *testing.T) {
	checkPresence(t, defaultCoder(t), []presence{
		{"Chile's talk of appeasement with Peru alarmed Bolivia on Monday.", "CONSULT", false},
		{"Chile's “talk of appeasement” with Peru alarmed Bolivia on Monday.", "CONSULT", false},
		{"Chile will talk with Peru on Monday.", "CONSULT", true},
	})
}
