package coder

import (
	"testing"

	"github.com/dyad-project/dyad/internal/event"
)

// "He" or "she" reported by a speaker whose name the knowledge base does
// not know is that speaker: a person, even unknown.
func TestHeBindsUnknownName(t *testing.T) {
	text := "Varo Tenzi said he will not lift the embargo until Chile reforms."
	p := fakeParser{text: "Varo/PROPN/3/nsubj Tenzi/PROPN/1/flat said/VERB/0/root he/PRON/7/nsubj will/AUX/7/aux " +
		"not/PART/7/advmod lift/VERB/3/ccomp the/DET/9/det embargo/NOUN/7/obj until/SCONJ/11/mark Chile/PROPN/12/nsubj " +
		"reforms/VERB/7/advcl ./PUNCT/3/punct"}
	if ms := treeCoded(t, p, text); !anyMention(ms, func(m event.Mention) bool {
		return m.Event == "REJECT" && m.Actor.Text == "Varo Tenzi" && m.Recipient.Code == "CHL"
	}) {
		t.Errorf("mentions %+v, want REJECT by Varo Tenzi to CHL", ms)
	}
}

// TestSpeakerOwns: "his country" in a reported clause is the speaker's
// state; "it" after a leader is the state the leader speaks for; an event
// noun a speaker says its side will begin is a threat.
func TestSpeakerOwns(t *testing.T) {
	c := parsingCoder(t)
	checkPresence(t, c, []presence{
		{"Kenyan President Uhuru Kenyatta said his country will not lift the ban on Uganda until Kampala pays its debts.", "REJECT KEN>UGA", true},
		{"Kenya's president says it will begin a new military operation against Somali militants within a few days.", "THREATEN KEN>SOM", true},
		{"Kenya's president says it will begin a new military operation against Somali militants within a few days.", "ASSAULT", false},
	})
}
