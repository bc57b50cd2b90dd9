package source

import (
	"bytes"
	"net/http"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/dyad-project/dyad/internal/article"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestParseRecord(t *testing.T) {
	tests := []struct {
		name string
		line string
		want article.Article
		err  string
	}{
		{"news-please",
			`{"url":"https://a.example/x","title":" T ","date_publish":"2020-09-27 14:05:00","maintext":"Body.","source_domain":"a.example","language":"en","authors":["A","  ","B"]}`,
			article.Article{URL: "https://a.example/x", Title: "T", Text: "Body.", Outlet: "a.example", Language: "en",
				Author: "A, B", Published: day("2020-09-27"), DateFrom: article.DateMetadata}, ""},
		{"simple fields, local date kept",
			`{"url":"https://b.example/y","title":"T","published":"2021-03-04T01:30:00+03:00","text":"Body.","outlet":"B News"}`,
			article.Article{URL: "https://b.example/y", Title: "T", Text: "Body.", Outlet: "B News",
				Published: day("2021-03-04"), DateFrom: article.DateMetadata}, ""},
		{"nulls and unparseable date",
			`{"url":"https://c.example/","title":null,"date_publish":"last week","maintext":"Body.","language":null}`,
			article.Article{URL: "https://c.example/", Text: "Body."}, ""},
		{"unix seconds and milliseconds",
			`{"url":"u","published":1601215200,"date":1601215200000,"text":"x"}`,
			article.Article{URL: "u", Text: "x", Published: day("2020-09-27"), DateFrom: article.DateMetadata}, ""},
		{"numeric string date, language tag",
			`{"text":"x","published":"1601215200","language":"AR_iq"}`,
			article.Article{Text: "x", Language: "ar", Published: day("2020-09-27"), DateFrom: article.DateMetadata}, ""},
		{"url only", `{"url":"https://d.example/z","text":"   "}`, article.Article{URL: "https://d.example/z"}, ""},
		{"author string", `{"text":"x","author":" Jo "}`, article.Article{Text: "x", Author: "Jo"}, ""},
		{"wrong types ignored", `{"url":5,"title":["x"],"text":"t","outlet":{"name":"N"}}`, article.Article{Text: "t"}, ""},
		{"neither text nor url", `{"title":"x"}`, article.Article{}, "neither text nor url"},
		{"array", `[1,2]`, article.Article{}, "not a JSON object"},
		{"truncated", `{"url":"x","text":"abc`, article.Article{}, "not a JSON object"},
		{"empty", ``, article.Article{}, "not a JSON object"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseRecord([]byte(tc.line))
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func TestJSONLFiles(t *testing.T) {
	srv, h := server(t, func(mux *http.ServeMux, _ func() string) {
		mux.HandleFunc("/c", serveString("text/html", "<html><body>fetched c</body></html>"))
	})
	tmp := t.TempDir()
	simple := writeFile(t, filepath.Join(tmp, "simple.jsonl"), []byte(fixture(t, "simple.jsonl", srv.URL)))
	docs := collect(t, New(testOptions()), "testdata/newsplease.jsonl", simple)
	m := bySource(t, docs)
	if len(docs) != 7 {
		t.Fatalf("got %d docs, want 7: %+v", len(docs), docs)
	}

	np := m["testdata/newsplease.jsonl:1"]
	if np.Err != nil || len(np.Body) != 0 || np.URL != "https://www.example.com/news/2020/iraq-warning.html" ||
		np.Hint.Title != "US warns Iraq over militia attacks" || np.Hint.Outlet != "www.example.com" ||
		np.Hint.PublishedString() != "2020-09-27" || np.Hint.DateFrom != article.DateMetadata ||
		np.Hint.Language != "en" || np.Hint.Author != "Jane Doe, John Roe" ||
		np.Hint.Source != "testdata/newsplease.jsonl:1" || !strings.HasPrefix(np.Hint.Text, "Washington warned") {
		t.Errorf("news-please record: %+v", np)
	}
	ar := m["testdata/newsplease.jsonl:3"] // line 2 is blank
	if ar.Err != nil || ar.Hint.Language != "ar" || ar.Hint.HasDate() || ar.Hint.Text != "حذرت واشنطن بغداد." {
		t.Errorf("arabic record: %+v", ar)
	}

	s1 := m[simple+":1"]
	if s1.Err != nil || s1.Hint.Outlet != "Example Net" || s1.Hint.PublishedString() != "2021-03-04" {
		t.Errorf("simple record: %+v", s1)
	}
	for line, reason := range map[string]string{"2": "not a JSON object", "4": "not a JSON object", "5": "neither text nor url"} {
		d := m[simple+":"+line]
		if d.Err == nil || !strings.HasPrefix(d.Err.Error(), simple+":"+line+": ") || !strings.Contains(d.Err.Error(), reason) {
			t.Errorf("line %s: error %v, want it to name the line and %q", line, d.Err, reason)
		}
	}
	c := m[simple+":3"]
	if c.Err != nil || !bytes.Contains(c.Body, []byte("fetched c")) || c.Hint.Title != "Only a link" ||
		c.Hint.Text != "" || c.URL != srv.URL+"/c" {
		t.Errorf("record without text should be fetched: %+v", c)
	}
	if h.count("/c") != 1 {
		t.Errorf("/c fetched %d times", h.count("/c"))
	}
}

func TestJSONLGzipAndLimits(t *testing.T) {
	var lines bytes.Buffer
	for i := 0; i < 200; i++ {
		lines.WriteString(`{"url":"https://e.example/` + strings.Repeat("p", i%7) + `","text":"record text number ` +
			strings.Repeat("w", i%13) + `"}` + "\n")
	}
	full := gzipBytes(t, lines.Bytes())
	tmp := t.TempDir()
	whole := writeFile(t, filepath.Join(tmp, "ok.jsonl.gz"), full)
	cut := writeFile(t, filepath.Join(tmp, "cut.ndjson.gz"), full[:len(full)*2/3])
	long := writeFile(t, filepath.Join(tmp, "long.jsonl"), []byte(
		`{"text":"short"}`+"\n"+`{"text":"`+strings.Repeat("L", 300)+`"}`+"\n"+`{"text":"after"}`))

	opt := testOptions()
	opt.MaxBytes = 100 // a per-record limit for JSONL; the files themselves are larger
	docs := collect(t, New(opt), whole, cut, long)
	var okWhole, okCut, errCut int
	m := map[string]Doc{}
	for _, d := range docs {
		m[d.Source] = d
		switch {
		case strings.HasPrefix(d.Source, whole) && d.Err == nil:
			okWhole++
		case strings.HasPrefix(d.Source, cut) && d.Err == nil:
			okCut++
		case d.Source == cut && d.Err != nil:
			errCut++
			if !strings.Contains(d.Err.Error(), "unexpected EOF") {
				t.Errorf("truncation error: %v", d.Err)
			}
		}
	}
	if okWhole != 200 {
		t.Errorf("whole file: %d records, want 200", okWhole)
	}
	if okCut == 0 || okCut >= 200 || errCut != 1 {
		t.Errorf("truncated file: %d records then %d errors; want some records then one error", okCut, errCut)
	}
	if d := m[long+":2"]; d.Err == nil || !strings.Contains(d.Err.Error(), "line longer than 100 bytes") {
		t.Errorf("long line: %+v", d)
	}
	if m[long+":1"].Hint.Text != "short" || m[long+":3"].Hint.Text != "after" {
		t.Errorf("records around a long line lost: %+v", docs)
	}
}

func FuzzParseRecord(f *testing.F) {
	for _, s := range []string{
		`{"url":"https://a.example/x","title":"T","date_publish":"2020-09-27 14:05:00","maintext":"Body.","source_domain":"a","language":"en","authors":["A"]}`,
		`{"url":"u","published":1601215200000,"text":"x","outlet":"o"}`,
		`{"text":"x","published":"Mon, 02 Jan 2006 15:04:05 -0700","author":"Jo"}`,
		`{"title":"x"}`, `[1]`, `null`, `{"url":null}`, `{"published":-1e300,"text":"x"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		a, err := ParseRecord(line)
		if err != nil {
			if !reflect.DeepEqual(a, article.Article{}) {
				t.Errorf("error %v with a non-empty article %+v", err, a)
			}
			return
		}
		if a.Text == "" && a.URL == "" {
			t.Errorf("accepted record with neither text nor url: %q", line)
		}
		if a.HasDate() != (a.DateFrom == article.DateMetadata) {
			t.Errorf("date %v with source %q", a.Published, a.DateFrom)
		}
		if a.HasDate() && !a.Published.Equal(article.Day(a.Published)) {
			t.Errorf("published %v is not a UTC day", a.Published)
		}
		if a.Language != "" && len(a.Language) != 2 {
			t.Errorf("language %q", a.Language)
		}
	})
}
