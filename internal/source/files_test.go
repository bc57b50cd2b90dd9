package source

import (
	"bytes"
	"compress/gzip"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func gzipBytes(t *testing.T, b []byte) []byte {
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

func writeFile(t *testing.T, path string, b []byte) string {
	t.Helper()
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLocalArguments(t *testing.T) {
	tmp := t.TempDir()
	page, err := os.ReadFile("testdata/pages/a.html")
	if err != nil {
		t.Fatal(err)
	}
	gz := writeFile(t, filepath.Join(tmp, "a.html.gz"), gzipBytes(t, page))
	// Incompressible text, so that half the stream is half the content.
	rnd := rand.New(rand.NewPCG(1, 2))
	text := make([]byte, 800)
	for i := range text {
		text[i] = byte('a' + rnd.IntN(26))
	}
	full := gzipBytes(t, text)
	trunc := writeFile(t, filepath.Join(tmp, "cut.txt.gz"), full[:len(full)/2])
	notGzip := writeFile(t, filepath.Join(tmp, "plain.gz"), []byte("not gzip at all"))
	big := writeFile(t, filepath.Join(tmp, "big.html"), bytes.Repeat([]byte("x"), 2048))
	bigGz := writeFile(t, filepath.Join(tmp, "big.txt.gz"), gzipBytes(t, bytes.Repeat([]byte("y"), 4096)))

	tests := []struct {
		name    string
		args    []string
		sources []string // expected Source of each doc, in order
		errs    []string // per doc: "" for success, else a substring of the error
	}{
		{"file", []string{"testdata/pages/a.html"}, []string{"testdata/pages/a.html"}, []string{""}},
		{"directory recursive, lexical, no hidden", []string{"testdata/pages"},
			[]string{"testdata/pages/a.html", "testdata/pages/b.txt", "testdata/pages/sub/c.htm"}, []string{"", "", ""}},
		{"glob", []string{"testdata/pages/*.txt"}, []string{"testdata/pages/b.txt"}, []string{""}},
		{"glob matching a directory", []string{"testdata/pa*s"},
			[]string{"testdata/pages/a.html", "testdata/pages/b.txt", "testdata/pages/sub/c.htm"}, []string{"", "", ""}},
		{"glob matching nothing", []string{"testdata/pages/*.pdf"}, []string{"testdata/pages/*.pdf"}, []string{"matches no file"}},
		{"bad glob", []string{"testdata/[a"}, []string{"testdata/[a"}, []string{"syntax error"}},
		{"nonexistent", []string{"testdata/nope.html"}, []string{"testdata/nope.html"}, []string{"testdata/nope.html: no such file"}},
		{"gzip", []string{gz}, []string{gz}, []string{""}},
		{"truncated gzip", []string{trunc}, []string{trunc}, []string{"cut.txt.gz: unexpected EOF"}},
		{"not gzip", []string{notGzip}, []string{notGzip}, []string{"gunzip"}},
		{"oversized", []string{big}, []string{big}, []string{"too large"}},
		{"oversized after gunzip", []string{bigGz}, []string{bigGz}, []string{"too large"}},
		{"bad argument does not stop the others",
			[]string{"testdata/nope", "testdata/pages/b.txt"},
			[]string{"testdata/nope", "testdata/pages/b.txt"}, []string{"no such file", ""}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			opt := testOptions()
			opt.MaxBytes = 1024
			docs := collect(t, New(opt), tc.args...)
			if len(docs) != len(tc.sources) {
				t.Fatalf("got %d docs, want %d: %+v", len(docs), len(tc.sources), docs)
			}
			for i, d := range docs {
				if d.Source != filepath.FromSlash(tc.sources[i]) {
					t.Errorf("doc %d: Source %q, want %q", i, d.Source, tc.sources[i])
				}
				switch {
				case tc.errs[i] == "" && d.Err != nil:
					t.Errorf("doc %d: unexpected error %v", i, d.Err)
				case tc.errs[i] == "" && len(d.Body) == 0:
					t.Errorf("doc %d: empty body", i)
				case tc.errs[i] != "" && (d.Err == nil || !strings.Contains(d.Err.Error(), tc.errs[i])):
					t.Errorf("doc %d: error %v, want one containing %q", i, d.Err, tc.errs[i])
				}
			}
		})
	}
}

func TestFileContentAndType(t *testing.T) {
	tmp := t.TempDir()
	page, _ := os.ReadFile("testdata/pages/a.html")
	gz := writeFile(t, filepath.Join(tmp, "A.HTML.GZ"), gzipBytes(t, page))
	docs := collect(t, New(testOptions()), "testdata/pages/a.html", gz, "testdata/pages/b.txt")
	want := []struct{ ctype, body string }{
		{"text/html", string(page)},
		{"text/html", string(page)},
		{"text/plain", "Plain text note B.\n"},
	}
	for i, d := range docs {
		if d.ContentType != want[i].ctype || string(d.Body) != want[i].body {
			t.Errorf("doc %d (%s): type %q body %q, want %q %q", i, d.Source, d.ContentType, d.Body, want[i].ctype, want[i].body)
		}
	}
	if !errors.Is(New(Options{MaxBytes: 10}).readOneTooLarge(t), ErrTooLarge) {
		t.Error("oversized file error does not wrap ErrTooLarge")
	}
}

// readOneTooLarge reads a.html with a tiny limit and returns the error.
func (r *Reader) readOneTooLarge(t *testing.T) error {
	docs := collect(t, r, "testdata/pages/a.html")
	if len(docs) != 1 {
		t.Fatalf("got %d docs", len(docs))
	}
	return docs[0].Err
}

func TestStdin(t *testing.T) {
	page := []byte("<html><body><p>From a pipe.</p></body></html>")
	records := []byte(`{"url":"https://x.example/1","title":"One","text":"First text."}` + "\n" +
		`{"url":"https://x.example/2","title":"Two","text":"Second text."}` + "\n")
	tests := []struct {
		name  string
		in    []byte
		check func(t *testing.T, docs []Doc)
	}{
		{"page", page, func(t *testing.T, docs []Doc) {
			if len(docs) != 1 || docs[0].Source != "-" || !bytes.Equal(docs[0].Body, page) ||
				!strings.HasPrefix(docs[0].ContentType, "text/html") {
				t.Errorf("got %+v", docs)
			}
		}},
		{"gzipped page", gzipBytes(t, page), func(t *testing.T, docs []Doc) {
			if len(docs) != 1 || !bytes.Equal(docs[0].Body, page) {
				t.Errorf("got %+v", docs)
			}
		}},
		{"records", records, func(t *testing.T, docs []Doc) {
			if len(docs) != 2 || docs[0].Source != "-:1" || docs[1].Hint.Text != "Second text." {
				t.Errorf("got %+v", docs)
			}
		}},
		{"oversized", bytes.Repeat([]byte("z"), 2000), func(t *testing.T, docs []Doc) {
			if len(docs) != 1 || !errors.Is(docs[0].Err, ErrTooLarge) {
				t.Errorf("got %+v", docs)
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			opt := testOptions()
			opt.MaxBytes = 1024
			opt.Stdin = bytes.NewReader(tc.in)
			tc.check(t, collect(t, New(opt), "-"))
		})
	}
}
