package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/dyad-project/dyad/internal/export"
	"github.com/dyad-project/dyad/internal/store"
)

func init() { registerCommand(newExportCmd) }

type exportOptions struct {
	format, what, out             string
	dyad, typ, since, until, from string
	limit                         int
}

func newExportCmd(g *globals) *cobra.Command {
	o := &exportOptions{}
	cmd := &cobra.Command{
		Use:   "export --format csv|jsonl|parquet|gdelt --what events|stories|articles",
		Short: "Export events, stories or articles as CSV, PLOVER JSON Lines, Parquet or GDELT-style CSV",
		Long: `Export stored data for pandas, R or DuckDB. CSV has a header row, dates as YYYY-MM-DD,
booleans as TRUE/FALSE, empty cells for unknown values and lists joined by "|"; Parquet has typed
columns (DATE, INT64, DOUBLE, BOOLEAN, LIST) and NULL for unknown text; JSON Lines has null.
--format jsonl --what events is PLOVER JSON, one mention per line. --format gdelt writes one row per
story with GDELT 1.0 column names, a numeric GLOBALEVENTID and CAMEO codes from the crosswalk.

An event's id is its stored mention_id (PLOVER "id", the API's mention_id); "outlets" is a count,
"outlet_names" the list. CAMEO codes are text with leading zeros: read CSV columns cameo, EventCode,
EventBaseCode and EventRootCode as text (pandas dtype={"cameo": str}, R colClasses, DuckDB
types={'cameo': 'VARCHAR'}).`,
		Example: `  dyad export --format parquet --what events -o events.parquet
  dyad export --format csv --what stories --dyad USA:IRN --since 2026-01-01 > stories.csv
  dyad export --format gdelt --type ASSAULT > gdelt.csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runExport(cmd.Context(), g, o, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.format, "format", "csv", "csv, jsonl, parquet or gdelt")
	f.StringVar(&o.what, "what", "events", "events, stories or articles (gdelt: stories)")
	f.StringVarP(&o.out, "output", "o", "", "file to write (default standard output)")
	f.StringVar(&o.dyad, "dyad", "", "ACTOR:RECIPIENT country codes, either direction (events, stories)")
	f.StringVar(&o.typ, "type", "", "PLOVER event type (events, stories)")
	f.StringVar(&o.since, "since", "", "on or after this day, YYYY-MM-DD (event dates; articles: published)")
	f.StringVar(&o.until, "until", "", "on or before this day, YYYY-MM-DD")
	f.StringVar(&o.from, "outlet", "", "articles of this outlet only")
	f.IntVar(&o.limit, "limit", 0, "at most this many mentions or articles")
	return cmd
}

func (o *exportOptions) request() (export.Request, error) {
	var req export.Request
	var err error
	if req.Format, err = export.ParseFormat(o.format); err != nil {
		return req, err
	}
	if req.What, err = export.ParseWhat(o.what); err != nil {
		return req, err
	}
	if req.Format == export.GDELT && req.What == export.Articles {
		return req, fmt.Errorf("--format gdelt exports stories, not articles")
	}
	mf := store.MentionFilter{Limit: o.limit}
	if o.dyad != "" {
		if mf.Actor, mf.Recipient, err = parseDyad("dyad", o.dyad); err != nil {
			return req, err
		}
		mf.Either = true
	}
	if o.typ != "" {
		if mf.Event, err = parseType(o.typ); err != nil {
			return req, err
		}
	}
	if mf.Since, err = parseDay("since", o.since); err != nil {
		return req, err
	}
	if mf.Until, err = parseDay("until", o.until); err != nil {
		return req, err
	}
	req.Mentions = mf
	req.Articles = store.ArticleFilter{Since: mf.Since, Until: mf.Until, Outlet: o.from, Limit: o.limit}
	return req, nil
}

func runExport(ctx context.Context, g *globals, o *exportOptions, stdout, stderr io.Writer) error {
	req, err := o.request()
	if err != nil {
		return err
	}
	w := stdout
	if o.out != "" {
		f, err := os.Create(o.out)
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		defer f.Close()
		w = f
	} else if req.Format == export.Parquet && isTerminal(stdout) {
		return fmt.Errorf("parquet output is binary: give -o FILE or redirect the output")
	}
	db, err := g.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	src, ok := db.(export.Source)
	if !ok {
		return fmt.Errorf("the store at %s cannot stream its data for export", db.Location())
	}
	n, err := export.Write(ctx, src, w, req)
	if err != nil {
		return err
	}
	if f, ok := w.(*os.File); ok && o.out != "" {
		if err := f.Close(); err != nil {
			return fmt.Errorf("export: %w", err)
		}
	}
	if !g.quiet {
		fmt.Fprintf(stderr, "exported %d %s as %s\n", n, rowNoun(req), req.Format)
	}
	return nil
}

func rowNoun(req export.Request) string {
	switch {
	case req.Format == export.GDELT:
		return "stories"
	case req.What == export.Events:
		return "mentions"
	}
	return string(req.What)
}
