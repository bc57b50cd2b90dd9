package source

import (
	"bytes"
	"context"
	"errors"
	"github.com/dyad-project/dyad/internal/testutil"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// corpusDir is a directory of the shared corpus, or skips when absent.
func corpusDir(t testing.TB, sub string) string {
	t.Helper()
	return testutil.SharedDir(t, filepath.Join("corpus", sub))
}

func TestCorpusDirectories(t *testing.T) {
	for _, sub := range []string{"seeds", "news-ar", "pages/readability"} {
		t.Run(sub, func(t *testing.T) {
			dir := corpusDir(t, sub)
			var want []string
			filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
				if err == nil && d.Type().IsRegular() && !strings.Contains(p, "/.") {
					want = append(want, p)
				}
				return nil
			})
			opt := testOptions()
			opt.MaxBytes = 50 << 20
			docs := collect(t, New(opt), dir)
			if len(docs) != len(want) {
				t.Fatalf("%d docs, want %d", len(docs), len(want))
			}
			for i, d := range docs {
				// notes and tables beside the articles, and readability's
				// expected-metadata.json (JSON, no crawler record)
				if notArticle(want[i]) != "" || filepath.Base(want[i]) == "expected-metadata.json" {
					if d.Source != want[i] || !errors.Is(d.Err, ErrSkipped) {
						t.Errorf("doc %d: %s %v, want %s skipped", i, d.Source, d.Err, want[i])
					}
					continue
				}
				if d.Err != nil || d.Source != want[i] {
					t.Fatalf("doc %d: %s %v, want %s", i, d.Source, d.Err, want[i])
				}
				b, _ := os.ReadFile(want[i])
				if !bytes.Equal(b, d.Body) {
					t.Errorf("%s: body differs from the file", d.Source)
				}
				if strings.HasSuffix(d.Source, ".txt") && (!utf8.Valid(d.Body) || d.ContentType != "text/plain") {
					t.Errorf("%s: type %q, valid UTF-8 %v", d.Source, d.ContentType, utf8.Valid(d.Body))
				}
			}
		})
	}
}

func BenchmarkReadDirectory(b *testing.B) {
	dir := corpusDir(b, "pages/readability")
	r := New(Options{MaxBytes: 50 << 20})
	var n, size int
	for b.Loop() {
		out := make(chan Doc, 64)
		go func() { r.Read(context.Background(), []string{dir}, out); close(out) }()
		for d := range out {
			n++
			size += len(d.Body)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "docs/s")
	b.ReportMetric(float64(size)/b.Elapsed().Seconds()/1e6, "MB/s")
}

func BenchmarkJSONL(b *testing.B) {
	var buf bytes.Buffer
	for i := 0; i < 10000; i++ {
		buf.WriteString(`{"url":"https://www.example.com/news/` + strconv.Itoa(i) + `","title":"US warns Iraq","date_publish":"2020-09-27 14:05:00","maintext":"` +
			strings.Repeat("Washington warned Baghdad that it would close its embassy. ", 40) +
			`","source_domain":"www.example.com","language":"en","authors":["Jane Doe"]}` + "\n")
	}
	path := filepath.Join(b.TempDir(), "bench.jsonl")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	r := New(Options{})
	var n int
	for b.Loop() {
		out := make(chan Doc, 64)
		go func() { r.Read(context.Background(), []string{path}, out); close(out) }()
		for d := range out {
			if d.Err != nil {
				b.Fatal(d.Err)
			}
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "records/s")
	b.ReportMetric(float64(buf.Len())*float64(b.N)/b.Elapsed().Seconds()/1e6, "MB/s")
}
