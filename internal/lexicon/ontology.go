package lexicon

import "strings"

// The PLOVER event types and their modes, as in
// /work/shared/data/plover/plover_ontology_extracted.yaml, derived from
// openeventdata/PLOVER PLOVER_MANUAL.tex @ 5e0c24fb (CC BY-SA 4.0). Kept here,
// not imported, so that validation of a user's lexicon needs nothing else.
var ploverModes = map[string][]string{
	"AGREE":     nil,
	"CONSULT":   {"visit", "third-party", "multilateral", "phone"},
	"SUPPORT":   nil,
	"CONCEDE":   nil,
	"COOPERATE": nil,
	"AID":       nil,
	"RETREAT":   {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
	"REQUEST":   {"assist", "change", "yield", "meet"},
	"ACCUSE":    {"disapprove", "investigate", "allege"},
	"REJECT":    {"assist", "change", "yield", "meet"},
	"THREATEN":  {"restrict", "arrest", "relations", "expel", "territory", "violence"},
	"PROTEST":   {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
	"SANCTION":  {"convict", "expel", "withdraw", "discontinue"},
	"MOBILIZE":  {"troops", "weapons", "police", "militia"},
	"COERCE": {"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport",
		"withhold", "misinformation", "cyber"},
	"ASSAULT": {"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive",
		"firearms", "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons",
		"crowd-control", "unconventional"},
}

// oldLabels maps labels of earlier PLOVER drafts (still used in the gold
// standard records) to the current type and the mode they imply.
var oldLabels = map[string][2]string{
	"DEMAND":      {"REQUEST", ""},
	"DISAPPROVE":  {"ACCUSE", "disapprove"},
	"INVESTIGATE": {"ACCUSE", "investigate"},
	"FIGHT":       {"ASSAULT", ""},
	"YIELD":       {"CONCEDE", ""},
}

// claimStatuses are the values of Entry.Claim (the claim statuses of a
// mention in DESIGN.md).
var claimStatuses = map[string]bool{
	"asserted": true, "reported": true, "alleged": true, "denied": true,
	"planned": true, "hypothetical": true, "negated": true,
}

// disabled is the event value a user file gives to remove a built-in entry.
const disabled = "NONE"

// normalizeEvent returns the current PLOVER label and mode for an entry's
// event and mode, or ok=false when the event is unknown or the mode is not
// one of the type's modes.
func normalizeEvent(event, mode string) (string, string, bool) {
	ev := strings.ToUpper(strings.TrimSpace(event))
	mode = strings.ToLower(strings.TrimSpace(mode))
	if old, ok := oldLabels[ev]; ok {
		ev = old[0]
		if mode == "" {
			mode = old[1]
		}
	}
	modes, ok := ploverModes[ev]
	if !ok {
		return ev, mode, false
	}
	if mode == "" {
		return ev, mode, true
	}
	for _, m := range modes {
		if m == mode {
			return ev, mode, true
		}
	}
	return ev, mode, false
}

// EventTypes returns the 16 PLOVER event types.
func EventTypes() []string {
	return []string{"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
		"REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
}

// CheckEvent returns the current PLOVER label and mode for an event and
// mode as an entry would give them, with ok=false when the event is unknown
// or the mode is not one of its modes. Generators of lexicon files use it to
// write only entries that load.
func CheckEvent(event, mode string) (string, string, bool) { return normalizeEvent(event, mode) }
