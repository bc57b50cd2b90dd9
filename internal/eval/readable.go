package eval

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// reprs are how report lines print values: as score_events.py does
// (Python reprs, so `dyad eval --script` matches it byte for byte), or for
// people.
type reprs struct {
	str   func(any) string
	list  func([]string) string
	party func(*pparty) string
	gold  func(*GoldParty) string
	date  func(date, bool) string
}

var scriptReprs = reprs{
	str:   pyStr,
	list:  func(l []string) string { return pyRepr(toAny(l)) },
	party: (*pparty).repr,
	gold:  (*GoldParty).countryRepr,
	date:  dateRepr,
}

var readableReprs = reprs{
	str: func(v any) string {
		if v == nil {
			return "-"
		}
		return fmt.Sprint(v)
	},
	list: readableList,
	party: func(p *pparty) string {
		if p == nil || p.country == nil {
			return "-"
		}
		if p.sector == nil || p.sector == "" {
			return fmt.Sprint(p.country)
		}
		return fmt.Sprintf("%v (%v)", p.country, p.sector)
	},
	gold: func(p *GoldParty) string {
		switch {
		case p == nil || p.empty:
			return "-"
		case p.Country == nil:
			return "any"
		}
		var codes []string
		for _, c := range p.Country {
			if c == nil {
				codes = append(codes, "none")
			} else {
				codes = append(codes, *c)
			}
		}
		return strings.Join(codes, " or ")
	},
	date: func(d date, ok bool) string {
		if !ok {
			return "-"
		}
		return time.Unix(int64(d)*86400, 0).UTC().Format(time.DateOnly)
	},
}

// readableList prints a gold window ["2025-12-15", "2026-01-26"] as
// 2025-12-15…2026-01-26 and a list of types as THREATEN or ACCUSE.
func readableList(l []string) string {
	if len(l) == 2 {
		if _, ok := isoDay(l[0]); ok {
			if l[0] == l[1] {
				return l[0]
			}
			return l[0] + "…" + l[1]
		}
	}
	if len(l) == 0 {
		return "-"
	}
	return strings.Join(l, " or ")
}

// Readable returns the summary for people: the script's figures in words,
// "none in the gold" where a ratio has nothing to count.
func (r Result) Readable() string {
	var b strings.Builder
	s, l := r.Strict, r.LooseNoDate
	fmt.Fprintf(&b, "events: %d predicted, %d core events in the gold\n", r.Predictions, r.CoreGold)
	fmt.Fprintf(&b, "  strict (type, parties, date):  precision %.3f  recall %.3f  F1 %.3f\n", s.Precision, s.Recall, s.F1)
	fmt.Fprintf(&b, "  ignoring dates:                precision %.3f  recall %.3f  F1 %.3f\n", l.Precision, l.Recall, l.F1)
	fmt.Fprintf(&b, "  dates right on %.3f of the core events found", r.DateAccuracyOnFound)
	if r.SectorAccuracy != nil {
		fmt.Fprintf(&b, "; sectors right on %.3f", *r.SectorAccuracy)
	}
	b.WriteString("\n")
	if r.PredictionsUnknownDoc > 0 {
		fmt.Fprintf(&b, "  %d predictions are of documents the gold does not cover\n", r.PredictionsUnknownDoc)
	}
	if r.CrossDocPairs == 0 {
		b.WriteString("merging: no event reported by two documents in the gold")
	} else {
		fmt.Fprintf(&b, "merging: %d of %d events reported by two documents merged", r.CrossDocMerged, r.CrossDocPairs)
	}
	fmt.Fprintf(&b, "; %d of %d merges wrong\n", r.FalseMerges, r.MergedPairs)
	d := r.Docs
	if d == nil {
		return b.String()
	}
	fmt.Fprintf(&b, "documents: publication date right on %.3f\n", d.PublishedAccuracy)
	switch {
	case d.ConflictsGold == 0 && d.ConflictsFlagged == 0:
		b.WriteString("date conflicts: none in the gold, none flagged\n")
	case d.ConflictsGold == 0:
		fmt.Fprintf(&b, "date conflicts: none in the gold, %d flagged wrongly\n", d.ConflictsFlagged)
	default:
		fmt.Fprintf(&b, "date conflicts: %d in the gold, %d flagged: precision %.2f  recall %.2f  F1 %.2f",
			d.ConflictsGold, d.ConflictsFlagged, d.DateConflict.Precision, d.DateConflict.Recall, d.DateConflict.F1)
		if d.ContentWindowAccuracy != nil {
			fmt.Fprintf(&b, "; content window right on %.3f", *d.ContentWindowAccuracy)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// WriteReadable prints the report lines (from ScoreReadable) and the
// summary for people.
func WriteReadable(w io.Writer, r Result, lines []string) error {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l + "\n")
	}
	if len(lines) > 0 {
		b.WriteString("\n")
	}
	b.WriteString(r.Readable())
	_, err := io.WriteString(w, b.String())
	return err
}
