package main

import (
	"bytes"
	"github.com/dyad-project/dyad/internal/testutil"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// runOnText is n bytes of news words with no full stop, the input that
// once cost the cube of its length to code.
func runOnText(n int) []byte {
	words := strings.Fields(`Iraqi forces said the militia attacked a U.S. base near Baghdad and the Secretary of
	State warned Iran that armed groups would face consequences while protesters in Basra demanded the release of
	detained activists and police fired tear gas on the crowd`)
	r := rand.New(rand.NewPCG(3, 3))
	var b bytes.Buffer
	for b.Len() < n {
		b.WriteString(words[r.IntN(len(words))])
		b.WriteByte(' ')
	}
	return b.Bytes()[:n]
}

// hostileDir is the seeds beside a 5 MB run-on text and a 25 KB sentence.
func hostileDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	seeds, err := filepath.Glob(filepath.Join(testutil.SharedDir(t, "corpus/seeds"), "*.txt"))
	if err != nil || len(seeds) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	for _, s := range seeds {
		body, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(s)), body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, body := range map[string][]byte{
		"run-on.txt":   runOnText(5 << 20),
		"sentence.txt": append(runOnText(25<<10), ".\n"...),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// SIGINT while a long document codes ends `dyad ingest` and `dyad code`
// promptly with exit status 130, and the database holds whole articles
// only: a re-run completes it.
func TestInterruptStopsPromptly(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and codes a 5 MB text")
	}
	bin := buildDyad(t)
	dir := hostileDir(t)
	db := filepath.Join(t.TempDir(), "dyad.db")
	for _, tt := range []struct {
		name string
		args []string
	}{
		{"ingest", []string{"--db", db, "ingest", "--doc-timeout", "0", dir}},
		{"code", []string{"code", "--doc-timeout", "0", "--events-out", os.DevNull, dir}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			args := tt.args
			cmd := exec.Command(bin, args...)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(2 * time.Second) // the seeds are done, the run-on text is coding
			sent := time.Now()
			_ = cmd.Process.Signal(syscall.SIGINT)
			_ = cmd.Wait()
			// the target is 1 s; the margin is for a loaded machine and -race
			if took := time.Since(sent); took > 5*time.Second {
				t.Errorf("stopped %s after SIGINT", took)
			}
			if code := cmd.ProcessState.ExitCode(); code != 130 || !strings.Contains(stderr.String(), "interrupted") {
				t.Errorf("exit %d, stderr %q; want 130 and a word that it was interrupted", code, stderr.String())
			}
		})
	}
	checkIntegrity(t, db, 1)
	// the re-run may skip the run-on text on a slow machine (exit 1)
	rerun := exec.Command(bin, "--db", db, "ingest", "--doc-timeout", "3s", dir)
	if out, err := rerun.CombinedOutput(); err != nil && rerun.ProcessState.ExitCode() != 1 {
		t.Fatalf("re-run: %v\n%s", err, out)
	}
	checkIntegrity(t, db, 2)
	seeds := 0
	for name := range listArticles(t, db) {
		if strings.HasPrefix(name, "00") {
			seeds++
		}
	}
	if seeds != 5 {
		t.Errorf("%d seeds stored after the re-run, want 5", seeds)
	}
}

// A batch with a 5 MB run-on text and a 25 KB sentence beside the seeds
// codes in bounded time: the long texts are coded or skipped with a reason
// naming them (the per-document budget), and the seeds are all coded.
func TestLongDocumentsDoNotHoldUpABatch(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and codes a 5 MB text")
	}
	bin := buildDyad(t)
	dir := hostileDir(t)
	docs := filepath.Join(t.TempDir(), "docs.jsonl")
	began := time.Now()
	cmd := exec.Command(bin, "code", "--doc-timeout", "3s", "--events-out", os.DevNull, "--docs-out", docs, dir)
	out, err := cmd.CombinedOutput()
	if took := time.Since(began); took > 60*time.Second {
		t.Errorf("the batch took %s", took)
	}
	if err != nil && cmd.ProcessState.ExitCode() != 1 {
		t.Fatalf("dyad code: %v\n%s", err, out)
	}
	for _, l := range errorLines(string(out)) {
		if !strings.Contains(l, "run-on.txt: coding took longer than 3s: skipped") {
			t.Errorf("unexpected failure line %q", l)
		}
	}
	body, err := os.ReadFile(docs)
	if err != nil {
		t.Fatal(err)
	}
	coded := jsonLines(t, string(body))
	seeds := 0
	for _, d := range coded {
		if strings.HasPrefix(d["doc"].(string), "00") {
			seeds++
		}
	}
	if seeds != 5 {
		t.Errorf("%d seeds coded, want 5\n%s", seeds, out)
	}
}
