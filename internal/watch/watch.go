package watch

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/dyad-project/dyad/internal/analyze"
	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/merge"
	"github.com/dyad-project/dyad/internal/notify"
	"github.com/dyad-project/dyad/internal/pipeline"
	"github.com/dyad-project/dyad/internal/source"
	"github.com/dyad-project/dyad/internal/store"
)

// Store is what watch needs from a backend.
type Store interface {
	store.Store
	store.MentionIterator
	store.WatchState
}

// Options are the parts a caller (or a test) may replace.
type Options struct {
	Now     func() time.Time // the clock rules are evaluated against; default time.Now
	Reader  *source.Reader   // default: one built from the config's fetch section
	Workers int              // extraction workers; 0 = CPUs
	Logger  *slog.Logger     // default slog.Default()
}

// Watcher polls, ingests, evaluates and notifies, one round at a time.
type Watcher struct {
	cfg       *Config
	db        Store
	coder     Coder
	notifiers []notify.Notifier
	reader    *source.Reader
	now       func() time.Time
	workers   int
	log       *slog.Logger
}

// New returns a Watcher for a validated config.
func New(cfg *Config, db Store, c Coder, ns []notify.Notifier, opt Options) *Watcher {
	w := &Watcher{cfg: cfg, db: db, coder: c, notifiers: ns, reader: opt.Reader, now: opt.Now, workers: opt.Workers, log: opt.Logger}
	if w.reader == nil {
		w.reader = source.New(cfg.SourceOptions())
	}
	if w.now == nil {
		w.now = time.Now
	}
	if w.log == nil {
		w.log = slog.Default()
	}
	return w
}

// Report is what one round did.
type Report struct {
	Polled      int // URLs polled
	NotModified int // of which unchanged (304)
	FeedErrors  []FeedError
	Ingest      pipeline.Summary
	Alerts      []analyze.Alert // alerts sent
	Suppressed  int             // alerts held back by a cool-down or with nothing new
	NotifyErrs  []error
	Took        time.Duration
}

// Round polls every URL once, ingests what is new, evaluates the rules and
// notifies. Failing URLs are reported in the Report and polled again next
// round; only a failing store or a cancelled ctx return an error.
func (w *Watcher) Round(ctx context.Context) (Report, error) {
	start := time.Now()
	now := w.now()
	var rep Report
	p := &poller{reader: w.reader, now: now, states: map[string]store.FeedState{}}
	urls := w.cfg.URLs()
	for _, u := range urls {
		st, err := w.db.FeedState(ctx, u)
		if err != nil {
			return rep, err
		}
		p.states[u] = st
	}
	sum, err := pipeline.Ingest(ctx, p, w.db, urls, ingestOptions(w.db, w.coder, w.workers, nil, w.log))
	rep.Ingest, rep.Polled, rep.NotModified, rep.FeedErrors = sum, p.polled, p.same, p.errs
	for _, f := range sum.Failed {
		w.log.Warn("document failed", "source", f.Source, "err", f.Err)
	}
	for _, fe := range p.errs {
		w.log.Warn("feed failed; polled again next round", "url", fe.URL, "err", fe.Err, "failures", fe.Failures)
	}
	if err != nil {
		return rep, fmt.Errorf("watch round: %w", err)
	}
	// Saved after the ingest, so a crash mid-round refetches rather than
	// skipping what was not stored.
	for _, u := range urls {
		if st, ok := p.states[u]; ok && !st.LastPoll.IsZero() {
			if err := w.db.PutFeedState(ctx, st); err != nil {
				return rep, err
			}
		}
	}
	if err := w.evaluate(ctx, now, &rep); err != nil {
		return rep, err
	}
	rep.Took = time.Since(start)
	return rep, nil
}

// evaluate runs every rule over the stories of its span.
func (w *Watcher) evaluate(ctx context.Context, now time.Time, rep *Report) error {
	if len(w.cfg.Rules) == 0 {
		return nil
	}
	var span time.Duration
	for _, r := range w.cfg.Rules {
		span = max(span, r.Span())
	}
	// Mentions up to the merge slack before the span, so a story's first
	// date is its real one.
	since := analyze.Day.Floor(now).Add(-span - merge.Slack)
	g := analyze.NewGrouper()
	err := w.db.EachMention(ctx, store.MentionFilter{Since: since}, func(m *event.Mention) error { g.Add(m); return nil })
	if err != nil {
		return err
	}
	stories := g.Stories()
	for i := range w.cfg.Rules {
		r := &w.cfg.Rules[i]
		for _, a := range r.Evaluate(stories, now) {
			if err := w.fire(ctx, r, a, rep); err != nil {
				return err
			}
		}
	}
	return nil
}

// fire sends a unless the rule's cool-down for its dyad is running or the
// last alert already listed all its stories. The alert is recorded before
// it is sent: a crash between the two loses a notification rather than
// repeating it after the restart.
func (w *Watcher) fire(ctx context.Context, r *analyze.Rule, a analyze.Alert, rep *Report) error {
	last, err := w.db.LastAlert(ctx, r.Name, a.Dyad)
	switch {
	case errors.Is(err, store.ErrNotFound):
	case err != nil:
		return err
	case a.FiredAt.Sub(last.FiredAt) < r.Cooldown.Std() || subset(a.StoryIDs(), last.Stories):
		rep.Suppressed++
		return nil
	}
	payload, err := jsonAlert(&a)
	if err != nil {
		return err
	}
	rec, err := w.db.PutAlert(ctx, store.AlertRecord{Rule: r.Name, Key: a.Dyad, FiredAt: a.FiredAt, Stories: a.StoryIDs(), Payload: payload})
	if err != nil {
		return err
	}
	a.ID = rec.ID
	for _, n := range w.notifiers {
		if !wants(r, n.Name()) {
			continue
		}
		if err := n.Notify(ctx, &a); err != nil {
			w.log.Error("notification failed", "notifier", n.Name(), "alert", a.ID, "err", err)
			rep.NotifyErrs = append(rep.NotifyErrs, err)
		}
	}
	rep.Alerts = append(rep.Alerts, a)
	return nil
}

func wants(r *analyze.Rule, name string) bool {
	if len(r.Notify) == 0 {
		return true
	}
	for _, n := range r.Notify {
		if n == name {
			return true
		}
	}
	return false
}

// subset reports whether every id of a is in b.
func subset(a, b []string) bool {
	in := make(map[string]bool, len(b))
	for _, id := range b {
		in[id] = true
	}
	for _, id := range a {
		if !in[id] {
			return false
		}
	}
	return true
}
