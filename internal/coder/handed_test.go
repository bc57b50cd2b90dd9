package coder

import "testing"

// TestHandedGoesToReceiver: what an act gives or moves, when it is only a
// kind of party or the actor's own people, is not the other side; the party
// a preposition names after it is, unless that is a world region or a place
// of the actor's own country. A release's object is whom it frees.
func TestHandedGoesToReceiver(t *testing.T) {
	checkRecipients(t, defaultCoder(t), []recipientOf{
		{"Peru agreed to send Peruvian doctors to Ecuador on Monday.", "", "Ecuador"},
		{"Peru offered 300 engineers for the reconstruction of Ecuador on Monday.", "", "Ecuador"},
		{"The Peruvian government approved troop deployments in Ecuador on Monday.", "", "Ecuador"},
		{"Peru offered Peruvian engineers at a meeting in Lima on Monday.", "", "Peruvian engineers"},
		{"Peru agreed to send Peruvian doctors to the Middle East on Monday.", "", "Peruvian doctors"},
		{"Chile freed twelve fishermen held at a Bolivian naval base on Monday.", "", "fishermen"},
		{"The Peruvian president granted a full pardon to twelve Chilean fishermen on Monday.", "", "Chilean fishermen"},
	})
}

// TestTransferReceiver: what a transfer verb hands over is its object; the
// receiver is named after "to", even when the object names a party too.
func TestTransferReceiver(t *testing.T) {
	checkRecipients(t, parsingCoder(t), []recipientOf{
		{"Peruvian officials returned six Chilean paintings to the government of Chile on Monday.", "RETREAT", "government of Chile"},
		{"Peruvian officials returned six stolen paintings to Chile on Monday.", "RETREAT", "Chile"},
	})
}

// TestOfferedBy: what is accepted or refused came from its counterpart, named
// after "from" or "by" on the thing.
func TestOfferedBy(t *testing.T) {
	checkRecipients(t, parsingCoder(t), []recipientOf{
		{"The Peruvian president accepted an invitation from Chilean President Gabriel Boric.", "AGREE", "Chilean President Gabriel Boric"},
		{"The Peruvian court refused to accept a request from Chile.", "REJECT", "Chile"},
	})
}

// TestComplementPlace: what an agreed act is done to, named after a
// preposition on the infinitive or on its object, is the agreement's
// recipient in the text's words.
func TestComplementPlace(t *testing.T) {
	checkRecipients(t, parsingCoder(t), []recipientOf{
		{"Peru has agreed to allow food aid into the areas hit by the floods.", "AGREE", "the areas"},
		{"The Peruvian minister agreed to resign from the cabinet on Friday.", "AGREE", "cabinet"},
	})
}
