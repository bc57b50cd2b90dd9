package source

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

// A directory's notes, tables and configuration are skipped with a word; the
// same file named on the command line is read.
func TestWalkSkipsNonArticleFiles(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "story.txt"), []byte("The ministry recalled its ambassador."))
	notes := writeFile(t, filepath.Join(dir, "NOTES.md"), []byte("# Sources\n- a list of topics"))
	writeFile(t, filepath.Join(dir, "index.tsv"), []byte("file\tdate\n"))
	docs := collect(t, New(testOptions()), dir)
	read, skipped := 0, map[string]string{}
	for _, d := range docs {
		switch {
		case d.Err == nil:
			read++
		case errors.Is(d.Err, ErrSkipped):
			skipped[filepath.Base(d.Source)] = d.Err.Error()
		default:
			t.Errorf("%s: %v", d.Source, d.Err)
		}
	}
	if read != 1 || !strings.Contains(skipped["NOTES.md"], "notes (.md), not an article") ||
		!strings.Contains(skipped["index.tsv"], "a table (.tsv)") {
		t.Errorf("read %d, skipped %v; want story.txt read and the notes and table skipped", read, skipped)
	}
	if docs := collect(t, New(testOptions()), notes); len(docs) != 1 || docs[0].Err != nil {
		t.Errorf("a file named on the command line: %+v", docs)
	}
}
