package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/dyad-project/dyad/internal/analyze"
)

var errNoRules = errors.New("no alert rules file: start dyad serve with --rules PATH")

// alerts returns the alerts fired since a day (default: 30 days ago).
func (s *Server) alerts(ctx context.Context, since time.Time) ([]alertJSON, error) {
	if s.cfg.Alerts == nil {
		return []alertJSON{}, nil
	}
	if since.IsZero() {
		since = s.cfg.Now().UTC().AddDate(0, 0, -30)
	}
	recs, err := s.cfg.Alerts.ListAlerts(ctx, since)
	if err != nil {
		return nil, err
	}
	out := make([]alertJSON, 0, len(recs))
	for _, a := range recs {
		j := alertJSON{ID: a.ID, Rule: a.Rule, Key: a.Key, FiredAt: a.FiredAt, Stories: a.Stories, Alert: a.Payload}
		if j.Stories == nil {
			j.Stories = []string{}
		}
		if len(j.Alert) == 0 || !json.Valid(j.Alert) {
			j.Alert = []byte("null")
		}
		var d analyze.Alert
		if err := json.Unmarshal(j.Alert, &d); err == nil && (d.Summary != "" || len(d.Stories) > 0) {
			j.Detail = &d
		}
		out = append(out, j)
	}
	return out, nil
}

func (s *Server) apiAlerts(w http.ResponseWriter, r *http.Request) {
	since, err := parseDay("since", r.URL.Query().Get("since"))
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	as, err := s.alerts(r.Context(), since)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": as})
}

// rulesFile is the part of the watch configuration this server checks; the
// rest of the file is kept as written.
type rulesFile struct {
	Rules []analyze.Rule `yaml:"rules"`
}

// checkRules parses and validates a watch configuration.
func checkRules(body []byte) (int, error) {
	var f rulesFile
	if err := yaml.Unmarshal(body, &f); err != nil {
		return 0, badRequest("rules: %v", err)
	}
	for i := range f.Rules {
		if err := f.Rules[i].Validate(); err != nil {
			return 0, badRequest("rules: %v", err)
		}
	}
	return len(f.Rules), nil
}

func (s *Server) readRules() (string, error) {
	if s.cfg.RulesPath == "" {
		return "", errNoRules
	}
	b, err := os.ReadFile(s.cfg.RulesPath)
	if errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	return string(b), err
}

// writeRules validates body and replaces the rules file atomically.
func (s *Server) writeRules(body []byte) (int, error) {
	if s.cfg.RulesPath == "" {
		return 0, errNoRules
	}
	n, err := checkRules(body)
	if err != nil {
		return 0, err
	}
	dir := filepath.Dir(s.cfg.RulesPath)
	tmp, err := os.CreateTemp(dir, ".rules-*.yaml")
	if err != nil {
		return 0, fmt.Errorf("write rules: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(body); err != nil {
		tmp.Close()
		return 0, fmt.Errorf("write rules: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return 0, fmt.Errorf("write rules: %w", err)
	}
	if err := os.Rename(tmp.Name(), s.cfg.RulesPath); err != nil {
		return 0, fmt.Errorf("write rules: %w", err)
	}
	s.log.Info("alert rules replaced", "path", s.cfg.RulesPath, "rules", n)
	return n, nil
}

func (s *Server) apiRules(w http.ResponseWriter, r *http.Request) {
	body, err := s.readRules()
	if err != nil {
		s.fail(w, r, http.StatusNotFound, err)
		return
	}
	w.Header().Set("Content-Type", "application/yaml; charset=utf-8")
	io.WriteString(w, body)
}

func (s *Server) apiPutRules(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
	if err != nil {
		s.failErr(w, r, badRequest("body: %v", err))
		return
	}
	n, err := s.writeRules(body)
	if errors.Is(err, errNoRules) {
		s.fail(w, r, http.StatusNotFound, err)
		return
	}
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]int{"rules": n})
}

type alertsPage struct {
	Alerts   []alertJSON
	HasRules bool
	Rules    string
	Saved    int
	DidSave  bool
	Error    string
	CSRF     string
	Writable bool
}

func (s *Server) pageAlerts(w http.ResponseWriter, r *http.Request) {
	p, err := s.alertsPage(w, r)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "alerts", p)
}

func (s *Server) alertsPage(w http.ResponseWriter, r *http.Request) (alertsPage, error) {
	as, err := s.alerts(r.Context(), time.Time{})
	if err != nil {
		return alertsPage{}, err
	}
	p := alertsPage{Alerts: as, CSRF: s.csrfToken(w, r), Writable: s.cfg.Token != "" && s.cfg.RulesPath != ""}
	if s.cfg.RulesPath != "" {
		p.HasRules = true
		if p.Rules, err = s.readRules(); err != nil {
			return p, err
		}
	}
	return p, nil
}

func (s *Server) formRules(w http.ResponseWriter, r *http.Request) {
	body := r.PostFormValue("rules")
	n, err := s.writeRules([]byte(body))
	p, perr := s.alertsPage(w, r)
	if perr != nil {
		s.failErr(w, r, perr)
		return
	}
	status := http.StatusOK
	if err != nil {
		status = statusOf(err)
		p.Error, p.Rules = err.Error(), body
	} else {
		p.Saved, p.DidSave = n, true
		p.Rules = body
	}
	s.render(w, r, status, "alerts", p)
}
