// Package server is `dyad serve`: a JSON API under /api/ (described by an
// OpenAPI document at /api/openapi.json) and server-rendered pages for
// analysts (html/template, htmx, uPlot, cytoscape, a world map drawn on the
// server), every asset embedded so it works offline.
//
// It is read-only unless a token is configured; writes (ingest a URL, edit
// the alert rules) need it, and forms also carry a CSRF token. Every
// response carries a strict Content-Security-Policy, and article text, which
// is untrusted, is only ever rendered escaped.
package server

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/dyad-project/dyad/internal/actors"
	"github.com/dyad-project/dyad/internal/store"
)

// Actors is the knowledge base the actor pages read; *actors.KB has it.
type Actors interface {
	Get(id string) *actors.Entity
	Lookup(name string, day time.Time) []actors.Resolution
}

// Alerts lists the alerts `dyad watch` fired; the SQLite store has it.
type Alerts interface {
	ListAlerts(ctx context.Context, since time.Time) ([]store.AlertRecord, error)
}

// IngestResult is what ingesting one URL did.
type IngestResult struct {
	ArticleID int64 `json:"article_id"`
	Created   bool  `json:"created"`
	Mentions  int   `json:"mentions"`
}

// Ingester fetches, extracts, codes and stores one URL. It must refuse
// private, loopback and link-local addresses (source.ErrPrivateAddress).
type Ingester func(ctx context.Context, url string) (IngestResult, error)

// Config is what a server needs. Store is required; a nil Actors, Alerts
// or Ingest, or an empty RulesPath, hides what depends on it.
type Config struct {
	Store  store.Reader
	Actors Actors
	Alerts Alerts
	Ingest Ingester
	// RulesPath is the watch configuration (YAML with a rules: list) the
	// alert-rules editor shows and, with the token, rewrites.
	RulesPath string
	// Token enables writes: API calls send it as "Authorization: Bearer",
	// forms in a field. Empty: the server is read-only.
	Token  string
	Logger *slog.Logger
	// Now is the clock (tests fix it); default time.Now.
	Now func() time.Time
}

// Validate checks the configuration.
func (c *Config) Validate() error {
	if c.Store == nil {
		return errors.New("server: no store")
	}
	if c.Token != "" && len(c.Token) < 16 {
		return errors.New("server: the write token must be at least 16 characters")
	}
	return nil
}

// Server serves the API and the pages.
type Server struct {
	cfg   Config
	log   *slog.Logger
	pages map[string]*template.Template
	csrf  *csrfKeys
	mux   *http.ServeMux
	world *worldMap
	cop   *http.CrossOriginProtection // refuses cross-origin writes
}

// New builds a server from cfg.
func New(cfg Config) (*Server, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	pages, err := parsePages()
	if err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	world, err := loadWorld()
	if err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	csrf, err := newCSRFKeys()
	if err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	s := &Server{cfg: cfg, log: cfg.Logger, pages: pages, csrf: csrf, mux: http.NewServeMux(), world: world,
		cop: http.NewCrossOriginProtection()}
	s.routes()
	return s, nil
}

// ServeHTTP applies the security headers, refuses cross-origin writes and
// routes the request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", contentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	// Fetch metadata and Origin headers refuse state-changing requests from
	// other origins; the CSRF token backs this up for older browsers.
	if err := s.cop.Check(r); err != nil {
		s.fail(w, r, http.StatusForbidden, err)
		return
	}
	s.mux.ServeHTTP(w, r)
}

// contentSecurityPolicy allows nothing but this origin's own scripts,
// styles and images: no inline script or style, no eval, no framing.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

func (s *Server) routes() {
	m := s.mux
	m.Handle("GET /static/", staticHandler())
	// the API
	m.HandleFunc("GET /api/openapi.json", s.apiOpenAPI)
	m.HandleFunc("GET /api/events", s.apiEvents)
	m.HandleFunc("GET /api/stories", s.apiStories)
	m.HandleFunc("GET /api/stories/{id}", s.apiStory)
	m.HandleFunc("GET /api/articles", s.apiArticles)
	m.HandleFunc("GET /api/articles/{id}", s.apiArticle)
	m.HandleFunc("GET /api/actors", s.apiActors)
	m.HandleFunc("GET /api/actors/{id}", s.apiActor)
	m.HandleFunc("GET /api/dyads", s.apiDyads)
	m.HandleFunc("GET /api/dyads/{a}/{b}/series", s.apiSeries)
	m.HandleFunc("GET /api/network", s.apiNetwork)
	m.HandleFunc("GET /api/intensity", s.apiIntensity)
	m.HandleFunc("GET /api/alerts", s.apiAlerts)
	m.HandleFunc("GET /api/alert-rules", s.apiRules)
	m.Handle("PUT /api/alert-rules", s.bearer(http.HandlerFunc(s.apiPutRules)))
	m.Handle("POST /api/ingest", s.bearer(http.HandlerFunc(s.apiIngest)))
	m.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, http.StatusNotFound, errors.New("no such API endpoint: see /api/openapi.json"))
	})
	// the pages
	m.HandleFunc("GET /{$}", s.pageOverview)
	m.HandleFunc("GET /timeline", s.pageTimeline)
	m.HandleFunc("GET /dyads", s.pageDyads)
	m.HandleFunc("GET /dyads/{a}/{b}", s.pageDyad)
	m.HandleFunc("GET /network", s.pageNetwork)
	m.HandleFunc("GET /map", s.pageMap)
	m.HandleFunc("GET /stories/{id}", s.pageStory)
	m.HandleFunc("GET /articles", s.pageArticles)
	m.HandleFunc("GET /articles/{id}", s.pageArticle)
	m.HandleFunc("GET /actors", s.pageActors)
	m.HandleFunc("GET /actors/{id}", s.pageActor)
	m.HandleFunc("GET /alerts", s.pageAlerts)
	m.Handle("POST /alerts/rules", s.formAuth(http.HandlerFunc(s.formRules)))
	m.HandleFunc("GET /ingest", s.pageIngest)
	m.Handle("POST /ingest", s.formAuth(http.HandlerFunc(s.formIngest)))
	m.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, http.StatusNotFound, errors.New("page not found"))
	})
}

// Serve listens on addr until ctx ends, then shuts down gracefully.
func (s *Server) Serve(ctx context.Context, addr string, ready func(addr string)) error {
	srv := &http.Server{Addr: addr, Handler: s, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: time.Minute,
		WriteTimeout: 5 * time.Minute, MaxHeaderBytes: 64 << 10}
	ln, err := listen(ctx, addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	if ready != nil {
		ready(ln.Addr().String())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("serve: shutdown: %w", err)
	}
	return nil
}

func listen(ctx context.Context, addr string) (net.Listener, error) {
	var lc net.ListenConfig
	return lc.Listen(ctx, "tcp", addr)
}
