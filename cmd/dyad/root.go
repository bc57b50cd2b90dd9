package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/dyad-project/dyad/internal/store"
	"github.com/dyad-project/dyad/internal/store/postgres"
	"github.com/dyad-project/dyad/internal/store/sqlite"
)

// globals are the flags every command shares.
type globals struct {
	db    string
	quiet bool
}

func newRootCmd() *cobra.Command {
	g := &globals{}
	root := &cobra.Command{
		Use:           "dyad",
		Short:         "Turn news into event data: who did what to whom, when and where",
		Version:       version(),
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRun: func(cmd *cobra.Command, args []string) {
			level := slog.LevelInfo
			if g.quiet {
				level = slog.LevelWarn
			}
			slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level})))
		},
	}
	root.PersistentFlags().StringVar(&g.db, "db", "", "SQLite database `FILE`, or a PostgreSQL URL postgres://user@host/db (default $DYAD_DB, else "+defaultDBPath()+")")
	root.PersistentFlags().BoolVarP(&g.quiet, "quiet", "q", false, "no progress bar or summary, errors only")
	root.AddCommand(newIngestCmd(g), newArticlesCmd(g), newShowCmd(g), newCodeCmd(g), newEventsCmd(g), newEvalCmd(g), newActorsCmd(), newStoriesCmd(g), newTimelineCmd(g))
	for _, add := range extraCommands {
		root.AddCommand(add(g))
	}
	return root
}

// version is the module version the binary was built from, with its VCS
// revision when the build recorded one.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	v := bi.Main.Version
	for _, s := range bi.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " (" + s.Value[:12] + ")"
		}
	}
	return v
}

// defaultDBPath is the per-user database: $XDG_DATA_HOME/dyad/dyad.db or
// ~/.local/share/dyad/dyad.db.
func defaultDBPath() string {
	base := os.Getenv("XDG_DATA_HOME")
	if base == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "dyad.db"
		}
		base = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(base, "dyad", "dyad.db")
}

func (g *globals) dbPath() string {
	switch {
	case g.db != "":
		return g.db
	case os.Getenv("DYAD_DB") != "":
		return os.Getenv("DYAD_DB")
	}
	return defaultDBPath()
}

// open opens the store the flags, the environment or the default name.
func (g *globals) open(ctx context.Context) (store.Store, error) {
	if path := g.dbPath(); postgres.IsURL(path) {
		db, err := postgres.Open(ctx, path)
		if err != nil {
			return nil, fmt.Errorf("%w (check --db or DYAD_DB)", err)
		}
		return db, nil
	}
	db, err := sqlite.Open(ctx, g.dbPath())
	if err != nil {
		return nil, fmt.Errorf("%w (set --db or DYAD_DB)", err)
	}
	return db, nil
}

// extraCommands are commands whose files register themselves with
// registerCommand, so the command set grows without every change touching
// this file.
var extraCommands []func(*globals) *cobra.Command

// registerCommand adds a command constructor; call it from an init function
// of the command's file.
func registerCommand(f func(*globals) *cobra.Command) { extraCommands = append(extraCommands, f) }
