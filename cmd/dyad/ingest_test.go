package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"github.com/dyad-project/dyad/internal/testutil"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// seedDates are the publication days of the five seed pages: a date line for
// most, and for 001 only the window its embedded posts allow.
var seedDates = []struct {
	prefix   string
	from, to string
}{
	{"000_", "2025-11-04", "2025-11-04"},
	{"001_", "2025-11-02", "2025-11-05"},
	{"002_", "2025-11-18", "2025-11-18"},
	{"003_", "2024-11-05", "2024-11-05"},
	{"004_", "2026-01-26", "2026-01-26"},
}

func TestIngestSeeds(t *testing.T) {
	seeds := testutil.SharedDir(t, "corpus/seeds")
	db := env(t)

	r := mustRun(t, "--db", db, "ingest", seeds)
	if !strings.Contains(r.stderr, "5 new") || !strings.Contains(r.stderr, "0 failed") {
		t.Errorf("first ingest summary = %q, want 5 new, 0 failed", r.stderr)
	}
	arts := listArticles(t, db)
	if len(arts) != 5 {
		t.Fatalf("stored %d articles, want 5: %v", len(arts), keys(arts))
	}
	for _, want := range seedDates {
		var a map[string]any
		for name, v := range arts {
			if strings.HasPrefix(name, want.prefix) {
				a = v
			}
		}
		if a == nil {
			t.Errorf("%s*: not stored", want.prefix)
			continue
		}
		pub, _ := a["published"].(string)
		if pub < want.from || pub > want.to {
			t.Errorf("%s published = %q, want %s…%s", want.prefix, pub, want.from, want.to)
		}
		if from, _ := a["published_from"].(string); from == "" {
			t.Errorf("%s published_from is empty", want.prefix)
		}
		if lang, _ := a["language"].(string); lang != "en" {
			t.Errorf("%s language = %q, want en", want.prefix, lang)
		}
	}

	// Idempotence: the same files again add nothing.
	r = mustRun(t, "--db", db, "ingest", seeds)
	if !strings.Contains(r.stderr, "0 new") || !strings.Contains(r.stderr, "5 already stored") {
		t.Errorf("second ingest summary = %q, want 0 new, 5 already stored", r.stderr)
	}
	if n := len(listArticles(t, db)); n != 5 {
		t.Errorf("after a second ingest %d articles, want 5", n)
	}
}

func TestDatabaseFromEnvironment(t *testing.T) {
	seeds := testutil.SharedDir(t, "corpus/seeds")
	env(t)
	db := filepath.Join(t.TempDir(), "from-env.db")
	t.Setenv("DYAD_DB", db)
	r := mustRun(t, "ingest", filepath.Join(seeds, "000_e91ca02078149963.txt"))
	if !strings.Contains(r.stderr, db) {
		t.Errorf("summary %q does not name $DYAD_DB %s", r.stderr, db)
	}
	if _, err := os.Stat(db); err != nil {
		t.Errorf("$DYAD_DB not created: %v", err)
	}
}

func TestShow(t *testing.T) {
	seeds := testutil.SharedDir(t, "corpus/seeds")
	db := env(t)
	mustRun(t, "--db", db, "ingest", filepath.Join(seeds, "003_364a8a0b311234ed.txt"))
	arts := listArticles(t, db)
	a := arts["003_364a8a0b311234ed.txt"]
	if a == nil {
		t.Fatalf("003 not stored: %v", keys(arts))
	}
	id := jsonID(a)

	r := mustRun(t, "--db", db, "show", id)
	for _, want := range []string{"Title:     Blinken stresses Iraq", "Published: 2024-11-05 (", "Language:  en",
		"called on the Iraqi government"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("show %s: missing %q in\n%s", id, want, r.stdout)
		}
	}

	r = mustRun(t, "--db", db, "show", "--json", id)
	var j articleJSON
	if err := json.Unmarshal([]byte(r.stdout), &j); err != nil {
		t.Fatalf("show --json: %v\n%s", err, r.stdout)
	}
	if j.Published == nil || *j.Published != "2024-11-05" || !strings.Contains(j.Text, "Antony Blinken") ||
		j.Hash == "" || filepath.Base(j.Source) != "003_364a8a0b311234ed.txt" {
		t.Errorf("show --json = %+v", j)
	}

	for _, tc := range []struct{ arg, want string }{
		{"999", "article 999: not found"},
		{"abc", `article id "abc": not a number`},
	} {
		r = run(t, "--db", db, "show", tc.arg)
		if r.err == nil || !strings.Contains(r.err.Error(), tc.want) {
			t.Errorf("show %s: err = %v, want %q", tc.arg, r.err, tc.want)
		}
		if r.stdout != "" {
			t.Errorf("show %s printed %q", tc.arg, r.stdout)
		}
	}
}

