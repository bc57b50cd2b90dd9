//go:build unix

package main

import (
	"database/sql"
	"errors"
	"github.com/dyad-project/dyad/internal/testutil"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// hostileCorpus copies testdata/hostile into a temporary directory and adds
// what is too big to keep in the repository or cannot be committed (a 5 MB
// token, a million "a" lines, a FIFO, dangling and looping links). It
// returns the directory and, per file, what its report line must say: ""
// for a document that is stored.
func hostileCorpus(t *testing.T) (string, map[string]string) {
	t.Helper()
	dir := t.TempDir()
	want := map[string]string{
		"base64.txt":       "failed: extract %s: not readable text: 100% of the text is in tokens longer than",
		"data.json":        "failed: extract %s: not readable text",
		"feed.rss":         "failed: extract %s: not readable text: an XML document (<rss>)",
		"items.txt":        "failed: extract %s: not readable text: markup",
		"late-nul.txt":     "",
		"malformed.xml":    "failed: extract %s: not readable text: markup",
		"script.svg":       "failed: extract %s: not readable text: an XML document (<svg>)",
		"undecodable.txt":  "failed: extract %s: not valid text in any charset",
		"invalid-utf8.txt": "failed: extract %s: not valid text in any charset",
		"token.txt":        "failed: extract %s: not readable text: 100% of the text is in tokens longer than",
		"a-lines.txt":      `failed: extract %s: not readable text: "a" is 1000000 of its 1000000 words`,
		"pipe":             "skipped: %s: named pipe",
		"dangling.txt":     "skipped: %s: dangling symbolic link",
		"loop.txt":         "skipped: %s: symbolic link loop",
	}
	files, err := filepath.Glob(filepath.Join("testdata", "hostile", "*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("testdata/hostile: %v", err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		writeTestFile(t, filepath.Join(dir, filepath.Base(f)), b)
	}
	writeTestFile(t, filepath.Join(dir, "token.txt"), []byte(strings.Repeat("x", 5<<20)))
	writeTestFile(t, filepath.Join(dir, "a-lines.txt"), []byte(strings.Repeat("a\n", 1_000_000)))
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe"), 0o644); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
	for name, to := range map[string]string{"dangling.txt": "gone.txt", "loop.txt": "loop.txt"} {
		if err := os.Symlink(to, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	for name := range want {
		if _, err := os.Lstat(filepath.Join(dir, name)); err != nil {
			t.Fatalf("hostile corpus lacks %s", name)
		}
	}
	return dir, want
}

func writeTestFile(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// The hostile corpus ingested beside the seeds: every bad file gets one line
// naming it and its reason, the batch goes on (the seeds and the one good
// hostile file are stored, NUL stripped), nothing else is stored, the exit
// status says something failed, and a re-run changes nothing.
func TestHostileCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests 7 MB of junk and codes the seeds")
	}
	seeds := testutil.SharedDir(t, "corpus/seeds")
	dir, want := hostileCorpus(t)
	db := env(t)
	var first snapshot
	for run := 1; run <= 2; run++ {
		r := runIngestChecked(t, db, seeds, dir)
		lines := reportLines(r.stderr)
		for name, line := range want {
			path := filepath.Join(dir, name)
			var got []string
			for _, l := range lines {
				if strings.Contains(l, path+":") {
					got = append(got, l)
				}
			}
			switch {
			case line == "" && len(got) > 0:
				t.Errorf("run %d: %s is a good document but was reported: %q", run, name, got)
			case line != "" && len(got) != 1:
				t.Errorf("run %d: %s: %d report lines, want 1: %q", run, name, len(got), got)
			case line != "" && !strings.HasPrefix(got[0], strings.Replace(line, "%s", path, 1)):
				t.Errorf("run %d: %s: line %q, want it to start %q", run, name, got[0], strings.Replace(line, "%s", path, 1))
			}
		}
		if len(lines) != len(want)-1 {
			t.Errorf("run %d: %d report lines, want %d:\n%s", run, len(lines), len(want)-1, strings.Join(lines, "\n"))
		}
		summary := "10 failed, 3 skipped"
		if !strings.Contains(r.stderr, summary) {
			t.Errorf("run %d: summary lacks %q:\n%s", run, summary, r.stderr)
		}
		arts := listArticles(t, db)
		if len(arts) != 6 {
			t.Errorf("run %d: %d articles stored, want the 5 seeds and late-nul.txt", run, len(arts))
		}
		for name, a := range arts {
			if l, bad := want[name]; bad && l != "" {
				t.Errorf("run %d: junk stored as an article: %s (%v)", run, name, a["title"])
			}
		}
		checkNoControl(t, db)
		if run == 1 {
			first = openSnapshot(t, db)
			continue
		}
		if !strings.Contains(r.stderr, ": 0 new") {
			t.Errorf("re-run stored something new:\n%s", r.stderr)
		}
		compareSnapshots(t, "after the re-run", openSnapshot(t, db), first)
	}
}

// runIngestChecked ingests args into db and checks that the run went to
// the end and failed only as a batch with bad documents does (exit 1).
func runIngestChecked(t *testing.T, db string, args ...string) result {
	t.Helper()
	r := run(t, append([]string{"--db", db, "ingest"}, args...)...)
	if !errors.Is(r.err, errFailed) {
		t.Fatalf("ingest: err = %v, want errFailed (exit 1)\n%s", r.err, r.stderr)
	}
	return r
}

func reportLines(stderr string) []string {
	var out []string
	for _, l := range strings.Split(stderr, "\n") {
		if strings.HasPrefix(l, "failed: ") || strings.HasPrefix(l, "skipped: ") {
			out = append(out, l)
		}
	}
	return out
}

func checkNoControl(t *testing.T, path string) {
	t.Helper()
	conn, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var n int
	err = conn.QueryRow(`SELECT COUNT(*) FROM articles WHERE instr(text, char(0)) > 0 OR instr(text, char(27)) > 0
		OR instr(title, char(0)) > 0`).Scan(&n)
	if err != nil || n != 0 {
		t.Errorf("%d articles hold control characters (%v)", n, err)
	}
}

// A FIFO given as an argument is refused at once, the batch goes on.
func TestFIFOArgument(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
	good := filepath.Join(dir, "good.txt")
	writeTestFile(t, good, []byte("Iraq and Iran hold talks\n\nThe Iraqi foreign minister met his Iranian counterpart in Baghdad on Monday, officials said.\n"))
	r := runIngestChecked(t, env(t), fifo, good)
	lines := reportLines(r.stderr)
	if len(lines) != 1 || !strings.HasPrefix(lines[0], "failed: "+fifo+": not a regular file (named pipe") {
		t.Errorf("report lines %q", lines)
	}
	if !strings.Contains(r.stderr, "1 new") || !strings.Contains(r.stderr, "1 failed, 0 skipped") {
		t.Errorf("summary: %s", r.stderr)
	}
}
