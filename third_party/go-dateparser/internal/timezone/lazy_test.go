// Modified for dyad (see scripts/lazy-dateparser.sh): new file.

package timezone

import "testing"

// The tables are built on first use (tzTables); what they answer is what
// the expressions compiled at initialisation answered.
func TestTablesOnFirstUse(t *testing.T) {
	for _, c := range []struct {
		in     string
		rest   string
		offset int
	}{
		{"March 3 2020 10:00 EST", "March 3 2020 10:00 ", -5 * 3600},
		{"12:30 UTC+03:00", "12:30 ", 3 * 3600},
		{"no zone here", "no zone here", 0},
	} {
		rest, tz := PopTzOffset(c.in)
		if rest != c.rest || tz.Offset != c.offset {
			t.Errorf("PopTzOffset(%q) = %q, offset %d; want %q, %d", c.in, rest, tz.Offset, c.rest, c.offset)
		}
	}
	if !IsTimezoneToken(" cet ") || IsTimezoneToken("cetacean") {
		t.Error("IsTimezoneToken: want CET a token and cetacean not")
	}
	if !WordIsTz("PST") {
		t.Error("WordIsTz(PST) = false")
	}
}
