package coder

import "testing"

// TestClaimedBack: a claim of responsibility that tells no attack of its
// own names the attackers of the attack told just before; a claim nobody
// made names no one.
func TestClaimedBack(t *testing.T) {
	checkPresence(t, defaultCoder(t), []presence{
		{"At least 21 people were killed on Saturday when a bomb exploded in a Lima market, police said. The Shining Path claimed responsibility in a statement.", "ASSAULT PER>PER", true},
		{"At least 21 people were killed on Saturday when a bomb exploded in a Lima market, police said. No group has claimed responsibility.", "ASSAULT >PER", true},
	})
}
