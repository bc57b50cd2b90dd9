package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/export"
	"github.com/dyad-project/dyad/internal/store"
)

// storyRow is one story as listed: the event, its window, its sources.
type storyRow struct {
	ID        string `json:"story_id"`
	Event     string `json:"event"`
	Actor     string `json:"actor"`
	Recipient string `json:"recipient"`
	// the people or bodies on each side as the knowledge base names them,
	// from the story's mentions, when known ("Pete Hegseth")
	ActorName     string `json:"actor_name,omitempty"`
	RecipientName string `json:"recipient_name,omitempty"`
	Start         string `json:"date_start"`
	End           string `json:"date_end"`
	Mentions      int    `json:"mentions"`
	// outlets is a count and outlet_names the list, as in the API and the
	// exports
	NumOutlets int      `json:"outlets"`
	Outlets    []string `json:"outlet_names"`
	Claim      string   `json:"claim"`
	Evidence   string   `json:"evidence"`
	// Recalled counts the later articles that recall the event
	// (references): sources, not more events.
	Recalled int `json:"recalled_by,omitempty"`
	// OnlyRecalled marks a story no article reports on its day.
	OnlyRecalled bool `json:"only_recalled,omitempty"`
	// DatedByContent: a mention comes from an article whose printed date
	// contradicts its content, so the window is the content's.
	DatedByContent bool `json:"dated_by_content,omitempty"`
	reports        int
	recalls        map[string]bool
}

type storyFilter struct {
	dyad, typ, since, until string
}

func (f *storyFilter) flags(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.dyad, "dyad", "", "ACTOR:RECIPIENT country codes, either direction, e.g. USA:IRQ")
	cmd.Flags().StringVar(&f.typ, "type", "", "PLOVER event type")
	cmd.Flags().StringVar(&f.since, "since", "", "stories on or after this day (YYYY-MM-DD)")
	cmd.Flags().StringVar(&f.until, "until", "", "stories on or before this day (YYYY-MM-DD)")
}

func (f *storyFilter) mentions(ctx context.Context, g *globals) ([]event.Mention, error) {
	var mf store.MentionFilter
	var err error
	if f.typ != "" {
		if mf.Event, err = parseType(f.typ); err != nil {
			return nil, err
		}
	}
	if f.dyad != "" {
		if mf.Actor, mf.Recipient, err = parseDyad("dyad", f.dyad); err != nil {
			return nil, err
		}
		mf.Either = true
	}
	if mf.Since, err = parseDay("since", f.since); err != nil {
		return nil, err
	}
	if mf.Until, err = parseDay("until", f.until); err != nil {
		return nil, err
	}
	db, err := g.open(ctx)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	return db.ListMentions(ctx, mf)
}

// groupStories folds mentions into stories, oldest first.
func groupStories(ms []event.Mention) []storyRow {
	byID := map[string]*storyRow{}
	outlets := map[string]map[string]bool{}
	claims := map[string][]event.Mention{}
	var order []string
	for _, m := range ms {
		id := m.StoryID
		if id == "" {
			continue
		}
		r, ok := byID[id]
		if !ok {
			r = &storyRow{ID: id, Event: m.Event, Actor: m.Actor.Code, Recipient: m.Recipient.Code,
				Start: day(m.DateStart), End: day(m.DateEnd), Claim: m.Claim, Evidence: m.Sentence}
			byID[id], outlets[id] = r, map[string]bool{}
			order = append(order, id)
		}
		r.Mentions++
		r.DatedByContent = r.DatedByContent || m.ArticleDateConflict
		store.FillSides(r.Actor, r.Recipient, &r.ActorName, &r.RecipientName, store.StoryParty{
			ActorCode: m.Actor.Code, ActorName: m.Actor.Entity, RecipientCode: m.Recipient.Code, RecipientName: m.Recipient.Entity})
		if m.Outlet != "" {
			// a source without a known outlet is no independent outlet
			outlets[id][m.Outlet] = true
		}
		ref := m.Reference || m.Background
		switch {
		case !ref && r.reports == 0:
			// the first report dates the story and gives its evidence,
			// whatever later recalls said
			r.Start, r.End, r.Evidence = day(m.DateStart), day(m.DateEnd), m.Sentence
		case ref && r.reports > 0:
			// a recall never widens the date of a reported event
		default:
			if d := day(m.DateStart); d != "" && (r.Start == "" || d < r.Start) {
				r.Start = d // the span its mentions give it
			}
			if d := day(m.DateEnd); d != "" && (r.End == "" || d > r.End) {
				r.End = d
			}
		}
		if ref {
			if r.recalls == nil {
				r.recalls = map[string]bool{}
			}
			r.recalls[m.Doc] = true
		} else {
			r.reports++
		}
		claims[id] = append(claims[id], m)
	}
	out := make([]storyRow, 0, len(order))
	for _, id := range order {
		r := byID[id]
		r.Outlets = make([]string, 0, len(outlets[id])) // [] in JSON, never null
		for o := range outlets[id] {
			r.Outlets = append(r.Outlets, o)
		}
		sort.Strings(r.Outlets)
		r.NumOutlets = len(r.Outlets)
		r.Claim = combinedClaim(claims[id], len(r.Outlets))
		r.Recalled, r.OnlyRecalled = len(r.recalls), r.reports == 0
		out = append(out, *r)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func newStoriesCmd(g *globals) *cobra.Command {
	f := &storyFilter{}
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "stories",
		Short: "List stories: real-world events merged across articles and outlets",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ms, err := f.mentions(cmd.Context(), g)
			if err != nil {
				return err
			}
			rows := groupStories(ms)
			if asJSON {
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetEscapeHTML(false)
				for _, r := range rows {
					if err := enc.Encode(r); err != nil {
						return err
					}
				}
				return nil
			}
			return writeStoryTable(cmd.OutOrStdout(), cmd.ErrOrStderr(), rows)
		},
	}
	f.flags(cmd)
	cmd.Flags().BoolVar(&asJSON, "json", false, "one JSON object per story")
	cmd.AddCommand(newStoryShowCmd(g))
	return cmd
}

