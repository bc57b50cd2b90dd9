package eval

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// Result holds every figure of the script's JSON line, rounded as it rounds.
type Result struct {
	Predictions           int
	PredictionsUnknownDoc int // predictions whose document is not in the gold set
	CoreGold              int
	Strict                PRF
	LooseNoDate           PRF // the date condition dropped
	DateAccuracyOnFound   float64
	SectorAccuracy        *float64 // nil (JSON null) when no sector was checked
	CrossDocPairs         int
	CrossDocMerged        int
	FalseMerges           int
	MergedPairs           int
	Docs                  *DocResult // nil when no per-document predictions were given
}

// PRF is precision, recall and F1.
type PRF struct{ Precision, Recall, F1 float64 }

// DocResult holds the per-document figures.
type DocResult struct {
	PublishedAccuracy     float64
	DateConflict          PRF
	ContentWindowAccuracy *float64 // nil when no gold document has a date conflict
	// ConflictsGold and ConflictsFlagged count the documents in conflict in
	// the gold and as predicted (not in the script's JSON line).
	ConflictsGold, ConflictsFlagged int
}

// Summary returns the script's printed summary lines, each ending in "\n".
func (r Result) Summary() string {
	var b strings.Builder
	s, l := r.Strict, r.LooseNoDate
	fmt.Fprintf(&b, "events: strict P %.3f R %.3f F1 %.3f | ignoring dates P %.3f R %.3f F1 %.3f | "+
		"dates right on %.3f of found core events\n",
		s.Precision, s.Recall, s.F1, l.Precision, l.Recall, l.F1, r.DateAccuracyOnFound)
	fmt.Fprintf(&b, "merging: %d/%d cross-document pairs merged, %d/%d merged pairs wrong\n",
		r.CrossDocMerged, r.CrossDocPairs, r.FalseMerges, r.MergedPairs)
	if d := r.Docs; d != nil {
		fmt.Fprintf(&b, "documents: publication date right on %.3f; date conflicts P/R/F1 %.2f/%.2f/%.2f\n",
			d.PublishedAccuracy, d.DateConflict.Precision, d.DateConflict.Recall, d.DateConflict.F1)
	}
	return b.String()
}

// pyFloat marks a value Python holds as a float (printed 1.0, not 1).
type pyFloat float64

// JSON returns the script's last line without its newline: the same keys,
// sorted, with Python's separators and float formatting.
func (r Result) JSON() ([]byte, error) {
	var b strings.Builder
	writePy(&b, r.object())
	return []byte(b.String()), nil
}

// MarshalJSON lets a Result sit inside other JSON with the script's keys.
func (r Result) MarshalJSON() ([]byte, error) { return r.JSON() }

func (r Result) object() map[string]any {
	o := map[string]any{
		"predictions":             r.Predictions,
		"predictions_unknown_doc": r.PredictionsUnknownDoc,
		"core_gold":               r.CoreGold,
		"strict":                  r.Strict.object(),
		"loose_no_date":           r.LooseNoDate.object(),
		"date_accuracy_on_found":  pyFloat(r.DateAccuracyOnFound),
		"sector_accuracy":         optFloat(r.SectorAccuracy),
		"cross_doc_pairs":         r.CrossDocPairs,
		"cross_doc_merged":        r.CrossDocMerged,
		"false_merges":            r.FalseMerges,
		"merged_pairs":            r.MergedPairs,
	}
	if d := r.Docs; d != nil {
		o["docs"] = map[string]any{
			"published_accuracy":      pyFloat(d.PublishedAccuracy),
			"date_conflict":           d.DateConflict.object(),
			"content_window_accuracy": optFloat(d.ContentWindowAccuracy),
		}
	}
	return o
}

func (p PRF) object() map[string]any {
	return map[string]any{"precision": pyFloat(p.Precision), "recall": pyFloat(p.Recall), "f1": pyFloat(p.F1)}
}

func optFloat(f *float64) any {
	if f == nil {
		return nil
	}
	return pyFloat(*f)
}

// writePy writes json.dumps(v, sort_keys=True) for the few kinds a Result holds.
func writePy(b *strings.Builder, v any) {
	switch x := v.(type) {
	case nil:
		b.WriteString("null")
	case int:
		b.WriteString(strconv.Itoa(x))
	case pyFloat:
		b.WriteString(floatRepr(float64(x)))
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(strconv.Quote(k) + ": ")
			writePy(b, x[k])
		}
		b.WriteByte('}')
	}
}

// WriteReport prints what the script prints: the report lines, the summary
// and the JSON line.
func WriteReport(w io.Writer, r Result, lines []string) error {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l + "\n")
	}
	b.WriteString(r.Summary())
	js, err := r.JSON()
	if err != nil {
		return err
	}
	b.Write(js)
	b.WriteByte('\n')
	_, err = io.WriteString(w, b.String())
	return err
}
