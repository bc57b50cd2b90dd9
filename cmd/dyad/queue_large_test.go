package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/internal/queue/queuetest"
)

// `ingest --queue` with one 2 MB document among 500 small ones: the server
// takes 1 MB messages, yet the run publishes all 501 (the large one through
// the object store, as it says at start-up) and the worker stores them all.
func TestQueueLargeDocument(t *testing.T) {
	q := queuetest.URL(t)
	db := env(t)
	dir := t.TempDir()
	for i := range 500 {
		text := fmt.Sprintf("Iraqi officials met the envoy in Baghdad for talks, round %d of the series.\n", i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("doc%03d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Prose without events, so coding it is quick: this test is about
	// carrying the document, not about coding 2 MB.
	sentences := []string{"The weather in the valley was mild and the river ran clear past the old town.",
		"Farmers brought apples and pears to the market square on most mornings.",
		"A long road winds through the hills toward the coast and its quiet harbours."}
	var big strings.Builder
	for i := 0; big.Len() < 2<<20; i++ {
		big.WriteString(sentences[i%len(sentences)] + " ")
		if i%7 == 6 {
			big.WriteString("\n\n")
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "big.txt"), []byte(big.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	r := mustRun(t, "ingest", "--queue", q, dir)
	if !strings.Contains(r.stderr, "501 new") || !strings.Contains(r.stderr, "0 failed") {
		t.Errorf("publish summary: %s", r.stderr)
	}
	if !strings.Contains(r.stderr, "go through JetStream object store") {
		t.Errorf("publish did not say how large documents travel: %s", r.stderr)
	}
	w := mustRun(t, "--db", db, "worker", "--queue", q, "--until-empty")
	arts := listArticles(t, db)
	if len(arts) != 501 {
		t.Errorf("worker stored %d articles, want 501\n%s", len(arts), w.stderr)
	}
	if _, ok := arts["big.txt"]; !ok {
		t.Errorf("the 2 MB document was not stored\n%s", w.stderr)
	}
}
