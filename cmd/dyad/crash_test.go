package main

import (
	"context"
	"database/sql"
	"math/rand/v2"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/dyad-project/dyad/internal/store/sqlite"
)

// `dyad ingest` into SQLite killed with SIGKILL at random points, 20 times:
// the database stays consistent, a re-run completes the batch, and it holds
// exactly what an uninterrupted run stores, nothing twice.
func TestIngestSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills the binary 20 times")
	}
	corpus := faultCorpus(t)
	bin := buildDyad(t)
	dir := t.TempDir()
	ingest := func(db string) *exec.Cmd {
		return exec.Command(bin, append([]string{"--db", db, "-q", "ingest"}, corpus...)...)
	}
	ref := filepath.Join(dir, "ref.db")
	start := time.Now()
	if out, err := ingest(ref).CombinedOutput(); err != nil {
		t.Fatalf("reference ingest: %v\n%s", err, out)
	}
	full := time.Since(start)

	db := filepath.Join(dir, "crashed.db")
	seed := uint64(time.Now().UnixNano())
	rng := rand.New(rand.NewPCG(seed, 7))
	t.Logf("a full run takes %v; kill points drawn with seed %d", full, seed)
	// Later runs skip what earlier ones stored and may finish before their
	// kill point, so runs go on until 20 were killed (or 60 started).
	// A run that finished before its kill point shows how long the work
	// left takes now (the machine may also be faster than during the
	// reference run): later kill points are drawn within that.
	killed, runs, span := 0, 0, full
	for i := 0; killed < 20 && i < 60; i++ {
		runs++
		cmd := ingest(db)
		began := time.Now()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
			span = max(time.Since(began), time.Millisecond) // finished first
		case <-time.After(time.Duration(rng.Int64N(int64(span)))):
			_ = cmd.Process.Signal(syscall.SIGKILL)
			<-done
		}
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			killed++
		}
		checkIntegrity(t, db, i)
	}
	t.Logf("%d of %d runs killed before they finished", killed, runs)
	if killed < 10 {
		t.Errorf("only %d runs were killed mid-way: the test did not test much", killed)
	}
	if out, err := ingest(db).CombinedOutput(); err != nil {
		t.Fatalf("re-run after the crashes: %v\n%s", err, out)
	}
	checkIntegrity(t, db, runs)
	compareSnapshots(t, "after 20 SIGKILLs", openSnapshot(t, db), openSnapshot(t, ref))
}

func checkIntegrity(t *testing.T, path string, run int) {
	t.Helper()
	conn, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var res string
	if err := conn.QueryRow(`PRAGMA integrity_check`).Scan(&res); err != nil || res != "ok" {
		t.Fatalf("after kill %d: integrity_check = %q (%v)", run, res, err)
	}
	rows, err := conn.Query(`PRAGMA foreign_key_check`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	if rows.Next() {
		t.Fatalf("after kill %d: foreign_key_check reports rows", run)
	}
}

func openSnapshot(t *testing.T, path string) snapshot {
	t.Helper()
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	return takeSnapshot(t, db)
}
