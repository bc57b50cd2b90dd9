package main

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/dyad-project/dyad/internal/watch"
)

func init() { registerCommand(newWatchCmd) }

func newWatchCmd(g *globals) *cobra.Command {
	var once bool
	var workers int
	cmd := &cobra.Command{
		Use:   "watch [--once] CONFIG.yaml",
		Short: "Poll feeds and pages, ingest what is new, and alert when a dyad heats up",
		Long: `Poll the feeds and pages of CONFIG.yaml every interval with conditional GETs (ETag,
Last-Modified), politely (robots.txt, a delay per host), ingest what is new as ` + "`dyad ingest`" + ` does
(extract, code, merge into stories, store), evaluate the alert rules and notify: terminal/log, a
JSON Lines file, webhooks (signed JSON). State lives in the database, so a restart neither refetches
unchanged feeds nor repeats alerts. SIGINT or SIGTERM stop it cleanly. See docs/WATCH.md.`,
		Example: "  dyad watch examples/watch.yaml\n  dyad watch --once examples/watch.yaml   # one round, for cron",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runWatch(cmd.Context(), g, args[0], once, workers, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	cmd.Flags().BoolVar(&once, "once", false, "poll once, alert, and exit (status 1 when a feed or document failed)")
	cmd.Flags().IntVar(&workers, "workers", 0, "extraction workers (default: number of CPUs)")
	return cmd
}

func runWatch(ctx context.Context, g *globals, path string, once bool, workers int, stdout, stderr io.Writer) error {
	cfg, err := watch.Load(path)
	if err != nil {
		return err
	}
	ns, err := cfg.Notifiers(stdout)
	if err != nil {
		return err
	}
	c, err := loadCoder()
	if err != nil {
		return err
	}
	db, err := g.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	ws, ok := db.(watch.Store)
	if !ok {
		return fmt.Errorf("the store at %s cannot keep watch state", db.Location())
	}
	w := watch.New(cfg, ws, c, ns, watch.Options{Workers: workers})
	report := func(rep watch.Report) {
		if !g.quiet {
			fmt.Fprintf(stderr, "watch: %d polled (%d unchanged, %d failed), %d new articles (%d failed), %d alerts (%d held back) in %s\n",
				rep.Polled, rep.NotModified, len(rep.FeedErrors), rep.Ingest.New, len(rep.Ingest.Failed),
				len(rep.Alerts), rep.Suppressed, rep.Took.Round(1e6))
		}
		for _, fe := range rep.FeedErrors {
			fmt.Fprintf(stderr, "failed: %v\n", fe)
		}
	}
	if once {
		rep, err := w.Round(ctx)
		report(rep)
		if err != nil {
			return err
		}
		if len(rep.FeedErrors) > 0 || len(rep.Ingest.Failed) > 0 || len(rep.NotifyErrs) > 0 {
			return errFailed
		}
		return nil
	}
	return w.Run(ctx, func(rep watch.Report, err error) {
		if err == nil {
			report(rep)
		}
	})
}
