package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/pipeline"
	"github.com/dyad-project/dyad/internal/source"
	"github.com/dyad-project/dyad/internal/store"
)

// Coding is the step `dyad ingest` runs on every new article: Code in the
// extraction worker, After (merge and store the mentions) in the writer.
type Coding struct {
	Code  pipeline.CodeFunc
	After func(ctx context.Context, a *article.Article, coded any) (mentions int, err error)
	// Store, when set, stores the article with its coded mentions in one
	// step (pipeline.StoreCoded) instead of the sink plus After.
	Store func(ctx context.Context, a *article.Article, coded any) (put store.PutResult, mentions int, err error)
}

// NewIngester returns an Ingester that fetches through the source package
// with private, loopback and link-local addresses always refused (checked
// at dial time, so DNS names and redirects pointing inside are refused too),
// one URL at a time.
func NewIngester(sink pipeline.Sink, opt source.Options, c Coding) Ingester {
	opt.AllowPrivate = false
	if opt.Timeout == 0 {
		opt.Timeout = 30 * time.Second
	}
	reader := source.New(opt)
	var mu sync.Mutex
	return func(ctx context.Context, raw string) (IngestResult, error) {
		if err := checkIngestURL(raw); err != nil {
			return IngestResult{}, err
		}
		mu.Lock()
		defer mu.Unlock()
		var res IngestResult
		po := pipeline.Options{Workers: 1, Code: c.Code}
		po.After = func(ctx context.Context, a *article.Article, coded any) error {
			res.ArticleID, res.Created = a.ID, true
			if c.After == nil {
				return nil
			}
			n, err := c.After(ctx, a, coded)
			res.Mentions += n
			return err
		}
		if c.Store != nil {
			po.Store = func(ctx context.Context, a *article.Article, coded any) (store.PutResult, error) {
				put, n, err := c.Store(ctx, a, coded)
				if err == nil && put.Created {
					res.ArticleID, res.Created = put.ID, true
					res.Mentions += n
				}
				return put, err
			}
		}
		po.Progress = func(_ string, put store.PutResult, err error) {
			if err == nil && res.ArticleID == 0 {
				res.ArticleID = put.ID
			}
		}
		sum, err := pipeline.Ingest(ctx, reader, sink, []string{raw}, po)
		if err != nil {
			return res, fmt.Errorf("ingest %s: %w", raw, err)
		}
		if len(sum.Failed) > 0 {
			ferr := sum.Failed[0].Err
			if errors.Is(ferr, source.ErrPrivateAddress) {
				return res, fmt.Errorf("%w: %w", errForbidden, ferr)
			}
			return res, badRequest("%v", ferr)
		}
		return res, nil
	}
}

// checkIngestURL refuses what is plainly not a public web page before any
// connection: other schemes, credentials, literal private addresses are
// refused again at dial time.
func checkIngestURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return badRequest("url %q: want an http or https URL", raw)
	}
	if u.User != nil {
		return badRequest("url %q: credentials in URLs are not accepted", u.Redacted())
	}
	return nil
}

type ingestRequest struct {
	URL string `json:"url"`
}

func (s *Server) apiIngest(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Ingest == nil {
		s.fail(w, r, http.StatusNotFound, errors.New("ingest is not available on this server"))
		return
	}
	var req ingestRequest
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<10)).Decode(&req); err != nil {
		s.failErr(w, r, badRequest("body: want {\"url\": \"https://…\"}: %v", err))
		return
	}
	res, err := s.cfg.Ingest(r.Context(), strings.TrimSpace(req.URL))
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, res)
}

type ingestPage struct {
	CSRF     string
	Writable bool
	URL      string
	Result   *IngestResult
	Error    string
}

func (s *Server) pageIngest(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "ingest", ingestPage{CSRF: s.csrfToken(w, r), Writable: s.cfg.Token != "" && s.cfg.Ingest != nil})
}

func (s *Server) formIngest(w http.ResponseWriter, r *http.Request) {
	p := ingestPage{CSRF: s.csrfToken(w, r), Writable: true, URL: strings.TrimSpace(r.PostFormValue("url"))}
	if s.cfg.Ingest == nil {
		s.fail(w, r, http.StatusNotFound, errors.New("ingest is not available on this server"))
		return
	}
	res, err := s.cfg.Ingest(r.Context(), p.URL)
	status := http.StatusOK
	if err != nil {
		status = statusOf(err)
		if status >= 500 {
			s.log.Error("ingest failed", "url", p.URL, "err", err)
		}
		p.Error = err.Error()
	} else {
		p.Result = &res
	}
	s.render(w, r, status, "ingest", p)
}
