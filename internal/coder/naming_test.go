package coder

import (
	"testing"

	"github.com/dyad-project/dyad/internal/event"
)

// Calling a party, or what it did, by a name that does not praise is a
// disapproval; praise and the other senses of "call" are not.
func TestNamingAccuses(t *testing.T) {
	tests := []struct {
		text, tree string
		want       bool
	}{
		{
			text: "The Chilean president on Monday called the Peruvian ambassador a liar.",
			tree: "The/DET/3/det Chilean/ADJ/3/amod president/NOUN/6/nsubj on/ADP/5/case Monday/PROPN/3/nmod called/VERB/0/root " +
				"the/DET/9/det Peruvian/PROPN/9/compound ambassador/NOUN/6/obj a/DET/11/det liar/NOUN/6/obj ./PUNCT/6/punct",
			want: true,
		},
		{
			text: "The Chilean president called Peru's decision a disgrace.",
			tree: "The/DET/3/det Chilean/ADJ/3/amod president/NOUN/4/nsubj called/VERB/0/root Peru/PROPN/7/nmod:poss 's/PART/5/case " +
				"decision/NOUN/4/obj a/DET/9/det disgrace/NOUN/7/obj ./PUNCT/4/punct",
			want: true,
		},
		{
			text: "The Chilean president called the talks with Peru a success.",
			tree: "The/DET/3/det Chilean/ADJ/3/amod president/NOUN/4/nsubj called/VERB/0/root the/DET/6/det talks/NOUN/4/obj " +
				"with/ADP/8/case Peru/PROPN/6/nmod a/DET/10/det success/NOUN/4/xcomp ./PUNCT/4/punct",
		},
		{
			text: "Chilean officials called off the talks with Peru.",
			tree: "Chilean/ADJ/2/amod officials/NOUN/3/nsubj called/VERB/0/root off/ADP/3/compound:prt the/DET/6/det talks/NOUN/3/obj " +
				"with/ADP/8/case Peru/PROPN/6/nmod ./PUNCT/3/punct",
		},
	}
	p := fakeParser{}
	for _, tt := range tests {
		p[tt.text] = tt.tree
	}
	for _, tt := range tests {
		got := anyMention(treeCoded(t, p, tt.text), func(m event.Mention) bool {
			return m.Event == "ACCUSE" && m.Actor.Code == "CHL" && m.Recipient.Code == "PER"
		})
		if got != tt.want {
			t.Errorf("%q: ACCUSE CHL>PER %v, want %v", tt.text, got, tt.want)
		}
	}
}
