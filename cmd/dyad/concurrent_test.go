package main

import (
	"bytes"
	"fmt"
	"github.com/dyad-project/dyad/internal/testutil"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// Two `dyad ingest` processes into one SQLite file, overlapping corpora in
// opposite orders, with a third process listing articles the while: both
// ingests succeed (a writer waits for the other's transaction instead of
// failing with SQLITE_BUSY) and each article is stored once.
func TestConcurrentIngests(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs three processes")
	}
	seeds, news := testutil.SharedDir(t, "corpus/seeds"), testutil.SharedDir(t, "corpus/news-dev")
	bin := buildDyad(t)
	db := filepath.Join(t.TempDir(), "dyad.db")
	ingest := func(args ...string) *exec.Cmd {
		return exec.Command(bin, append([]string{"--db", db, "-q", "ingest"}, args...)...)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 3)
	for _, args := range [][]string{{seeds, news}, {news, seeds}} {
		wg.Go(func() {
			if out, err := ingest(args...).CombinedOutput(); err != nil {
				errs <- fmt.Errorf("ingest %v: %v\n%s", args, err, out)
			}
		})
	}
	done := make(chan struct{})
	var reader sync.WaitGroup
	reads := 0
	reader.Go(func() {
		for {
			select {
			case <-done:
				return
			case <-time.After(200 * time.Millisecond):
			}
			var stderr bytes.Buffer
			cmd := exec.Command(bin, "--db", db, "articles", "--json")
			cmd.Stderr = &stderr
			if _, err := cmd.Output(); err != nil {
				errs <- fmt.Errorf("reader: %v\n%s", err, stderr.String())
				return
			}
			reads++
		}
	})
	wg.Wait()
	close(done)
	reader.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	t.Logf("the reader listed the articles %d times during the ingests", reads)

	// The same corpus ingested alone gives the reference count.
	ref := filepath.Join(t.TempDir(), "ref.db")
	if out, err := exec.Command(bin, "--db", ref, "-q", "ingest", seeds, news).CombinedOutput(); err != nil {
		t.Fatalf("reference ingest: %v\n%s", err, out)
	}
	got := jsonLines(t, mustRun(t, "--db", db, "articles", "--json").stdout)
	hashes := map[string]int{}
	for _, a := range got {
		hashes[fmt.Sprint(a["hash"])]++
	}
	for h, n := range hashes {
		if n > 1 {
			t.Errorf("article %s stored %d times", h, n)
		}
	}
	// Each article with the mentions one ingest alone gives it (stories
	// may group differently when articles arrive in another order).
	gotSnap, wantSnap := openSnapshot(t, db), openSnapshot(t, ref)
	if len(got) != len(wantSnap.articles) || len(gotSnap.articles) != len(wantSnap.articles) {
		t.Errorf("concurrent ingests stored %d articles, one ingest %d", len(got), len(wantSnap.articles))
	}
	for h, ms := range wantSnap.articles {
		if fmt.Sprint(gotSnap.articles[h]) != fmt.Sprint(ms) {
			t.Errorf("article %s: mentions differ from one ingest alone", h)
		}
	}
	checkIntegrity(t, db, 0)
}
