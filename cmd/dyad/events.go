package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/store"
)

func newEventsCmd(g *globals) *cobra.Command {
	var dyad, typ, since, until string
	var asJSON bool
	var limit int
	cmd := &cobra.Command{
		Use:   "events",
		Short: "Query stored event mentions",
		Example: `  dyad events --dyad USA:IRQ --type THREATEN --since 2025-01-01
  dyad events --json | jq .`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			f := store.MentionFilter{Limit: limit}
			var err error
			if dyad != "" {
				if f.Actor, f.Recipient, err = parseDyad("dyad", dyad); err != nil {
					return err
				}
			}
			if typ != "" {
				if f.Event, err = parseType(typ); err != nil {
					return err
				}
			}
			if f.Since, err = parseDay("since", since); err != nil {
				return err
			}
			if f.Until, err = parseDay("until", until); err != nil {
				return err
			}
			db, err := g.open(cmd.Context())
			if err != nil {
				return err
			}
			defer db.Close()
			ms, err := db.ListMentions(cmd.Context(), f)
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			if asJSON {
				enc := json.NewEncoder(w)
				enc.SetEscapeHTML(false)
				for i := range ms {
					if err := enc.Encode(ms[i].ToJSON(strconv.FormatInt(ms[i].ID, 10))); err != nil {
						return err
					}
				}
				return nil
			}
			tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "DATE\tEVENT\tACTOR\tRECIPIENT\tCLAIM\tEVIDENCE")
			marked := false
			for _, m := range ms {
				date := "unknown"
				if !m.DateStart.IsZero() {
					date = m.DateStart.Format("2006-01-02")
					if !m.DateEnd.Equal(m.DateStart) {
						date += "…" + m.DateEnd.Format("2006-01-02")
					}
				}
				if m.ArticleDateConflict {
					date, marked = date+contentMark, true
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", date, m.Event, partyLabel(m.Actor), partyLabel(m.Recipient), m.Claim, clip(m.Sentence, 80))
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			return contentNote(cmd.ErrOrStderr(), marked)
		},
	}
	f := cmd.Flags()
	f.StringVar(&dyad, "dyad", "", "ACTOR:RECIPIENT country codes, e.g. USA:IRQ")
	f.StringVar(&typ, "type", "", "PLOVER event type, e.g. THREATEN")
	f.StringVar(&since, "since", "", "events on or after this day (YYYY-MM-DD)")
	f.StringVar(&until, "until", "", "events on or before this day (YYYY-MM-DD)")
	f.BoolVar(&asJSON, "json", false, "PLOVER JSON, one mention per line")
	f.IntVar(&limit, "limit", 0, "at most this many")
	return cmd
}

// contentMark follows the date of an event whose article's printed date
// contradicts its content: the date comes from the content's window.
const contentMark = " *"

// contentNote explains contentMark after a table that used it, on stderr
// so that the table alone can be piped.
func contentNote(w io.Writer, marked bool) error {
	if !marked {
		return nil
	}
	_, err := fmt.Fprintln(w, "* dated by the content: the article's printed date contradicts what it reports (dyad articles shows which)")
	return err
}

func partyLabel(p event.Party) string {
	if p.Code == "" && p.Text == "" {
		return "-"
	}
	return p.Code + " (" + clip(personOr(p), 30) + ")"
}

// personOr is the party's name as the knowledge base has it when it
// resolved one ("the minister" is Thabet al-Abbasi), else its words.
func personOr(p event.Party) string {
	if p.Entity != "" {
		return p.Entity
	}
	return p.Text
}
