// Package notify delivers alerts: to the terminal and log, to a JSON Lines
// file, and to webhooks as signed JSON.
package notify

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"sync"

	"github.com/dyad-project/dyad/internal/analyze"
)

// Notifier delivers one alert.
type Notifier interface {
	Name() string
	Notify(ctx context.Context, a *analyze.Alert) error
}

// Log writes alerts for a person: a summary line, then each story with its
// evidence sentences, and logs one structured line per alert.
type Log struct {
	ID     string
	W      io.Writer
	Logger *slog.Logger // nil: slog.Default()
	mu     sync.Mutex
}

// Name names the notifier in rules and messages.
func (l *Log) Name() string { return l.ID }

// Notify writes a.
func (l *Log) Notify(_ context.Context, a *analyze.Alert) error {
	logger := l.Logger
	if logger == nil {
		logger = slog.Default()
	}
	logger.Info("alert", "rule", a.Rule, "dyad", a.Dyad, "value", a.Value, "escalation", a.Score, "stories", len(a.Stories))
	if l.W == nil {
		return nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "ALERT %s\n", a.Summary)
	for _, s := range a.Stories {
		fmt.Fprintf(&b, "  %s %s→%s %s (%s) %s\n", s.DateStart, s.Actor, s.Recipient, s.Event, strings.Join(s.OutletNames, ", "), s.ID)
		for _, e := range s.Evidence {
			fmt.Fprintf(&b, "    %s: %q\n", e.Outlet, e.Sentence)
		}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	_, err := io.WriteString(l.W, b.String())
	return err
}

// File appends alerts to a JSON Lines file, one object per line, opening it
// for every alert so the file can be rotated under a running watch.
type File struct {
	ID   string
	Path string
	mu   sync.Mutex
}

// Name names the notifier.
func (f *File) Name() string { return f.ID }

// Notify appends a to the file.
func (f *File) Notify(_ context.Context, a *analyze.Alert) error {
	line, err := json.Marshal(a)
	if err != nil {
		return fmt.Errorf("%s: %w", f.ID, err)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	fh, err := os.OpenFile(f.Path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return fmt.Errorf("%s: %w", f.ID, err)
	}
	if _, err := fh.Write(append(line, '\n')); err != nil {
		fh.Close()
		return fmt.Errorf("%s: %w", f.ID, err)
	}
	if err := fh.Close(); err != nil {
		return fmt.Errorf("%s: %w", f.ID, err)
	}
	return nil
}
