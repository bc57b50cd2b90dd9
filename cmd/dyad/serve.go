package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"

	"github.com/spf13/cobra"

	"github.com/dyad-project/dyad/internal/actors"
	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/coder"
	"github.com/dyad-project/dyad/internal/pipeline"
	"github.com/dyad-project/dyad/internal/server"
	"github.com/dyad-project/dyad/internal/source"
	"github.com/dyad-project/dyad/internal/store"
)

func init() { registerCommand(newServeCmd) }

type serveOptions struct {
	addr, token, rules string
}

func newServeCmd(g *globals) *cobra.Command {
	o := &serveOptions{}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the dashboard and the JSON API (read-only unless a token is set)",
		Long: `Serve the dashboard (overview, timeline, dyads, actor network, world map, stories,
articles, actors, alerts) and the JSON API under /api/ (described at /api/openapi.json).
Every asset is embedded: it works offline.

The server is read-only unless a write token is given (--token or DYAD_TOKEN, at least 16
characters): ingesting a URL and editing the alert rules then need it, as
"Authorization: Bearer TOKEN" on the API or typed into the form.`,
		Example: `  dyad serve
  dyad serve --addr 127.0.0.1:9000 --db corpus.db
  DYAD_TOKEN=$(openssl rand -hex 16) dyad serve --rules watch.yaml`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.token == "" {
				o.token = os.Getenv("DYAD_TOKEN")
			}
			return runServe(cmd.Context(), g, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.addr, "addr", "127.0.0.1:8080", "address to listen on")
	f.StringVar(&o.token, "token", "", "write token (default $DYAD_TOKEN; empty: read-only)")
	f.StringVar(&o.rules, "rules", "", "the watch configuration whose alert rules the dashboard shows and edits")
	return cmd
}

func runServe(ctx context.Context, g *globals, o *serveOptions) error {
	db, err := g.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	reader, ok := db.(store.Reader)
	if !ok {
		return fmt.Errorf("serve: the store at %s cannot serve the dashboard yet (use SQLite)", db.Location())
	}
	kb, err := actors.Default()
	if err != nil {
		return fmt.Errorf("load knowledge base: %w", err)
	}
	c, err := loadCoder()
	if err != nil {
		return err
	}
	cfg := server.Config{Store: reader, Actors: kb, RulesPath: o.rules, Token: o.token, Logger: slog.Default(),
		Ingest: server.NewIngester(db, source.Options{}, serveCoding(db, c))}
	if a, ok := db.(server.Alerts); ok {
		cfg.Alerts = a
	}
	srv, err := server.New(cfg)
	if err != nil {
		return err
	}
	return srv.Serve(ctx, o.addr, func(addr string) {
		mode := "read-only"
		if o.token != "" {
			mode = "writes need the token"
		}
		slog.Info("serving", "url", "http://"+addr+"/", "db", db.Location(), "mode", mode)
	})
}

// serveCoding is the coding step of `dyad ingest` for URLs ingested from
// the dashboard: code, then store the article with its mentions merged into
// the stored stories in one transaction.
func serveCoding(db store.Store, c *coder.Coder) server.Coding {
	return server.Coding{
		Code: codeFunc(c),
		Store: func(ctx context.Context, a *article.Article, r any) (store.PutResult, int, error) {
			res, _ := r.(coder.Result) // none when the article was already stored
			put, err := pipeline.StoreCoded(ctx, db, a, res.Mentions)
			return put, len(res.Mentions), err
		},
	}
}
