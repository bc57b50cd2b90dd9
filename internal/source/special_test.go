//go:build unix

package source

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Entries that are not documents: a FIFO given as an argument is refused at
// once (opening it would wait for a writer for ever); inside a directory,
// pipes and dangling, looping or directory links are each reported as
// skipped, while a link to a file is read.
func TestSpecialFiles(t *testing.T) {
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "in")
	other := filepath.Join(tmp, "other")
	for _, d := range []string{dir, other} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	good := writeFile(t, filepath.Join(dir, "a.txt"), []byte("A plain note."))
	target := writeFile(t, filepath.Join(other, "t.txt"), []byte("Linked note."))
	fifo := filepath.Join(dir, "b.fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
	links := map[string]string{
		"c-dangling": filepath.Join(tmp, "nowhere"),
		"d-loop":     filepath.Join(dir, "d-loop"),
		"e-dir":      other,
		"f-file":     target,
	}
	for name, to := range links {
		if err := os.Symlink(to, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name string
		args []string
		want []string // per doc: "" read, "skipped: why" or "refused: why"
	}{
		{"fifo argument", []string{fifo}, []string{"refused: named pipe"}},
		{"fifo through a glob", []string{filepath.Join(dir, "*.fifo")}, []string{"refused: named pipe"}},
		{"directory", []string{dir}, []string{
			"", // a.txt
			"skipped: named pipe",
			"skipped: dangling symbolic link",
			"skipped: symbolic link loop",
			"skipped: symbolic link to a directory",
			"", // f-file → t.txt
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			docs := collect(t, New(testOptions()), tc.args...)
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v: something waited on the pipe", d)
			}
			if len(docs) != len(tc.want) {
				t.Fatalf("got %d docs, want %d: %+v", len(docs), len(tc.want), docs)
			}
			for i, d := range docs {
				want := tc.want[i]
				kind, why, _ := strings.Cut(want, ": ")
				switch {
				case want == "" && (d.Err != nil || len(d.Body) == 0):
					t.Errorf("%s: want a document, got err %v", d.Source, d.Err)
				case kind == "skipped" && !errors.Is(d.Err, ErrSkipped),
					kind == "refused" && !errors.Is(d.Err, ErrNotRegular):
					t.Errorf("%s: error %v, want %s", d.Source, d.Err, kind)
				case want != "" && !strings.Contains(d.Err.Error(), why):
					t.Errorf("%s: error %v, want one saying %q", d.Source, d.Err, why)
				}
			}
			if tc.name == "directory" && docs[0].Source != good {
				t.Errorf("first doc %s, want %s", docs[0].Source, good)
			}
		})
	}
}
