package main

import (
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/dyad-project/dyad/internal/actors"
)

func newActorsCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "actors", Short: "Explore the actor knowledge base"}
	var date string
	lookup := &cobra.Command{
		Use:   "lookup NAME...",
		Short: "Show what a name resolves to on a day: entity, role, country, sector",
		Example: `  dyad actors lookup "Thabet al-Abbasi" --date 2025-11-02
  dyad actors lookup Kazemi
  dyad actors lookup "Secretary of War" --date 2025-10-01`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			day := time.Now().UTC()
			if date != "" {
				d, err := parseDay("date", date)
				if err != nil {
					return err
				}
				day = d
			}
			kb, err := actors.Default()
			if err != nil {
				return fmt.Errorf("load knowledge base: %w", err)
			}
			name := strings.Join(args, " ")
			res := kb.Lookup(name, day)
			w := cmd.OutOrStdout()
			if len(res) == 0 {
				fmt.Fprintf(w, "%q: not in the knowledge base\n", name)
				return nil
			}
			tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
			fmt.Fprintf(tw, "NAME\tKIND\tCOUNTRY\tSECTOR\tROLE ON %s\tMATCH\n", day.Format(time.DateOnly))
			for _, r := range res {
				role := "-"
				if r.HasRole {
					role = fmt.Sprintf("%s (%s, %s)", r.Role.Title, r.Role.Country, termText(r.Role))
				} else if r.Kind == actors.KindTitle && r.Country != "" {
					if e, ro, ok := kb.Holder(r.Country, r.Office, day); ok {
						role = fmt.Sprintf("held by %s (%s)", e.Name, termText(ro))
					}
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", r.Name, r.Kind, orDash(r.Country), orDash(r.Sector), role, r.How)
				if r.Entity != nil && len(r.Entity.Roles) > 0 {
					for _, ro := range r.Entity.Roles {
						fmt.Fprintf(tw, "\t\t\t\t  %s, %s %s\t\n", ro.Title, ro.Country, termText(ro))
					}
				}
			}
			return tw.Flush()
		},
	}
	lookup.Flags().StringVar(&date, "date", "", "the day to resolve roles on (YYYY-MM-DD, default today)")
	cmd.AddCommand(lookup)
	return cmd
}

func termText(r actors.Role) string {
	from, to := "?", "now"
	if !r.From.IsZero() {
		from = r.From.Format(time.DateOnly)
	}
	if !r.To.IsZero() {
		to = r.To.Format(time.DateOnly)
	}
	return from + " … " + to
}
