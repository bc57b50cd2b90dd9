package coder

import "testing"

// What was attacked, named in its own words and placed by the tree ("an
// army base in Peru"), is the recipient when the victims counted after it
// are of its country; victims of another country are.
func TestAttackedPlaceOrVictims(t *testing.T) {
	checkRecipients(t, parsingCoder(t), []recipientOf{
		{"Bolivian rebels attacked an army base in northern Peru on Monday, killing 12 Peruvian soldiers.", "ASSAULT", "an army base in northern Peru"},
		{"Bolivian rebels attacked an army base in northern Peru on Monday, killing 12 Chilean soldiers.", "ASSAULT", "Chilean soldiers"},
	})
}

// An event noun that is the subject of a verb under "would", "could" or
// "might" tells what the act would do, not that it was done.
func TestConditionalSubject(t *testing.T) {
	checkPresence(t, parsingCoder(t), []presence{
		{"A Chilean seizure of the Peruvian tanker would increase tensions.", "COERCE", false},
		{"A Chilean seizure of the Peruvian tanker increased tensions.", "COERCE", true},
	})
}

// What an agreement's infinitive is done to, when it is no party, is the
// recipient's text: "agreed to offer an aid package to the cultural
// sector".
func TestComplementText(t *testing.T) {
	text := "Peru agreed to offer an aid package to the cultural sector."
	p := fakeParser{text: "Peru/PROPN/2/nsubj agreed/VERB/0/root to/PART/4/mark offer/VERB/2/xcomp an/DET/7/det aid/NOUN/7/compound " +
		"package/NOUN/4/obj to/ADP/11/case the/DET/11/det cultural/ADJ/11/amod sector/NOUN/4/obl ./PUNCT/2/punct"}
	ms := treeCoded(t, p, text)
	if len(ms) == 0 || ms[0].Event != "AGREE" || ms[0].Recipient.Text != "the cultural sector" || ms[0].Recipient.Code != "" {
		t.Errorf("mentions %+v, want AGREE with recipient text 'the cultural sector'", ms)
	}
}
