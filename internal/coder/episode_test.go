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

// An undated act told in the past tense belongs to the episode the text
// told before with the same parties, however old; one in the present or
// the future keeps the article's day.
func TestEpisodeOfPastAct(t *testing.T) {
	const told = "Peruvian police arrested a Chilean smuggler in May 2019. "
	checkPresence(t, parsingCoder(t), []presence{
		{told + "Prosecutors say the route had not been mapped when Peruvian police arrested the Chilean smuggler.", "COERCE PER>CHL 2019-05-01..2019-05-31 reported", true},
		{told + "Peruvian police have arrested Chilean smugglers.", "COERCE PER>CHL 2021-03-20", false},
		{told + "Peruvian police will arrest Chilean smugglers at the border.", "COERCE PER>CHL 2021-03-20..2021-03-20 planned", true},
		// another type or other parties are another episode
		{told + "Bolivian police arrested a Chilean smuggler.", "COERCE BOL>CHL 2021-03-20..2021-03-20", true},
	})
}

// toldPast reads the tense of the trigger's verb from the tree.
func TestToldPast(t *testing.T) {
	c := parsingCoder(t)
	tests := []struct {
		text, trigger string
		want          bool
	}{
		{"Peruvian police arrested a Chilean smuggler.", "arrested", true},
		{"Peruvian police have arrested a Chilean smuggler.", "arrested", true},
		{"The smuggler was arrested by Peruvian police.", "arrested", true},
		{"Peruvian police arrest smugglers every week.", "arrest", false},
		{"Peruvian police will arrest the smuggler.", "arrest", false},
		{"Peruvian police are arresting smugglers.", "arresting", false},
		{"The law allows smugglers to be arrested without a warrant.", "arrested", false},
		{"The arrest of the smuggler angered Chile.", "arrest", false},
	}
	for _, tt := range tests {
		s := &sentence{text: tt.text}
		if got := c.toldPast(s, tt.trigger); got != tt.want {
			t.Errorf("%q: %q told in the past: %v, want %v", tt.text, tt.trigger, got, tt.want)
		}
	}
}
