package coder

import "testing"

// A refusal is made to whom it waits on: the subject of the "until" clause,
// even a party of no country, or the agent of its passive.
func TestRefusalWaitsOnParty(t *testing.T) {
	checkRecipients(t, defaultCoder(t), []recipientOf{
		{"Peruvian miners will not end the strike until the authorities meet their demands.", "REJECT", "authorities"},
		{"Peruvian miners will not end the strike until their demands are met by the government.", "REJECT", "government"},
	})
}

// Stopping a fight is done to whom or where it was fought: "ended its war
// against Peru", "declared a ceasefire in Peru", "ceased operations in Lima".
func TestDeescalationRecipient(t *testing.T) {
	checkPresence(t, defaultCoder(t), []presence{
		{"Chile ended its war against Peru on Monday.", "RETREAT CHL>PER", true},
		{"The Chilean army declared a ceasefire in Peru on Monday.", "RETREAT CHL>PER", true},
		{"The Chilean army ceased its military operations in Arequipa on Monday.", "RETREAT CHL>PER", true},
	})
}

// Two parties joined by "and" before a joint act are its two sides, the
// first acting: "Peruvian and Chilean forces agreed to hold exercises".
func TestCoordinatedSides(t *testing.T) {
	checkPresence(t, parsingCoder(t), []presence{
		{"Peruvian and the Chilean armed forces have agreed to hold joint exercises next year.", "AGREE PER>CHL", true},
	})
}

// A party may end in a name the knowledge base does not know before the
// "and" that joins it to the other side of a meeting.
func TestConjunctAfterUnknownName(t *testing.T) {
	checkPresence(t, defaultCoder(t), []presence{
		{"Peruvian Foreign Minister Varo Tenzi and Chilean Foreign Minister Ana Brisel met in Lima on Monday.", "CONSULT PER>CHL", true},
	})
}

// A title followed by a name the knowledge base does not know is the
// subject right before the verb, even after a fronted phrase that names
// another party.
func TestTitledUnknownName(t *testing.T) {
	checkPresence(t, defaultCoder(t), []presence{
		{"During the protests that shook Peru last month, Chilean President Andres Morales threatened Lima with sanctions.", "THREATEN CHL>PER", true},
	})
}

// "will never" and "would never" state a refusal now, as "will not" does;
// "has never" tells of the past and refuses nothing.
func TestRefusalNever(t *testing.T) {
	checkPresence(t, parsingCoder(t), []presence{
		{"Peru will never negotiate with Chile.", "REJECT PER>CHL", true},
		{"Peru said it would never negotiate with Chile.", "REJECT PER>CHL", true},
		{"Peru has never negotiated with Chile.", "REJECT PER>CHL", false},
	})
}
