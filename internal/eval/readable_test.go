package eval

import (
	"strings"
	"testing"
)

// The summary for people says what a ratio of nothing means instead of
// printing 0.00/0.00/0.00 (issue 17).
func TestReadableConflicts(t *testing.T) {
	one := 1.0
	tests := []struct {
		name string
		docs *DocResult
		want string
	}{
		{"none anywhere", &DocResult{PublishedAccuracy: 1}, "date conflicts: none in the gold, none flagged\n"},
		{"false alarms", &DocResult{ConflictsFlagged: 2}, "date conflicts: none in the gold, 2 flagged wrongly\n"},
		{"found", &DocResult{ConflictsGold: 1, ConflictsFlagged: 1, DateConflict: PRF{1, 1, 1}, ContentWindowAccuracy: &one},
			"date conflicts: 1 in the gold, 1 flagged: precision 1.00  recall 1.00  F1 1.00; content window right on 1.000\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Result{Docs: tc.docs}.Readable()
			if !strings.HasSuffix(got, tc.want) || strings.Contains(got, "0.00/0.00/0.00") {
				t.Errorf("summary ends %q, want %q", got, tc.want)
			}
		})
	}
	if got := (Result{}).Readable(); !strings.Contains(got, "merging: no event reported by two documents in the gold") {
		t.Errorf("summary without cross-document pairs:\n%s", got)
	}
}

// Report lines for people print codes and days, not Python reprs.
func TestReadableReprs(t *testing.T) {
	code := "IRQ"
	for got, want := range map[string]string{
		readableReprs.party(&pparty{country: "IRQ", sector: "UAF"}):    "IRQ (UAF)",
		readableReprs.party(nil):                                       "-",
		readableReprs.gold(&GoldParty{Country: []*string{&code, nil}}): "IRQ or none",
		readableReprs.list([]string{"2025-12-15", "2026-01-26"}):       "2025-12-15…2026-01-26",
		readableReprs.list([]string{"THREATEN"}):                       "THREATEN",
		readableReprs.date(date(20394), true):                          "2025-11-02",
		readableReprs.str(nil):                                         "-",
	} {
		if got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}
