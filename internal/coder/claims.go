package coder

import (
	"strings"

	"github.com/dyad-project/dyad/internal/event"
)

// claimReach bounds how far back, in bytes (a few sentences), a claim of
// responsibility with no attack of its own refers: "… when a bomb exploded
// in a market. The group claimed responsibility." names the bombers of the
// sentence before.
const claimReach = 600

// claimedBack gives the last attack by unidentified attackers told in the
// sentences before s its claimant, when s claims responsibility without
// telling an attack of its own ("The Islamic State claimed
// responsibility"). A denied or absent claim ("no group has claimed
// responsibility") names no one. ms are the document's mentions so far,
// those of s last (n of them).
func (d *doc) claimedBack(s *sentence, ms []event.Mention, n int) {
	for _, m := range ms[len(ms)-n:] {
		if m.Event == "ASSAULT" {
			return // the sentence tells the attack it claims
		}
	}
	for _, sp := range s.speech {
		if !strings.Contains(sp.Lemma, "responsib") && s.lower(sp.TokEnd) != "responsibility" && s.lower(sp.TokEnd+1) != "responsibility" {
			continue
		}
		by, cs := s.subject(sp)
		if by == nil || by.generic || by.party.Code == "" && !by.open || s.hasWord(max(cs, 0), sp.TokStart, negations) {
			return
		}
		for i := len(ms) - n - 1; i >= 0; i-- {
			m := &ms[i]
			if s.start-m.SentEnd > claimReach {
				return
			}
			if m.Event == "ASSAULT" && m.Actor.Text == unidentified {
				m.Actor = by.party
				return
			}
		}
		return
	}
}
