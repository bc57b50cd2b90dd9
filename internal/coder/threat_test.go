package coder

import (
	"strings"
	"testing"

	"github.com/dyad-project/dyad/internal/article"
)

// A threat that names neither an act nor a target is no event; one that
// names either is.
func TestThreatNeedsActOrTarget(t *testing.T) {
	c := defaultCoder(t)
	tests := []struct {
		text   string
		threat bool
	}{
		{"The Peruvian president vowed on Monday to prevail.", false},
		{"The Peruvian president warned of a difficult winter on Monday.", false},
		{"The Peruvian president warned Chile on Monday.", true},
		{"Peru vowed on Monday to retaliate.", true},
	}
	for _, tt := range tests {
		got := summaries(c.Code(&article.Article{Source: "t.txt", Text: tt.text, Published: day("2021-03-20")}))
		has := false
		for _, g := range got {
			has = has || strings.HasPrefix(g, "THREATEN")
		}
		if has != tt.threat {
			t.Errorf("%q: mentions %q, want a threat: %v", tt.text, got, tt.threat)
		}
	}
}

// "Any" talks or attacks are not events that happened: "said any talks
// with Peru must wait", "any strike on Peru will spark war".
func TestAnyIsNoEvent(t *testing.T) {
	c := defaultCoder(t)
	for text, want := range map[string]bool{
		"Chile said on Monday that any talks with Peru must wait.": false,
		"Chile said on Monday that talks with Peru had begun.":     true,
	} {
		got := summaries(c.Code(&article.Article{Source: "t.txt", Text: text, Published: day("2021-03-20")}))
		has := false
		for _, g := range got {
			has = has || strings.HasPrefix(g, "CONSULT")
		}
		if has != want {
			t.Errorf("%q: mentions %q, want talks: %v", text, got, want)
		}
	}
}

// An attack of words is an accusation: "launched a scathing attack on".
func TestVerbalAttack(t *testing.T) {
	c := defaultCoder(t)
	for text, want := range map[string]string{
		"The Peruvian president launched a scathing attack on Chile on Monday.": "ACCUSE PER>CHL",
		"Peruvian troops launched an attack on Chile on Monday.":                "ASSAULT PER>CHL",
	} {
		got := summaries(c.Code(&article.Article{Source: "t.txt", Text: text, Published: day("2021-03-20")}))
		ok := false
		for _, g := range got {
			ok = ok || strings.HasPrefix(g, want)
		}
		if !ok {
			t.Errorf("%q: mentions %q, want %s", text, got, want)
		}
	}
}

// A verb's word used as a noun, after an article or a possessive, names a
// thing, not an act: "Chile's talk of appeasement" is no meeting.
func TestVerbWordAsNoun(t *testing.T) {
	c := defaultCoder(t)
	for text, want := range map[string]bool{
		"Chile's talk of appeasement with Peru alarmed Bolivia on Monday.":   false,
		"Chile's “talk of appeasement” with Peru alarmed Bolivia on Monday.": false,
		"Chile will talk with Peru on Monday.":                               true,
	} {
		got := summaries(c.Code(&article.Article{Source: "t.txt", Text: text, Published: day("2021-03-20")}))
		has := false
		for _, g := range got {
			has = has || strings.HasPrefix(g, "CONSULT")
		}
		if has != want {
			t.Errorf("%q: mentions %q, want a meeting: %v", text, got, want)
		}
	}
}
