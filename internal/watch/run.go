package watch

import (
	"context"
	"encoding/json"
	"time"

	"github.com/dyad-project/dyad/internal/analyze"
)

func jsonAlert(a *analyze.Alert) ([]byte, error) { return json.Marshal(a) }

// Run polls every interval until ctx ends (SIGINT, SIGTERM), calling done
// after each round. A round that fails is logged and the next one runs; a
// cancelled round leaves the store consistent (every write is its own
// transaction and feed states are saved only after their documents), so Run
// returns nil when ctx ends.
func (w *Watcher) Run(ctx context.Context, done func(Report, error)) error {
	t := time.NewTicker(w.cfg.Interval.Std())
	defer t.Stop()
	for {
		rep, err := w.Round(ctx)
		if ctx.Err() != nil {
			w.log.Info("watch stopped")
			return nil
		}
		if err != nil {
			w.log.Error("watch round failed", "err", err)
		}
		if done != nil {
			done(rep, err)
		}
		select {
		case <-ctx.Done():
			w.log.Info("watch stopped")
			return nil
		case <-t.C:
		}
	}
}