func writeStoryTable(w, stderr io.Writer, rows []storyRow) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tEVENT\tDYAD\tMENTIONS\tOUTLETS\tCLAIM\tSTORY\tEVIDENCE")
	marked := false
	for _, r := range rows {
		date := orDash(r.Start)
		if r.End != r.Start && r.End != "" {
			date += "…" + r.End
		}
		claim := r.claimLine()
		if r.DatedByContent {
			date, marked = date+contentMark, true
		}
		fmt.Fprintf(tw, "%s\t%s\t%s→%s\t%d\t%d\t%s\t%s\t%s\n", date, r.Event, named(r.Actor, r.ActorName), named(r.Recipient, r.RecipientName),
			r.Mentions, len(r.Outlets), claim, r.ID, clip(r.Evidence, 70))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	return contentNote(stderr, marked)
}

func newStoryShowCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "show STORY_ID",
		Short: "Show one story: every mention, its outlet, evidence and claim",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ms, err := (&storyFilter{}).mentions(cmd.Context(), g)
			if err != nil {
				return err
			}
			var mine []event.Mention
			for _, m := range ms {
				if m.StoryID == args[0] {
					mine = append(mine, m)
				}
			}
			if len(mine) == 0 {
				return fmt.Errorf("story %s: not found", args[0])
			}
			return writeStory(cmd.OutOrStdout(), groupStories(mine)[0], mine)
		},
	}
}

// claimLine is the story's claim with how later articles recalled it.
func (r storyRow) claimLine() string {
	switch {
	case r.OnlyRecalled:
		return r.Claim + fmt.Sprintf("; known only from %s recalling it", plural(r.Recalled, "article", "articles"))
	case r.Recalled > 0:
		return r.Claim + fmt.Sprintf("; recalled by %s", plural(r.Recalled, "article", "articles"))
	}
	return r.Claim
}

// writeStory prints a story for a reader: a summary line, then each
// mention with its evidence as the article has it (quoted, not escaped:
// a no-break space is a space, not \u00a0).
func writeStory(w io.Writer, r storyRow, ms []event.Mention) error {
	claim := r.claimLine()
	fmt.Fprintf(w, "%s %s→%s, %s: %s from %s; %s\n", r.Event, named(r.Actor, r.ActorName), named(r.Recipient, r.RecipientName), span(r.Start, r.End),
		plural(r.Mentions, "mention", "mentions"), outletCount(len(r.Outlets)), claim)
	// the reports of the day first, then the later articles that recall
	// the event
	ms = slices.Clone(ms)
	sort.SliceStable(ms, func(i, j int) bool {
		return !(ms[i].Reference || ms[i].Background) && (ms[j].Reference || ms[j].Background)
	})
	recalls := false
	for i, m := range ms {
		if ref := m.Reference || m.Background; ref && !recalls {
			recalls = true
			fmt.Fprintln(w, "\nrecalled later (references: sources, not more events):")
		}
		fmt.Fprintf(w, "\n%d. %s %s → %s, %s, %s\n   outlet: %s; source: %s\n   chain: %s\n   joined: %s\n   “%s”\n",
			i+1, m.Event, party(m.Actor), party(m.Recipient), span(day(m.DateStart), day(m.DateEnd)), m.Claim, outletName(m.Outlet), m.Doc,
			orDash(strings.Join(m.ReportedBy, " ← ")), orDash(m.StoryWhy), plainText(m.Sentence))
		if m.ArticleDateConflict {
			fmt.Fprintln(w, "   dated by the content: the article's printed date contradicts what it reports")
		}
	}
	return nil
}

