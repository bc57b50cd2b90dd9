package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dyad-project/dyad/internal/analyze"
	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/store"
)

func init() { registerCommand(newTrendCmd) }

// trendWidth is the longest bar of the terminal chart.
const trendWidth = 40

func newTrendCmd(g *globals) *cobra.Command {
	var dyad, by, since, until string
	var asJSON, asCSV, empty bool
	cmd := &cobra.Command{
		Use:   "trend --dyad A:B [--by day|week|month]",
		Short: "A dyad's daily, weekly or monthly series: stories per quad class and their intensity",
		Long: `The stories between two countries (either direction), counted per day, ISO week or month and
per quad class, with their total and mean intensity on PLOVER's scale and on GDELT's Goldstein scale.
A story counts once however many outlets report it, in the bucket of its first date; background
history, negated and hypothetical mentions, and mentions dated only to a month or a year do not count.
The chart shows conflict stories (#) and cooperation stories (+), one line per period with stories
(--empty: every period); --json and --csv give every period, empty ones as zeros.`,
		Example: "  dyad trend --dyad USA:IRN --by week --since 2026-01-01\n  dyad trend --dyad USA:IRN --by month --csv > usa-irn.csv",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if dyad == "" {
				return fmt.Errorf("--dyad is required, as ACTOR:RECIPIENT country codes, e.g. --dyad USA:IRN")
			}
			a, r, err := parseDyad("dyad", dyad)
			if err != nil {
				return err
			}
			bucket, err := analyze.ParseBucket(by)
			if err != nil {
				return fmt.Errorf("--by: %w", err)
			}
			f := store.MentionFilter{Actor: a, Recipient: r, Either: true}
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
			src, ok := db.(store.MentionIterator)
			if !ok {
				return fmt.Errorf("the store at %s cannot stream mentions", db.Location())
			}
			gr := analyze.NewGrouper()
			if err := src.EachMention(cmd.Context(), f, func(m *event.Mention) error { gr.Add(m); return nil }); err != nil {
				return err
			}
			s := analyze.BuildSeries(analyze.DyadKey(a, r), gr.Stories(), bucket, f.Since, f.Until)
			s.Dyad = a + ":" + r // as asked: the series counts both directions
			w := cmd.OutOrStdout()
			switch {
			case asJSON:
				enc := json.NewEncoder(w)
				enc.SetIndent("", "  ")
				return enc.Encode(s)
			case asCSV:
				return writeTrendCSV(w, s)
			}
			return writeTrendChart(w, s, empty)
		},
	}
	f := cmd.Flags()
	f.StringVar(&dyad, "dyad", "", "ACTOR:RECIPIENT country codes, either direction, e.g. USA:IRN")
	f.StringVar(&by, "by", "day", "day, week (ISO weeks, from Monday) or month")
	f.BoolVar(&empty, "empty", false, "chart: print periods without stories too")
	f.StringVar(&since, "since", "", "from this day (YYYY-MM-DD; default: the first story)")
	f.StringVar(&until, "until", "", "to this day (YYYY-MM-DD; default: the last story)")
	f.BoolVar(&asJSON, "json", false, "the series as JSON")
	f.BoolVar(&asCSV, "csv", false, "the series as CSV with a header row")
	return cmd
}

func writeTrendCSV(w io.Writer, s analyze.Series) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"start", "stories", "mentions", "verbal_cooperation", "material_cooperation", "verbal_conflict",
		"material_conflict", "intensity_total", "intensity_mean", "goldstein_total", "goldstein_mean"})
	num := func(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
	for _, p := range s.Points {
		cw.Write([]string{day(p.Start), strconv.Itoa(p.Stories), strconv.Itoa(p.Mentions), strconv.Itoa(p.VerbalCoop),
			strconv.Itoa(p.MaterialCoop), strconv.Itoa(p.VerbalConflict), strconv.Itoa(p.MaterialConflict),
			num(p.IntensityTotal), num(p.IntensityMean), num(p.GoldsteinTotal), num(p.GoldsteinMean)})
	}
	cw.Flush()
	return cw.Error()
}

// writeTrendChart draws one line per bucket with stories (every bucket
// with empty): conflict stories as #, cooperation as +, scaled so the
// busiest bucket fills trendWidth. Years of daily zeros would bury the
// days that matter.
func writeTrendChart(w io.Writer, s analyze.Series, empty bool) error {
	shown := 0
	for _, p := range s.Points {
		if !p.Empty() {
			shown++
		}
	}
	if shown == 0 {
		_, err := fmt.Fprintf(w, "no stories for %s\n", s.Dyad)
		return err
	}
	skipped := len(s.Points) - shown
	if empty {
		skipped = 0
	}
	most := 1
	for _, p := range s.Points {
		most = max(most, p.Stories)
	}
	scale := func(n int) int { return int(math.Ceil(float64(n) * trendWidth / float64(most))) }
	fmt.Fprintf(w, "%s by %s   # conflict  + cooperation   (vc mc / vk mk: verbal/material cooperation / conflict)\n", s.Dyad, s.By)
	for _, p := range s.Points {
		if p.Empty() && !empty {
			continue
		}
		conflict, coop := p.VerbalConflict+p.MaterialConflict, p.VerbalCoop+p.MaterialCoop
		bar := strings.Repeat("#", scale(conflict)) + strings.Repeat("+", scale(coop))
		fmt.Fprintf(w, "%s  %-*s %3d  vc%-2d mc%-2d vk%-2d mk%-2d  intensity %6.1f (mean %5.1f)  goldstein %6.1f\n",
			day(p.Start), trendWidth+1, bar, p.Stories, p.VerbalCoop, p.MaterialCoop, p.VerbalConflict, p.MaterialConflict,
			p.IntensityTotal, p.IntensityMean, p.GoldsteinTotal)
	}
	if skipped > 0 {
		_, err := fmt.Fprintf(w, "%s with stories shown, %d without left out (--empty shows them)\n",
			plural(shown, string(s.By), string(s.By)+"s"), skipped)
		return err
	}
	return nil
}
