package extract

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"sync"
	"testing"
	"time"

	dps "github.com/markusmobius/go-dateparser"
)

// TestStartupSkipsDateparserTables checks that go-dateparser's locale tables
// (third_party/go-dateparser, see scripts/lazy-dateparser.sh) are not built at
// program start: upstream builds them in the init functions of its
// internal/data package, about 95 MB of allocations and a third of a CPU
// second in every dyad command. The test binary is re-run with
// GODEBUG=inittrace=1 and no tests, and the allocations of that package's
// initialisation are read from the trace.
func TestStartupSkipsDateparserTables(t *testing.T) {
	if testing.Short() {
		t.Skip("re-runs the test binary")
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("re-running the test binary: %v\n%s", err, stderr.String())
	}
	line := regexp.MustCompile(`(?m)^init github\.com/markusmobius/go-dateparser/internal/data @.*, (\d+) bytes, (\d+) allocs$`)
	m := line.FindStringSubmatch(stderr.String())
	if m == nil {
		t.Fatalf("no init trace line for go-dateparser/internal/data in:\n%s", stderr.String())
	}
	bytesAlloc, _ := strconv.Atoi(m[1])
	if bytesAlloc > 1<<20 {
		t.Errorf("go-dateparser/internal/data allocates %d bytes at start-up (want < 1 MiB: tables built lazily)", bytesAlloc)
	}
}

// TestDateparserTablesLoadOnUse checks that the lazily built tables are there
// on first use, also when several goroutines need them at once: dates written
// in words in several languages, which go-dateparser reads through its locale
// tables (htmldate hands it such strings when its fast parser gives up).
func TestDateparserTablesLoadOnUse(t *testing.T) {
	tests := []struct {
		text string
		want string
	}{
		{"3 March 2025", "2025-03-03"},
		{"3. März 2025", "2025-03-03"},
		{"le 3 mars 2025", "2025-03-03"},
		{"3 de marzo de 2025", "2025-03-03"},
		{"3 марта 2025 года", "2025-03-03"},
		{"2025年3月3日", "2025-03-03"},
	}
	cfg := &dps.Configuration{CurrentTime: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	got := make([]string, len(tests))
	var wg sync.WaitGroup
	for i, tt := range tests {
		wg.Go(func() {
			d, err := dps.Parse(cfg, tt.text)
			if err != nil {
				got[i] = "error: " + err.Error()
				return
			}
			got[i] = d.Time.Format("2006-01-02")
		})
	}
	wg.Wait()
	for i, tt := range tests {
		if got[i] != tt.want {
			t.Errorf("dateparser(%q) = %s, want %s", tt.text, got[i], tt.want)
		}
	}
}
