package lexicon

import (
	"slices"
	"testing"
)

func TestVerbForms(t *testing.T) {
	tests := []struct {
		verb string
		want []string
	}{
		{"warn", []string{"warn", "warns", "warned", "warning"}},
		{"plan", []string{"plan", "plans", "planned", "planning"}},
		{"stop", []string{"stop", "stops", "stopped", "stopping"}},
		{"free", []string{"free", "frees", "freed", "freeing"}},
		{"seize", []string{"seize", "seizes", "seized", "seizing"}},
		{"deny", []string{"deny", "denies", "denied", "denying"}},
		{"ally", []string{"ally", "allies", "allied", "allying"}},
		{"press", []string{"press", "presses", "pressed", "pressing"}},
		{"visit", []string{"visit", "visits", "visited", "visiting"}},
		{"target", []string{"target", "targets", "targeted", "targeting"}},
		{"commit", []string{"commit", "commits", "committed", "committing"}},
		{"expel", []string{"expel", "expels", "expelled", "expelling"}},
		{"cancel", []string{"cancel", "cancels", "canceled", "canceling", "cancelled", "cancelling"}},
		{"veto", []string{"veto", "vetoes", "vetoed", "vetoing"}},
		{"die", []string{"die", "dies", "died", "dying"}},
		{"meet", []string{"meet", "meets", "met", "meeting"}},
		{"hold", []string{"hold", "holds", "held", "holding"}},
		{"strike", []string{"strike", "strikes", "struck", "stricken", "striking"}},
		{"send", []string{"send", "sends", "sent", "sending"}},
		{"seek", []string{"seek", "seeks", "sought", "seeking"}},
		{"withdraw", []string{"withdraw", "withdraws", "withdrew", "withdrawn", "withdrawing"}},
		{"shoot", []string{"shoot", "shoots", "shot", "shooting"}},
		{"kidnap", []string{"kidnap", "kidnaps", "kidnapped", "kidnapping"}},
		{"patrol", []string{"patrol", "patrols", "patrolled", "patrolling"}},
		{"bomb", []string{"bomb", "bombs", "bombed", "bombing"}},
		{"shell", []string{"shell", "shells", "shelled", "shelling"}},
		{"raid", []string{"raid", "raids", "raided", "raiding"}},
		{"vow", []string{"vow", "vows", "vowed", "vowing"}},
		{"panic", []string{"panic", "panics", "panicked", "panicking"}},
		{"threaten", []string{"threaten", "threatens", "threatened", "threatening"}},
	}
	for _, tt := range tests {
		got := verbForms(tt.verb)
		if !slices.Equal(got, tt.want) {
			t.Errorf("verbForms(%q) = %v, want %v", tt.verb, got, tt.want)
		}
	}
}

func TestPhraseForms(t *testing.T) {
	tests := []struct {
		lemma    string
		explicit []string
		noun     bool
		want     []string
	}{
		{"call on", nil, false, []string{"call on", "calls on", "called on", "calling on"}},
		{"crack down on", nil, false, []string{"crack down on", "cracks down on", "cracked down on", "cracking down on"}},
		{"take part in", nil, false, []string{"take part in", "takes part in", "took part in", "taken part in", "taking part in"}},
		{"phone call", nil, true, []string{"phone call", "phone calls"}},
		{"talks", nil, true, []string{"talks"}},
		{"inquiry", nil, true, []string{"inquiry", "inquiries"}},
		{"crisis", nil, true, []string{"crisis", "crises"}},
		{"embargo", nil, true, []string{"embargo", "embargos", "embargoes"}},
		{"meet", []string{"meet", "meets", "met", "meeting"}, false, []string{"meet", "meets", "met", "meeting"}},
		{"hold talks", []string{"hold", "held"}, false, []string{"hold talks", "held talks"}},
		{"according to", []string{"according to"}, false, []string{"according to"}},
	}
	for _, tt := range tests {
		got := phraseForms(tt.lemma, tt.explicit, tt.noun)
		if !slices.Equal(got, tt.want) {
			t.Errorf("phraseForms(%q, %v) = %v, want %v", tt.lemma, tt.explicit, got, tt.want)
		}
	}
}

func TestHyphenVariants(t *testing.T) {
	got := hyphenVariants([]string{"cease-fire", "talks"})
	want := [][]string{{"cease-fire", "talks"}, {"ceasefire", "talks"}, {"cease", "fire", "talks"}}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("variant %d = %v, want %v", i, got[i], want[i])
		}
	}
}
