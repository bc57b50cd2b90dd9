package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A text in a language the coder does not read is stored, not coded, and
// the run says so.
func TestUncodedLanguageReported(t *testing.T) {
	db := env(t)
	dir := t.TempDir()
	files := map[string]string{
		"en.txt": "Peru accused Chile of spying on Monday, the foreign ministry in Lima said in a statement.",
		"ar.txt": "قالت وزارة الخارجية في بيان يوم الاثنين إن الحكومة استدعت السفير بعد الحادث على الحدود الشمالية للبلاد.",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := mustRun(t, "--db", db, "ingest", dir)
	if !strings.Contains(r.stderr, "1 article in ar: stored, not coded — English only for now") {
		t.Errorf("ingest said:\n%s", r.stderr)
	}
	// the listing and the article say it was not coded, and why
	var arID string
	for _, line := range strings.Split(mustRun(t, "--db", db, "articles").stdout, "\n") {
		if f := strings.Fields(line); len(f) > 0 && strings.Contains(line, " ar ") {
			arID = f[0]
			if !strings.Contains(line, "not coded: ar") {
				t.Errorf("dyad articles row of the Arabic text: %q", line)
			}
		}
	}
	if show := mustRun(t, "--db", db, "show", arID).stdout; !strings.Contains(show, "Coded:     no: text in ar, stored but not coded (English only for now)") {
		t.Errorf("dyad show %s:\n%s", arID, show)
	}
	r = mustRun(t, "code", "--events-out", filepath.Join(t.TempDir(), "ev.jsonl"), dir)
	if !strings.Contains(r.stderr, "1 article in ar: not coded") {
		t.Errorf("code said:\n%s", r.stderr)
	}
}
