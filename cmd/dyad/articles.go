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
	"github.com/dyad-project/dyad/internal/coder"
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
			return runArticles(cmd.Context(), g, o, cmd.OutOrStdout(), cmd.ErrOrStderr())
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
	// NotNews is why the relevance gate held the article back (stored,
	// not coded), as `dyad code --docs-out` has it; absent when coded.
	NotNews string `json:"not_news,omitempty"`
	dateCheckJSON
	Text string `json:"text,omitempty"`
}

// dateCheckJSON is the date check as `dyad code --docs-out` prints it, with
// date_checked false when nothing is known (stored before dyad kept the
// check, or text the coder does not read).
type dateCheckJSON struct {
	DateChecked      bool     `json:"date_checked"`
	DateConflict     bool     `json:"date_conflict"`
	ContentDateStart *string  `json:"content_date_start"`
	ContentDateEnd   *string  `json:"content_date_end"`
	DateReasons      []string `json:"date_reasons,omitempty"`
	Inconsistencies  []string `json:"inconsistencies,omitempty"`
}

func checkJSON(c article.DateCheck) dateCheckJSON {
	j := dateCheckJSON{DateChecked: c.Checked, DateConflict: c.Conflict, DateReasons: c.Reasons, Inconsistencies: c.Inconsistent}
	if c.Conflict {
		// the content's window is what dates the article's events
		j.ContentDateStart, j.ContentDateEnd = dayPtr(c.Start), dayPtr(c.End)
	}
	return j
}

func dayPtr(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.Format(time.DateOnly)
	return &s
}

func toJSON(a *article.Article, withText bool) articleJSON {
	j := articleJSON{ID: a.ID, Source: a.Source, URL: a.URL, Title: a.Title, Outlet: a.Outlet, Author: a.Author,
		PublishedFrom: string(a.DateFrom), Language: a.Language, Hash: a.Hash, NotNews: a.NotNews,
		dateCheckJSON: checkJSON(a.Check)}
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

// runArticles lists articles on w; notes about the table go to stderr, so
// that the table alone can be piped.
func runArticles(ctx context.Context, g *globals, o *articlesOptions, w, stderr io.Writer) error {
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
	fmt.Fprintln(tw, "ID\tPUBLISHED\tFROM\tDATE CHECK\tLANG\tOUTLET\tTITLE")
	var conflicts, held []int64
	for _, a := range arts {
		if a.Check.Conflict {
			conflicts = append(conflicts, a.ID)
		}
		if a.NotNews != "" {
			held = append(held, a.ID)
		}
		pub := a.PublishedString()
		if pub == "" {
			pub = "unknown"
		}
		title := a.Title
		if title == "" {
			// no headline on the page: show how the text begins
			title = "(untitled) " + strings.Join(strings.Fields(a.Text), " ")
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", a.ID, pub, orDash(string(a.DateFrom)), checkCell(&a),
			orDash(a.Language), orDash(a.Outlet), clip(title, 70))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(conflicts) > 0 {
		name, ids := idList(conflicts)
		if _, err := fmt.Fprintf(stderr, "%s %s: the printed date contradicts the content, so events are dated by the content's window (dyad show %s says why)\n",
			name, strings.Join(ids, ", "), ids[0]); err != nil {
			return err
		}
	}
	if len(held) > 0 {
		name, ids := idList(held)
		_, err := fmt.Fprintf(stderr, "%s %s: not news-like (encyclopedia, manual, fiction…): held back, stored but not coded, so no events (dyad show %s says why)\n",
			name, strings.Join(ids, ", "), ids[0])
		return err
	}
	return nil
}

// idList is "article" or "articles" and the ids as text.
func idList(l []int64) (name string, ids []string) {
	ids = make([]string, len(l))
	for i, id := range l {
		ids[i] = strconv.FormatInt(id, 10)
	}
	if len(ids) > 1 {
		return "articles", ids
	}
	return "article", ids
}

// checkCell is the DATE CHECK column: "content 2020-05-07…2021-01-20" when
// the printed date is wrong, "ok" when the content agrees or says nothing,
// "not news: not coded" when the relevance gate held the page back, "not
// coded: ar" for a language the coder does not read, "-" when the check was
// not run for another reason (stored before dyad kept it).
func checkCell(a *article.Article) string {
	c := a.Check
	switch {
	case a.NotNews != "":
		return "not news: not coded"
	case !c.Checked && !coder.Reads(a):
		return "not coded: " + a.Language
	case !c.Checked:
		return "-"
	case c.Conflict:
		return "conflict: content " + c.Window()
	case len(c.Inconsistent) > 0:
		return "ok, " + plural(len(c.Inconsistent), "wrong title", "wrong titles")
	}
	return "ok"
}

// plural is "1 outlet", "2 outlets".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// writeCheck prints the date check of `dyad show`, and why the article
// was not coded when the relevance gate held it back.
func writeCheck(w io.Writer, a *article.Article) {
	c := a.Check
	switch {
	case a.NotNews != "":
		fmt.Fprintf(w, "Coded:     no: not news-like (%s); held back by the relevance gate, stored but not coded, so it has no events\n", a.NotNews)
		fmt.Fprintf(w, "Date check: not run (the article was not coded)\n")
	case !c.Checked && !coder.Reads(a):
		fmt.Fprintf(w, "Coded:     no: text in %s, stored but not coded (English only for now), so it has no events\n", orDash(a.Language))
		fmt.Fprintf(w, "Date check: not run (the article was not coded)\n")
	case !c.Checked:
		fmt.Fprintf(w, "Date check: not run (stored before dyad kept it)\n")
	case c.Conflict:
		fmt.Fprintf(w, "Date check: CONFLICT: the content belongs to %s, not to the printed date; its events are dated by that window\n", c.Window())
		for _, r := range c.Reasons {
			fmt.Fprintf(w, "  because %s\n", r)
		}
	default:
		fmt.Fprintf(w, "Date check: the content agrees with the printed date (or names no dated office)\n")
	}
	for _, x := range c.Inconsistent {
		fmt.Fprintf(w, "  inconsistent title: %s\n", x)
	}
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
			writeCheck(w, a)
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
