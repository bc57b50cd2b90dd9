package merge

import "github.com/dyad-project/dyad/internal/event"

// Reading keeps what merging read of stored mentions' evidence from one
// MergeIntoReading to the next: their content words and identifiers (see
// readInto), by mention id, with the numbering of words and stems they are
// written in. A writer merges each new article against the stored mentions
// of its dyads, mostly the same ones article after article; reading their
// sentences again for each was a third of the merge's time in `dyad
// ingest`. A reading depends only on the sentence and the trigger, which
// are checked on every use (a mention id may be given again after its
// article's mentions are replaced), so what merging decides is the same
// with or without one. A Reading serves one merge at a time.
type Reading struct {
	intern  map[string]uint32
	weights []float64
	lex     map[string]*lexEntry
	byID    map[int64]*storedReading
}

// storedReading is the reading of a stored mention.
type storedReading struct {
	sentence, trigger string
	words, stems      []uint32
	ids               []identifier
}

// maxReadings bounds the mentions a Reading keeps; past it (or as many
// words) it starts afresh.
const maxReadings = 400_000

// NewReading returns an empty Reading.
func NewReading() *Reading { return &Reading{} }

// MergeIntoReading is MergeInto keeping the reading of the stored mentions
// in r (nil: none) for the next call.
func MergeIntoReading(r *Reading, stored, ms []event.Mention) []*Story {
	x := newIndex(stored, ms)
	if r == nil {
		return x.mergeStored(stored, ms)
	}
	if len(r.byID) > maxReadings || len(r.intern) > maxReadings {
		*r = Reading{}
	}
	if r.byID == nil {
		r.byID = map[int64]*storedReading{}
	}
	x.intern, x.weights, x.lex, x.reading = r.intern, r.weights, r.lex, r
	out := x.mergeStored(stored, ms)
	r.intern, r.weights, r.lex = x.intern, x.weights, x.lex
	return out
}

// recall fills d from the reading of m kept in x's Reading, if any.
func (x *index) recall(m *event.Mention, d *said) bool {
	if x.reading == nil || m.ID == 0 {
		return false
	}
	s := x.reading.byID[m.ID]
	if s == nil || s.sentence != m.Sentence || s.trigger != m.Trigger {
		return false
	}
	d.words, d.stems, d.ids = s.words, s.stems, s.ids
	return true
}

// keep notes the reading d of a stored mention m in x's Reading.
func (x *index) keep(m *event.Mention, d *said) {
	if x.reading == nil || m.ID == 0 {
		return
	}
	x.reading.byID[m.ID] = &storedReading{m.Sentence, m.Trigger, d.words, d.stems, d.ids}
}
