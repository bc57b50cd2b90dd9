package lexicon

import "testing"

// TestNewsStopPhrases checks phrases that name, describe or measure rather
// than report an act: they must not trigger, while the same words in their
// event sense still do.
func TestNewsStopPhrases(t *testing.T) {
	lex := mustDefault(t)
	tests := []struct{ sentence, want string }{
		{"The militias, many backed by Iran, held a rally.", "PROTEST/demo held"},
		{"Lawmakers backed the decision on Tuesday.", "SUPPORT backed"},
		{"He met with U.N. Secretary-General Ban Ki-moon in Cairo.", "CONSULT met with"},
		{"The government will ban the group.", "COERCE/restrict ban"},
		{"He has lost 40 pounds in weight.", ""},
		{"Israeli artillery pounded Gaza overnight.", "ASSAULT/heavy-weapons pounded"},
		{"The scenes were potent demonstrations of the anger that had grown.", ""},
		{"They discussed closer military cooperation.", "CONSULT discussed"},
		{"Iraq deepened its cooperation with Iran.", "COOPERATE cooperation"},
		{"Iran could build a nuclear bomb within months.", ""},
		{"They lived through the American occupation.", ""},
		{"The occupation of Crimea continues.", "COERCE/seize occupation"},
		{"He was held in a detention facility in Hasakah.", ""},
		{"It was a clear signal of support for the prime minister.", ""},
	}
	for _, tt := range tests {
		if got := describe(tt.sentence, lex.Triggers(Tokenize(tt.sentence))); got != tt.want {
			t.Errorf("%s\n got %q\nwant %q", tt.sentence, got, tt.want)
		}
	}
}

// TestNewsVocabulary checks triggers added for acts that news reports with
// words the core lists lacked.
func TestNewsVocabulary(t *testing.T) {
	lex := mustDefault(t)
	tests := []struct{ sentence, want string }{
		{"Riot police massed in the square.", "MOBILIZE/troops massed"},
		{"The unprecedented mass protests rocked Iran.", "PROTEST/demo protests"},
		{"Officials blamed Iran for the sabotage of oil tankers.", "ACCUSE/allege blamed; ASSAULT/destroy sabotage"},
		{"Protesters ransacked the parliament.", "ASSAULT/destroy ransacked"},
		{"Authorities admitted responsibility for the crash.", "CONCEDE admitted"},
		{"The patient was admitted to hospital.", ""},
	}
	for _, tt := range tests {
		if got := describe(tt.sentence, lex.Triggers(Tokenize(tt.sentence))); got != tt.want {
			t.Errorf("%s\n got %q\nwant %q", tt.sentence, got, tt.want)
		}
	}
}
