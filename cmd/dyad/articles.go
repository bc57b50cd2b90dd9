package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/store"
)

type articlesOptions struct {
	json         bool
	since, until string
	outlet       string
	limit        int
}

func newArticlesCmd(g *globals) *cobra.Command {
	o := &articlesOptions{}
	cmd := &cobra.Command{
		Use:   "articles",
		Short: "List stored articles",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runArticles(cmd.Context(), g, o, cmd.OutOrStdout())
		},
	}
	f := cmd.Flags()
	f.BoolVar(&o.json, "json", false, "one JSON object per line")
	f.StringVar(&o.since, "since", "", "published on or after this day (YYYY-MM-DD)")
	f.StringVar(&o.until, "until", "", "published on or before this day (YYYY-MM-DD)")
	f.StringVar(&o.outlet, "outlet", "", "only this outlet")
	f.IntVar(&o.limit, "limit", 0, "at most this many")
	return cmd
}

// articleJSON is the stable machine form of an article listing.
type articleJSON struct {
	ID            int64   `json:"id"`
	Source        string  `json:"source"`
	URL           string  `json:"url,omitempty"`
	Title         string  `json:"title"`
	Outlet        string  `json:"outlet"`
	Author        string  `json:"author,omitempty"`
	Published     *string `json:"published"`
	PublishedFrom string  `json:"published_from"`
	Language      string  `json:"language"`
	Hash          string  `json:"hash"`
	DuplicateOf   *int64  `json:"duplicate_of"`
	Text          string  `json:"text,omitempty"`
}

func toJSON(a *article.Article, withText bool) articleJSON {
	j := articleJSON{ID: a.ID, Source: a.Source, URL: a.URL, Title: a.Title, Outlet: a.Outlet, Author: a.Author,
		PublishedFrom: string(a.DateFrom), Language: a.Language, Hash: a.Hash}
	if a.HasDate() {
		p := a.PublishedString()
		j.Published = &p
	}
	if a.DupOf != 0 {
		d := a.DupOf
		j.DuplicateOf = &d
	}
	if withText {
		j.Text = a.Text
	}
	return j
}

func parseDay(flag, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return t, fmt.Errorf("--%s %q: want YYYY-MM-DD", flag, s)
	}
	return t, nil
}

func runArticles(ctx context.Context, g *globals, o *articlesOptions, w io.Writer) error {
	since, err := parseDay("since", o.since)
	if err != nil {
		return err
	}
	until, err := parseDay("until", o.until)
	if err != nil {
		return err
	}
	db, err := g.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	arts, err := db.ListArticles(ctx, store.ArticleFilter{Since: since, Until: until, Outlet: o.outlet, Limit: o.limit})
	if err != nil {
		return err
	}
	if o.json {
		enc := json.NewEncoder(w)
		for i := range arts {
			if err := enc.Encode(toJSON(&arts[i], false)); err != nil {
				return err
			}
		}
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tPUBLISHED\tFROM\tLANG\tOUTLET\tTITLE")
	for _, a := range arts {
		pub := a.PublishedString()
		if pub == "" {
			pub = "unknown"
		}
		title := a.Title
		if title == "" {
			// no headline on the page: show how the text begins
			title = "(untitled) " + strings.Join(strings.Fields(a.Text), " ")
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", a.ID, pub, orDash(string(a.DateFrom)), orDash(a.Language), orDash(a.Outlet), clip(title, 70))
	}
	return tw.Flush()
}

func newShowCmd(g *globals) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "Print one stored article",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := strconv.ParseInt(args[0], 10, 64)
			if err != nil {
				return fmt.Errorf("article id %q: not a number", args[0])
			}
			db, err := g.open(cmd.Context())
			if err != nil {
				return err
			}
			defer db.Close()
			a, err := db.Article(cmd.Context(), id)
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			if asJSON {
				return json.NewEncoder(w).Encode(toJSON(a, true))
			}
			pub := a.PublishedString()
			if pub == "" {
				pub = "unknown"
			}
			fmt.Fprintf(w, "Title:     %s\nSource:    %s\nOutlet:    %s\nAuthor:    %s\nPublished: %s (%s)\nLanguage:  %s\n",
				a.Title, a.Source, orDash(a.Outlet), orDash(a.Author), pub, orDash(string(a.DateFrom)), orDash(a.Language))
			if a.DupOf != 0 {
				fmt.Fprintf(w, "Copy of:   article %d\n", a.DupOf)
			}
			fmt.Fprintf(w, "\n%s\n", a.Text)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print as JSON, with the text")
	return cmd
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
