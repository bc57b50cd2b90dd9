package actors

import "testing"

func TestNonState(t *testing.T) {
	for code, want := range map[string]bool{"IGO": true, "UNO": true, "EUR": true, "NGO": true, "IMG": true, "MNC": true, "USA": false, "TWN": false, "": false} {
		if got := NonState(code); got != want {
			t.Errorf("NonState(%q) = %v, want %v", code, got, want)
		}
	}
}
