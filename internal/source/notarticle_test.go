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

// A JSON document is read by content, whatever its name: a crawler record
// with text (news-please, newspaper4k) is the article it describes; other
// JSON (metadata, a record with only a url) is skipped in a walk and fails
// when named, instead of becoming an article of quoted keys.
func TestJSONFilesReadByContent(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "record.json"), []byte(`{"url": "https://news.example/a", "title": "Envoy recalled",
  "publish_date": "2025-03-02", "text": "The ministry recalled its ambassador on Sunday.",
  "images": ["https://news.example/1.jpg 640w, https://news.example/1.jpg 750w"], "movies": []}`))
	meta := writeFile(t, filepath.Join(dir, "expected-metadata.json"), []byte(`{"title": "Envoy recalled", "byline": null,
  "excerpt": "The ministry recalled its ambassador.", "siteName": "Example", "readerable": true}`))
	writeFile(t, filepath.Join(dir, "list.json"), []byte(`["a", "b"]`))
	writeFile(t, filepath.Join(dir, "urlonly"), []byte(`{"url": "https://news.example/b"}`))
	writeFile(t, filepath.Join(dir, "lines.json"), []byte("{\"title\": \"One\", \"text\": \"Iran warned Israel.\"}\n{\"title\": \"Two\", \"text\": \"Iraq consulted Jordan.\"}\n"))
	writeFile(t, filepath.Join(dir, "note.txt"), []byte("[Reuters] The ministry recalled its ambassador."))
	read, skipped := map[string]Doc{}, map[string]string{}
	for _, d := range collect(t, New(testOptions()), dir) {
		switch {
		case d.Err == nil:
			read[filepath.Base(d.Source)] = d
		case errors.Is(d.Err, ErrSkipped):
			skipped[filepath.Base(d.Source)] = d.Err.Error()
		default:
			t.Errorf("%s: %v", d.Source, d.Err)
		}
	}
	rec, ok := read["record.json"]
	if !ok || rec.Hint.Text != "The ministry recalled its ambassador on Sunday." || rec.Hint.Title != "Envoy recalled" ||
		rec.URL != "https://news.example/a" || rec.Hint.PublishedString() != "2025-03-02" || len(rec.Body) != 0 {
		t.Errorf("record.json read as %+v", rec)
	}
	if _, ok := read["note.txt"]; !ok {
		t.Errorf("a text beginning with a bracket is not read: %v", skipped)
	}
	if read["lines.json:1"].Hint.Title != "One" || read["lines.json:2"].Hint.Title != "Two" {
		t.Errorf("records one per line in a .json file: %v", read)
	}
	for _, name := range []string{"expected-metadata.json", "list.json", "urlonly"} {
		if !strings.Contains(skipped[name], "JSON data, not an article") {
			t.Errorf("%s: skipped %q, want it skipped as JSON data", name, skipped[name])
		}
	}
	if len(read) != 4 {
		t.Errorf("read %d documents, want 4: %v", len(read), read)
	}
	docs := collect(t, New(testOptions()), meta)
	if len(docs) != 1 || docs[0].Err == nil || errors.Is(docs[0].Err, ErrSkipped) || !strings.Contains(docs[0].Err.Error(), "JSON data, not an article") {
		t.Errorf("metadata JSON named on the command line: %+v, want it failed as JSON data", docs)
	}
}
