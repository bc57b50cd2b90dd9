package source

import (
	"net/http"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/internal/article"
)

func TestFeedItemsFollowed(t *testing.T) {
	srv, h := server(t, func(mux *http.ServeMux, base func() string) {
		mux.HandleFunc("/rss", func(w http.ResponseWriter, r *http.Request) {
			serveString("application/rss+xml", fixture(t, "feed.rss", base()))(w, r)
		})
		mux.HandleFunc("/news/1", serveString("text/html", "<html><body><p>Item one page.</p></body></html>"))
		mux.HandleFunc("/news/", http.NotFound)
	})
	docs := collect(t, New(testOptions()), srv.URL+"/rss")
	m := bySource(t, docs)
	if len(docs) != 3 {
		t.Fatalf("got %d docs, want 3 (the duplicate link dropped): %+v", len(docs), docs)
	}
	one := m[srv.URL+"/news/1"]
	want := article.Article{Source: srv.URL + "/news/1", URL: srv.URL + "/news/1", Title: "Embassy closure threatened",
		Feed: "Example Wire", Language: "en", Published: day("2020-09-27"), DateFrom: article.DateFeed}
	if one.Err != nil || !reflect.DeepEqual(one.Hint, want) || !strings.Contains(string(one.Body), "Item one page.") || one.URL != srv.URL+"/news/1" {
		t.Errorf("item 1: %+v\nwant hint %+v", one, want)
	}
	gone := m[srv.URL+"/news/gone"] // relative link resolved against the feed URL
	if gone.Err != nil || gone.Hint.Text != "Kataib Hezbollah denied involvement.\nSecond paragraph." ||
		gone.Hint.PublishedString() != "2020-09-28" || len(gone.Body) != 0 {
		t.Errorf("item 2 (link fails, description kept): %+v", gone)
	}
	if e := m[srv.URL+"/news/gone2"].Err; e == nil || !strings.Contains(e.Error(), "404") || !strings.Contains(e.Error(), "no text") {
		t.Errorf("item 3 (link fails, no text): %v", e)
	}
	if h.count("/news/1") != 1 {
		t.Errorf("/news/1 fetched %d times", h.count("/news/1"))
	}
}

func TestFeedDetectedByContent(t *testing.T) {
	tests := []struct {
		name, fixture, ctype string
		items                map[string]string // path → title
	}{
		{"atom served as text/html", "feed.atom", "text/html; charset=utf-8",
			map[string]string{"/atom/1": "Atom item one", "/atom/2": "Atom item two"}},
		{"rss served as text/plain", "feed.rss", "text/plain", map[string]string{"/news/1": "Embassy closure threatened"}},
		{"json feed served as application/json", "feed.json", "application/json", map[string]string{"/json/1": "JSON item"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv, _ := server(t, func(mux *http.ServeMux, base func() string) {
				mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
					serveString(tc.ctype, fixture(t, tc.fixture, base()))(w, r)
				})
				mux.HandleFunc("/", serveString("text/html", "<p>item page</p>"))
			})
			m := bySource(t, collect(t, New(testOptions()), srv.URL+"/feed"))
			for p, title := range tc.items {
				d, ok := m[srv.URL+p]
				if !ok || d.Err != nil || d.Hint.Title != title || d.Hint.DateFrom != article.DateFeed || string(d.Body) != "<p>item page</p>" {
					t.Errorf("%s: %+v", p, d)
				}
			}
		})
	}
	// Atom: published wins over updated, updated is the fallback; authors kept.
	srv, _ := server(t, func(mux *http.ServeMux, base func() string) {
		mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
			serveString("application/atom+xml", fixture(t, "feed.atom", base()))(w, r)
		})
		mux.HandleFunc("/", serveString("text/html", "<p>item page</p>"))
	})
	m := bySource(t, collect(t, New(testOptions()), srv.URL+"/feed"))
	if a := m[srv.URL+"/atom/1"].Hint; a.PublishedString() != "2025-01-01" || a.Author != "A. Writer" || a.Feed != "Atom Desk" || a.Outlet != "" {
		t.Errorf("atom item 1 hint: %+v", a)
	}
	if a := m[srv.URL+"/atom/2"].Hint; a.PublishedString() != "2025-01-02" {
		t.Errorf("atom item 2 hint: %+v", a)
	}
}

func TestNotAFeed(t *testing.T) {
	truncated, err := os.ReadFile("testdata/feed_truncated.rss")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, ctype, body string
		err               string // "" when the body is delivered as one page
	}{
		{"garbage as rss", "application/rss+xml", "\x00\x01 definitely not xml {{", "parse feed"},
		{"truncated rss", "application/rss+xml", string(truncated), "parse feed"},
		{"truncated rss as html", "text/html", string(truncated), "parse feed"},
		{"html page behind a feed type", "application/rss+xml", "<!DOCTYPE html><html><body><p>page</p></body></html>", ""},
		{"plain html", "text/html", "<html><body><p>a page</p></body></html>", ""},
		{"json that is not a json feed", "application/json", `{"version": 2, "items": []}`, ""},
		{"xml that is not a feed", "application/xml", `<?xml version="1.0"?><urlset><url><loc>x</loc></url></urlset>`, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv, _ := server(t, func(mux *http.ServeMux, _ func() string) {
				mux.HandleFunc("/f", serveString(tc.ctype, tc.body))
			})
			docs := collect(t, New(testOptions()), srv.URL+"/f")
			if len(docs) != 1 {
				t.Fatalf("got %d docs: %+v", len(docs), docs)
			}
			d := docs[0]
			if tc.err == "" {
				if d.Err != nil || string(d.Body) != tc.body {
					t.Errorf("want the page itself, got %+v", d)
				}
				return
			}
			if d.Err == nil || !strings.Contains(d.Err.Error(), tc.err) || !strings.Contains(d.Err.Error(), srv.URL+"/f") {
				t.Errorf("error %v, want %q naming the URL", d.Err, tc.err)
			}
		})
	}
}

func TestHTMLText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"Tom &amp; Jerry", "Tom & Jerry"},
		{"<p>One  <b>two</b></p><p>Three<br>four</p><script>x()</script>", "One two\nThree\nfour"},
		{"<ul><li>a</li><li>b</li></ul>", "a\nb"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := htmlText(tc.in); got != tc.want {
			t.Errorf("htmlText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
