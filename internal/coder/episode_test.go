package coder

import (
	"testing"
)

// An undated mention takes the week the text gives the same exchange: the
// meeting "this week" is the meeting the next sentence calls "the first".
func TestSharedWeek(t *testing.T) {
	checkPresence(t, parsingCoder(t), []presence{
		{"Chilean farmers met with the Peruvian president this week. It was the president's first meeting with Chilean farmers.", "CONSULT PER>CHL 2021-03-15..2021-03-20", true},
		{"Chilean farmers met with the Peruvian president this week. It was the president's first meeting with Chilean farmers.", "CONSULT PER>CHL 2021-03-20..2021-03-20", false},
	})
}