// span is a date window as printed: one day, a range, or "undated".
func span(start, end string) string {
	switch {
	case start == "":
		return "undated"
	case end == "" || end == start:
		return start
	}
	return start + "…" + end
}

// party is "USA (Washington)", "IRQ (minister: Thabet al-Abbasi)" when
// the words name a person the knowledge base resolved without saying the
// name, or "-" for none.
func party(p event.Party) string {
	if p.Code == "" && p.Text == "" {
		return "-"
	}
	if p.Text == "" {
		return named(p.Code, p.Entity)
	}
	text := plainText(p.Text)
	if p.Entity != "" && !strings.Contains(strings.ToLower(text), strings.ToLower(p.Entity)) {
		text += ": " + p.Entity
	}
	return orDash(p.Code) + " (" + text + ")"
}

// plainText is a sentence on one line, its no-break and other odd spaces as
// plain spaces.
func plainText(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func newTimelineCmd(g *globals) *cobra.Command {
	f := &storyFilter{}
	var asJSON, asCSV bool
	cmd := &cobra.Command{
		Use:     "timeline --dyad A:B",
		Short:   "The stories between two countries in date order",
		Example: "  dyad timeline --dyad USA:IRQ --since 2024-01-01\n  dyad timeline --dyad USA:IRN --csv > usa-irn.csv",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if f.dyad == "" {
				return fmt.Errorf("--dyad is required, e.g. --dyad USA:IRQ")
			}
			ms, err := f.mentions(cmd.Context(), g)
			if err != nil {
				return err
			}
			rows := groupStories(ms)
			w := cmd.OutOrStdout()
			switch {
			case asJSON:
				enc := json.NewEncoder(w)
				enc.SetEscapeHTML(false)
				for _, r := range rows {
					if err := enc.Encode(r); err != nil {
						return err
					}
				}
				return nil
			case asCSV:
				cw := csv.NewWriter(w)
				cw.Write([]string{"story_id", "date_start", "date_end", "event", "actor", "recipient", "mentions", "outlets", "claim", "evidence", "dated_by_content"})
				for _, r := range rows {
					cw.Write([]string{r.ID, r.Start, r.End, r.Event, r.Actor, r.Recipient, fmt.Sprint(r.Mentions), fmt.Sprint(len(r.Outlets)), r.Claim, r.Evidence, export.CSVBool(r.DatedByContent)})
				}
				cw.Flush()
				return cw.Error()
			}
			return writeStoryTable(w, cmd.ErrOrStderr(), rows)
		},
	}
	f.flags(cmd)
	cmd.Flags().BoolVar(&asJSON, "json", false, "one JSON object per story")
	cmd.Flags().BoolVar(&asCSV, "csv", false, "CSV with a header row")
	return cmd
}

// named is a story's side in a table: its country and, when the story
// names one, the person or body ("USA (Pete Hegseth)").
func named(code, name string) string {
	if name == "" || name == code {
		return orDash(code)
	}
	return orDash(code) + " (" + clip(name, 28) + ")"
}

// outletCount says how many independent outlets report a story: "1
// outlet", or "no known outlet" when its sources name none.
func outletCount(n int) string {
	if n == 0 {
		return "no known outlet"
	}
	return plural(n, "outlet", "outlets")
}

// outletName names an outlet for display; a source without one is
// "unknown outlet" (its path or address is shown beside it, not as it).
func outletName(o string) string {
	if o == "" {
		return "unknown outlet"
	}
	return o
}

// combinedClaim sums up how firmly a story's mentions state it, the way a
// reader wants it at a glance: a denial first, then a party's own assertion,
// then how many outlets report it, then doubt.
func combinedClaim(ms []event.Mention, outlets int) string {
	var denied, asserted, alleged []string
	for _, m := range ms {
		who := m.Outlet
		if n := len(m.ReportedBy); n > 0 {
			who = m.ReportedBy[n-1]
		}
		switch m.Claim {
		case event.Denied:
			denied = append(denied, who)
		case event.Asserted:
			asserted = append(asserted, who)
		case event.Alleged:
			alleged = append(alleged, who)
		}
	}
	switch {
	case len(denied) > 0:
		return "denied by " + denied[0]
	case len(asserted) > 0 && outlets > 1:
		return fmt.Sprintf("asserted; reported by %d outlets", outlets)
	case len(asserted) > 0:
		return "asserted"
	case outlets > 1 && len(alleged) < len(ms):
		return fmt.Sprintf("reported by %d outlets", outlets)
	case len(alleged) > 0:
		return "alleged"
	case len(ms) > 0:
		return ms[0].Claim
	}
	return ""
}
