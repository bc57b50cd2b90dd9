package server

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dyad-project/dyad/internal/plover"
)

//go:embed templates/*.html
var templateFS embed.FS

// view is what every page template gets: the page's data and the chrome.
type view struct {
	Title string
	Nav   string // the menu entry to highlight
	Data  any
}

type errorPage struct {
	Status  int
	Message string
}

var funcs = template.FuncMap{
	"day": func(t time.Time) string {
		if t.IsZero() {
			return "—"
		}
		return t.Format(time.DateOnly)
	},
	"window": func(a, b time.Time) string {
		switch {
		case a.IsZero():
			return "undated"
		case b.IsZero() || b.Equal(a):
			return a.Format(time.DateOnly)
		}
		return a.Format(time.DateOnly) + " … " + b.Format(time.DateOnly)
	},
	// years is the span of years of two days: "2013", "2013–2014".
	"years": func(a, b time.Time) string {
		switch {
		case a.IsZero():
			return ""
		case b.IsZero() || b.Year() == a.Year():
			return a.Format("2006")
		}
		return a.Format("2006") + "–" + b.Format("2006")
	},
	"quad": func(q int) string {
		if q < 1 || q > 4 {
			return "unclassified"
		}
		return plover.QuadClass(q).String()
	},
	// outlet names an outlet; a source without one is no outlet
	"outlet": func(s string) string {
		if s == "" {
			return "unknown outlet"
		}
		return s
	},
	"orDash": func(s string) string {
		if s == "" {
			return "—"
		}
		return s
	},
	// unsaid is the knowledge base's name of a party its words do not say
	// ("the minister" is Thabet al-Abbasi), else ""
	"unsaid": func(text, entity string) string {
		if entity == "" || strings.Contains(strings.ToLower(text), strings.ToLower(entity)) {
			return ""
		}
		return entity
	},
	"join":   strings.Join,
	"lower":  strings.ToLower,
	"chain":  func(ss []string) string { return strings.Join(ss, " ← ") },
	"types":  func() []plover.EventType { return plover.Types() },
	"claims": func() []string { return claims },
	"webURL": func(s string) string { // only http(s) links are rendered as links
		u, err := url.Parse(s)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
			return ""
		}
		return u.String()
	},
	"pathEscape": url.PathEscape,
	"list":       func(xs ...string) []string { return xs },
}

// parsePages parses every page with the layout into its own template set.
func parsePages() (map[string]*template.Template, error) {
	files, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	out := map[string]*template.Template{}
	for _, f := range files {
		name := strings.TrimSuffix(path.Base(f), ".html")
		if name == "layout" {
			continue
		}
		t, err := template.New(name).Funcs(funcs).ParseFS(templateFS, "templates/layout.html", f)
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", name, err)
		}
		out[name] = t
	}
	return out, nil
}

// render writes a page. An htmx request that targets "results" gets only
// that block, so filters update the list without reloading the page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	t := s.pages[name]
	title := titles[name]
	if t == nil {
		t, title = s.pages["error"], "Error"
		data = errorPage{Status: http.StatusInternalServerError, Message: "no template " + name}
	}
	var block string
	var dot any = view{Title: title, Nav: name, Data: data}
	if r.Header.Get("HX-Request") == "true" && r.Header.Get("HX-Target") == "results" && t.Lookup("results") != nil {
		block, dot = "results", data
	} else {
		block = "layout"
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, block, dot); err != nil {
		s.log.Error("render", "page", name, "err", err)
		http.Error(w, "internal error (logged on the server)", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Vary", "HX-Request, HX-Target")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

var titles = map[string]string{
	"overview": "Overview", "timeline": "Timeline", "dyads": "Dyads", "dyad": "Dyad", "network": "Actor network",
	"map": "World map", "story": "Story", "articles": "Articles", "article": "Article", "actors": "Actors",
	"actor": "Actor", "alerts": "Alerts", "ingest": "Ingest a URL", "error": "Error",
}

//go:embed static
var staticFS embed.FS

func staticHandler() http.Handler {
	sub, _ := fs.Sub(staticFS, "static")
	files := http.StripPrefix("/static/", http.FileServerFS(sub))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/") { // no directory listings
			http.NotFound(w, r)
			return
		}
		// fs.FS refuses names that are not valid UTF-8 or hold a NUL with
		// an error the file server answers as 500; they are the client's
		// mistake (or probe: an overlong "%c0%ae" is an old "." trick).
		if !utf8.ValidString(r.URL.Path) || strings.ContainsRune(r.URL.Path, 0) {
			http.Error(w, "bad path", http.StatusBadRequest)
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=3600")
		files.ServeHTTP(w, r)
	})
}
