package main

import (
	"context"
	"os/exec"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/queue/queuetest"
	"github.com/dyad-project/dyad/internal/store/postgres"
	"github.com/dyad-project/dyad/internal/store/storetest"
)

func TestDyadLocks(t *testing.T) {
	day := time.Date(2025, 11, 2, 0, 0, 0, 0, time.UTC)
	m := func(a, r string, d time.Time) event.Mention {
		return event.Mention{Actor: event.Party{Code: a}, Recipient: event.Party{Code: r}, DateStart: d, DateEnd: d}
	}
	got := dyadLocks([]event.Mention{m("USA", "IRQ", day), m("IRQ", "USA", day), m("IRN", "", day),
		m("USA", "IRN", time.Time{}), m("IRN", "ISR", day)})
	want := []string{"dyad:IRN:ISR", "dyad:IRQ:USA"}
	if !equalStrings(got, want) {
		t.Fatalf("dyadLocks = %q, want %q (one per unordered pair; none for mentions merge never joins)", got, want)
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func publish(t *testing.T, queueURL string) {
	t.Helper()
	r := mustRun(t, append([]string{"ingest", "--queue", queueURL}, faultCorpus(t)...)...)
	if len(errorLines(r.stderr)) > 0 {
		t.Fatalf("publish: %s", r.stderr)
	}
}

func pgSnapshot(t *testing.T, dsn string) snapshot {
	t.Helper()
	db, err := postgres.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	return takeSnapshot(t, db)
}

// Three workers at once and one worker on the same corpus store the same
// articles, mentions and stories.
func TestWorkersGiveSameStories(t *testing.T) {
	one, oneQ := storetest.PostgresURL(t), queuetest.URL(t)
	three, threeQ := storetest.PostgresURL(t), queuetest.URL(t)
	// Syndicated copies make many articles join the same stories at once:
	// where concurrent workers would race if merging were not serialized.
	arts := benchArticles(t, 4)
	publishArticles(t, oneQ, arts)
	publishArticles(t, threeQ, arts)
	mustRun(t, "--db", one, "worker", "--queue", oneQ, "--until-empty")
	var wg sync.WaitGroup
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if r := run(t, "--db", three, "worker", "--queue", threeQ, "--until-empty"); r.err != nil {
				t.Errorf("worker: %v\n%s", r.err, r.stderr)
			}
		}()
	}
	wg.Wait()
	want := pgSnapshot(t, one)
	if len(want.stories) == 0 || len(want.articles) < 150 {
		t.Fatalf("one worker stored %d articles, %d stories: too little to compare", len(want.articles), len(want.stories))
	}
	compareSnapshots(t, "three workers vs one", pgSnapshot(t, three), want)
}

// A worker killed with SIGKILL mid-batch: its unacknowledged documents are
// redelivered to the next worker; nothing is lost and nothing stored twice.
func TestWorkerKilledMidBatch(t *testing.T) {
	ref, refQ := storetest.PostgresURL(t), queuetest.URL(t)
	publish(t, refQ)
	mustRun(t, "--db", ref, "worker", "--queue", refQ, "--until-empty")
	want := pgSnapshot(t, ref)

	bin := buildDyad(t)
	// The kill must land between the first stored article and the last.
	// A fast or starved run can store everything before the signal
	// arrives; the test then tries again on a fresh database and stream,
	// and fails if no attempt of three is killed mid-run.
	for attempt := 1; ; attempt++ {
		db, dbQ := storetest.PostgresURL(t), queuetest.URL(t)
		publish(t, dbQ)
		store, err := postgres.Open(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		defer store.Close()
		n := killAfterFirst(t, bin, store, "--db", db, "worker", "--queue", dbQ)
		if n == 0 || n >= len(want.articles) {
			if attempt == 3 {
				t.Fatalf("killed after %d of %d articles in each of 3 attempts: never mid-run", n, len(want.articles))
			}
			t.Logf("attempt %d: killed after %d of %d articles, not mid-run; again", attempt, n, len(want.articles))
			continue
		}
		t.Logf("killed after %d of %d articles", n, len(want.articles))
		mustRun(t, "--db", db, "worker", "--queue", dbQ, "--until-empty")
		// Across the crash the arrival order differs: articles and mentions
		// must be identical; stories are compared as in the three-worker test.
		compareSnapshots(t, "after a worker was killed", takeSnapshot(t, store), want)
		return
	}
}

// killAfterFirst starts bin with args, kills it with SIGKILL once store
// holds an article (or after a minute), and returns how many it holds.
func killAfterFirst(t *testing.T, bin string, store *postgres.DB, args ...string) int {
	t.Helper()
	cmd := exec.Command(bin, args...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(time.Minute)
	n := 0
	for n == 0 && time.Now().Before(deadline) {
		n, _ = store.CountArticles(context.Background())
		time.Sleep(2 * time.Millisecond)
	}
	_ = cmd.Process.Signal(syscall.SIGKILL)
	_ = cmd.Wait()
	n, _ = store.CountArticles(context.Background())
	return n
}