func TestIngestStdin(t *testing.T) {
	seeds := testutil.SharedDir(t, "corpus/seeds")
	db := env(t)
	// The ingest command reads os.Stdin itself, not cmd.InOrStdin.
	f, err := os.Open(filepath.Join(seeds, "002_1da35b5d97764059.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	old := os.Stdin
	os.Stdin = f
	t.Cleanup(func() { os.Stdin = old })

	r := mustRun(t, "--db", db, "ingest", "-")
	if !strings.Contains(r.stderr, "1 new") {
		t.Errorf("summary = %q, want 1 new", r.stderr)
	}
	arts := listArticles(t, db)
	a := arts["-"]
	if len(arts) != 1 || a == nil {
		t.Fatalf("articles = %v, want one from -", keys(arts))
	}
	if a["published"] != "2025-11-18" || a["title"] != "Top Iraqi diplomat in Iran after US Embassy warning" {
		t.Errorf("stdin article = %v", a)
	}
}

func TestIngestBadBatch(t *testing.T) {
	db := env(t)
	dir := t.TempDir()
	good := "Iraq and Turkey agree on water talks\n\n3 March 2025\n\n" +
		"BAGHDAD — The Iraqi foreign minister met his Turkish counterpart in Ankara on Monday " +
		"to discuss water sharing along the Tigris and Euphrates rivers, officials said.\n\n" +
		"The two ministers agreed to set up a joint committee that will meet every three months.\n"
	files := map[string][]byte{
		"good.txt":  []byte(good),
		"empty.txt": nil,
		"image.txt": {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1},
		// Latin-1 bytes, invalid as UTF-8: decoded as a legacy charset.
		"latin1.txt": []byte("Le ministre fran\xe7ais des Affaires \xe9trang\xe8res a rencontr\xe9 son homologue " +
			"irakien \xe0 Bagdad mardi pour parler de s\xe9curit\xe9 et de reconstruction.\n"),
		"cut.txt.gz": gzipped(t, []byte(strings.Repeat(good, 20)))[:60],
		"crawl.jsonl": []byte(`{"url":"https://news.example.org/a","title":"Talks in Ankara","date_publish":"2025-03-04 10:00:00",` +
			`"maintext":"The Turkish president received the Iraqi prime minister in Ankara on Tuesday, the presidency said.",` +
			`"source_domain":"news.example.org","language":"en"}` + "\n{not json\n"),
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	missing := filepath.Join(dir, "..", "no-such-file.txt")

	r := run(t, "--db", db, "ingest", dir, missing)
	if !errors.Is(r.err, errFailed) {
		t.Fatalf("err = %v, want errFailed (exit 1)", r.err)
	}
	if !strings.Contains(r.stderr, "3 new") || !strings.Contains(r.stderr, "5 failed") {
		t.Errorf("summary = %q, want 3 new, 5 failed", r.stderr)
	}
	t.Logf("stderr:\n%s", r.stderr)
	// One error line per bad input, naming it and saying why.
	wantErrs := []struct{ name, reason string }{
		{"empty.txt", "empty"},
		{"image.txt", "PNG"},
		{"cut.txt.gz", "EOF"},
		{"crawl.jsonl:2", "JSON"},
		{"no-such-file.txt", "no such file"},
	}
	lines := errorLines(r.stderr)
	if len(lines) != len(wantErrs) {
		t.Errorf("%d error lines, want %d:\n%s", len(lines), len(wantErrs), r.stderr)
	}
	for _, w := range wantErrs {
		n := 0
		for _, l := range lines {
			if strings.Contains(l, w.name) {
				n++
				if !strings.Contains(l, w.reason) {
					t.Errorf("error line %q does not give the reason %q", l, w.reason)
				}
			}
		}
		if n != 1 {
			t.Errorf("%s named by %d error lines, want 1:\n%s", w.name, n, r.stderr)
		}
	}

	arts := listArticles(t, db)
	for _, name := range []string{"good.txt", "latin1.txt", "crawl.jsonl:1"} {
		if arts[name] == nil {
			t.Errorf("%s not stored; stored: %v", name, keys(arts))
		}
	}
	if a := arts["good.txt"]; a != nil && a["published"] != "2025-03-03" {
		t.Errorf("good.txt published = %v, want 2025-03-03 from its date line", a["published"])
	}
	if a := arts["crawl.jsonl:1"]; a != nil && (a["published"] != "2025-03-04" || a["outlet"] == "") {
		t.Errorf("crawler record = %v, want published 2025-03-04 and an outlet", a)
	}
	if a := arts["latin1.txt"]; a != nil {
		text := showText(t, db, jsonID(a))
		if !strings.Contains(text, "français des Affaires étrangères") {
			t.Errorf("latin1.txt text not decoded: %q", text)
		}
	}

	// A re-run stores nothing new and changes nothing already stored.
	r = run(t, "--db", db, "ingest", dir, missing)
	if !errors.Is(r.err, errFailed) {
		t.Errorf("re-run err = %v, want errFailed", r.err)
	}
	if !strings.Contains(r.stderr, "0 new") || !strings.Contains(r.stderr, "3 already stored") {
		t.Errorf("re-run summary = %q, want 0 new, 3 already stored", r.stderr)
	}
	again := listArticles(t, db)
	if len(again) != len(arts) {
		t.Errorf("re-run: %d articles, want %d", len(again), len(arts))
	}
	for name, a := range arts {
		b, _ := json.Marshal(a)
		c, _ := json.Marshal(again[name])
		if string(b) != string(c) {
			t.Errorf("re-run changed %s:\n%s\n%s", name, b, c)
		}
	}
}

func TestArticlesFilters(t *testing.T) {
	seeds := testutil.SharedDir(t, "corpus/seeds")
	db := env(t)
	mustRun(t, "--db", db, "ingest", "-q", seeds)
	r := mustRun(t, "--db", db, "articles", "--since", "2025-01-01", "--until", "2025-12-31")
	rows := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(rows) != 4 || !regexp.MustCompile(`^ID\s+PUBLISHED`).MatchString(rows[0]) {
		t.Errorf("articles in 2025: want a header and 3 rows, got\n%s", r.stdout)
	}
	for _, row := range rows[1:] {
		if !strings.Contains(row, "2025-") {
			t.Errorf("row outside 2025: %q", row)
		}
	}
	if r := run(t, "--db", db, "articles", "--since", "yesterday"); r.err == nil || !strings.Contains(r.err.Error(), "YYYY-MM-DD") {
		t.Errorf("--since yesterday: err = %v, want a format message", r.err)
	}
}

func showText(t *testing.T, db, id string) string {
	t.Helper()
	var j articleJSON
	r := mustRun(t, "--db", db, "show", "--json", id)
	if err := json.Unmarshal([]byte(r.stdout), &j); err != nil {
		t.Fatal(err)
	}
	return j.Text
}

func jsonID(a map[string]any) string {
	id, _ := a["id"].(float64)
	return strconv.FormatInt(int64(id), 10)
}

func gzipped(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
