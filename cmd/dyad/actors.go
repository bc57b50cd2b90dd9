package main

import (
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/dyad-project/dyad/internal/actors"
)

func newActorsCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "actors", Short: "Explore the actor knowledge base"}
	var date string
	var asJSON bool
	lookup := &cobra.Command{
		Use:   "lookup NAME...",
		Short: "Show what a name resolves to on a day: entity, role, country, sector",
		Example: `  dyad actors lookup "Thabet al-Abbasi" --date 2025-11-02
  dyad actors lookup Kazemi
  dyad actors lookup "Secretary of War" --date 2025-10-01
  dyad actors lookup Labour BJP --date 2020-01-01 --json`,
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
			w := cmd.OutOrStdout()
			if asJSON {
				enc := json.NewEncoder(w)
				enc.SetEscapeHTML(false)
				for _, name := range args {
					for _, row := range lookupRows(kb, name, day) {
						if err := enc.Encode(row); err != nil {
							return fmt.Errorf("write lookup of %q: %w", name, err)
						}
					}
				}
				return nil
			}
			// each argument is a name of its own: `lookup Labour OSCE`
			// looks up two names, as the JSON output does
			for i, name := range args {
				if i > 0 {
					fmt.Fprintln(w)
				}
				if err := lookupTable(w, kb, name, day); err != nil {
					return err
				}
			}
			return nil
		},
	}
	lookup.Flags().StringVar(&date, "date", "", "the day to resolve roles on (YYYY-MM-DD, default today)")
	lookup.Flags().BoolVar(&asJSON, "json", false, "one JSON object per match, best first: name, entity, kind, country, sector, role, match")
	cmd.AddCommand(lookup)
	return cmd
}

// lookupRow is one match of `dyad actors lookup --json`.
type lookupRow struct {
	Query   string  `json:"query"`
	Name    string  `json:"name"`
	Entity  *string `json:"entity"` // knowledge-base id; null for countries, titles, agents, seats
	Kind    string  `json:"kind"`
	Country *string `json:"country"`
	Sector  *string `json:"sector"`
	Role    *string `json:"role"`             // the title held on --date
	Holder  *string `json:"holder,omitempty"` // for a title: who held it on --date
	Match   string  `json:"match"`
}

// titleOnly matches the Phoenix "people" that are an office without a name
// ("The Us Secretary of State", "American Vice President"): the coder still
// reads them, but as an answer to who a name is they are junk; the title
// rows say who held the office on the day.
var titleOnly = regexp.MustCompile(`^(The )?(Us |U\.S\. |American |United States |Kosovar )?(Vice[- ]President|President|Prime Minister|Secretary of [A-Z][a-z]+( Security)?)( of the United States)?$`)

// lookupRows is what Lookup answers for name, best first, with the rows
// that say the same thing twice (an entity reached by two of its names, a
// title merged from several forms) left out.
func lookupRows(kb *actors.KB, name string, day time.Time) []lookupRow {
	var out []lookupRow
	seen := map[string]bool{}
	str := func(s string) *string {
		if s == "" {
			return nil
		}
		return &s
	}
	for _, r := range kb.Lookup(name, day) {
		if strings.TrimSpace(r.Name) == "" || r.Entity != nil && strings.HasPrefix(r.Entity.ID, "phx-") && titleOnly.MatchString(r.Name) {
			continue
		}
		row := lookupRow{Query: name, Name: r.Name, Kind: string(r.Kind), Country: str(r.Country), Sector: str(r.Sector), Match: r.How}
		key := string(r.Kind) + "|" + r.Name + "|" + r.Country
		if r.Entity != nil {
			row.Entity = str(r.Entity.ID)
			key = "e|" + r.Entity.ID
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		if r.HasRole {
			row.Role = str(roleTitle(r.Role))
		} else if r.Kind == actors.KindTitle && r.Country != "" {
			if e, _, ok := kb.Holder(r.Country, r.Office, day); ok {
				row.Holder = str(e.Name)
			}
		}
		out = append(out, row)
	}
	return out
}

// roleTitle is the title of a role as shown: the one the source gives, else
// the office's key made readable (Phoenix roles carry none), else the
// sector.
func roleTitle(r actors.Role) string {
	if t := strings.TrimSpace(r.Title); t != "" {
		return t
	}
	if r.Office != "" {
		t := strings.ReplaceAll(r.Office, "_", " ")
		return strings.ToUpper(t[:1]) + t[1:]
	}
	if w, ok := sectorRole[r.Sector]; ok {
		return w
	}
	if r.Sector != "" {
		return r.Sector + " role"
	}
	return ""
}

// sectorRole names the untitled roles of the Phoenix dictionaries by their
// CAMEO sector.
var sectorRole = map[string]string{"GOV": "Government official", "MIL": "Military officer", "ELI": "Former official",
	"LEG": "Legislator", "JUD": "Judiciary", "OPP": "Opposition figure", "PTY": "Party official", "REB": "Rebel leader",
	"SPY": "Intelligence official", "COP": "Police official", "BUS": "Business", "JRN": "Journalist",
	"REL": "Religious figure", "EDU": "Academic", "SOC": "Civil society", "CVL": "Civilian", "LAB": "Labour figure",
	"MED": "Health official", "CRM": "Criminal", "PRM": "Militia leader", "UAF": "Armed faction"}

func lookupTable(w io.Writer, kb *actors.KB, name string, day time.Time) error {
	res := kb.Lookup(name, day)
	if len(res) == 0 {
		fmt.Fprintf(w, "%q: not in the knowledge base\n", name)
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "NAME\tKIND\tCOUNTRY\tSECTOR\tROLE ON %s\tMATCH\n", day.Format(time.DateOnly))
	for _, r := range res {
		role := "-"
		if r.HasRole {
			role = fmt.Sprintf("%s (%s, %s)", roleTitle(r.Role), r.Role.Country, termText(r.Role))
		} else if r.Kind == actors.KindTitle && r.Country != "" {
			if e, ro, ok := kb.Holder(r.Country, r.Office, day); ok {
				role = fmt.Sprintf("held by %s (%s)", e.Name, termText(ro))
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", r.Name, r.Kind, orDash(r.Country), orDash(r.Sector), role, r.How)
		if r.Entity != nil && len(r.Entity.Roles) > 0 {
			for _, ro := range r.Entity.Roles {
				fmt.Fprintf(tw, "\t\t\t\t  %s, %s %s\t\n", roleTitle(ro), ro.Country, termText(ro))
			}
		}
	}
	return tw.Flush()
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
