package merge

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/month.sha256 from what Merge gives now")

// TestMergeMonthUnchanged merges 3,000 mentions of a month-long crisis
// (busyMonth) and compares every mention's story and the reason it joined,
// and every story's folded and taken mentions, with what the scan over all
// of a dyad's mentions gave before the indexes: speeding merging up must
// not change one grouping. The dump is long, so only its digest is kept;
// on a mismatch the dump is written beside the test's temporary files.
func TestMergeMonthUnchanged(t *testing.T) {
	ms := busyMonth(3000)
	stories := Merge(ms)
	var b strings.Builder
	for i := range ms {
		fmt.Fprintf(&b, "%d %s %t %s\n", i, ms[i].StoryID, ms[i].Reference, ms[i].StoryWhy)
	}
	for _, s := range stories {
		fmt.Fprintf(&b, "story %s %s %d %v %d\n", s.ID, s.Event, len(s.Mentions), s.Folded, len(s.Took))
		for _, r := range s.Reasons {
			fmt.Fprintf(&b, "  %s\n", r)
		}
	}
	sum := sha256.Sum256([]byte(b.String()))
	got := hex.EncodeToString(sum[:])
	golden := filepath.Join("testdata", "month.sha256")
	if *update {
		if err := os.WriteFile(golden, []byte(got+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != strings.TrimSpace(string(want)) {
		dump := filepath.Join(t.TempDir(), "month.txt")
		os.WriteFile(dump, []byte(b.String()), 0o644)
		t.Errorf("the month's groupings changed (digest %s, want %s); the dump is %s", got, strings.TrimSpace(string(want)), dump)
	}
}
