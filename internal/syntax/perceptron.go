package syntax

import (
	"math"
	"sort"
)

// The averaged perceptron is kept sparse: an update touches two classes of
// each feature, so a feature's row holds only the classes it was ever
// updated for. That keeps training memory proportional to updates rather
// than features × classes, and makes scoring cheaper too.

type entry struct {
	cls  uint8
	w    float32
	tot  float64 // sum of w over the instances seen, for averaging
	last int32   // instance at which tot was last brought up to date
}

// trainer is the mutable perceptron used while training.
type trainer struct {
	nClasses int
	rows     map[uint64][]entry
	instance int32
}

func newTrainer(nClasses int) *trainer {
	return &trainer{nClasses: nClasses, rows: make(map[uint64][]entry)}
}

// score adds each feature's current weights to scores (len nClasses).
func (t *trainer) score(feats []uint64, scores []float32) {
	clear(scores)
	for _, f := range feats {
		for _, e := range t.rows[f] {
			scores[e.cls] += e.w
		}
	}
}

// tick counts one training instance, whether or not it causes an update.
func (t *trainer) tick() { t.instance++ }

// update moves weight from the guessed class to the true one.
func (t *trainer) update(truth, guess int, feats []uint64) {
	if truth == guess {
		return
	}
	for _, f := range feats {
		row := t.rows[f]
		row = t.add(row, truth, 1)
		row = t.add(row, guess, -1)
		t.rows[f] = row
	}
}

func (t *trainer) add(row []entry, cls int, v float32) []entry {
	for i := range row {
		if int(row[i].cls) == cls {
			e := &row[i]
			e.tot += float64(t.instance-e.last) * float64(e.w)
			e.last = t.instance
			e.w += v
			return row
		}
	}
	return append(row, entry{cls: uint8(cls), w: v, last: t.instance})
}

// weights is the frozen, averaged and quantised perceptron used at run
// time: an open-addressing table from feature key to a run of (class,
// weight) pairs. Scores are int32 sums; the quantisation scale is the same
// for every weight, so it never changes an argmax and need not be applied.
type weights struct {
	nClasses int
	keys     []uint64 // 0 marks an empty slot; feature keys are never 0
	off      []uint32 // first pair of the slot's row
	n        []uint8  // row length
	cls      []uint8
	w        []int16
}

// freeze averages the weights, drops those whose averaged magnitude is below
// minWeight (a fraction of the largest), and quantises to int16.
func (t *trainer) freeze(minWeight float64) *weights {
	type kv struct {
		key uint64
		row []entry
	}
	var all []kv
	maxAbs := 0.0
	inst := float64(t.instance)
	for k, row := range t.rows {
		var kept []entry
		for _, e := range row {
			tot := e.tot + float64(t.instance-e.last)*float64(e.w)
			avg := tot / inst
			e.tot = avg
			kept = append(kept, e)
			maxAbs = math.Max(maxAbs, math.Abs(avg))
		}
		all = append(all, kv{k, kept})
	}
	sort.Slice(all, func(i, j int) bool { return all[i].key < all[j].key })
	scale := 32767 / maxAbs
	cut := minWeight * maxAbs
	var keys []uint64
	var rows [][]entry
	for _, r := range all {
		var kept []entry
		for _, e := range r.row {
			if math.Abs(e.tot) >= cut && math.Round(e.tot*scale) != 0 {
				kept = append(kept, e)
			}
		}
		if len(kept) == 0 {
			continue
		}
		sort.Slice(kept, func(i, j int) bool { return kept[i].cls < kept[j].cls })
		keys = append(keys, r.key)
		rows = append(rows, kept)
	}
	w := newWeights(t.nClasses, len(keys))
	for i, k := range keys {
		slot := w.slot(k)
		w.keys[slot] = k
		w.off[slot] = uint32(len(w.cls))
		w.n[slot] = uint8(len(rows[i]))
		for _, e := range rows[i] {
			w.cls = append(w.cls, e.cls)
			w.w = append(w.w, int16(math.Round(e.tot*scale)))
		}
	}
	return w
}

func newWeights(nClasses, nKeys int) *weights {
	size := 1
	for size < nKeys*2 {
		size <<= 1
	}
	return &weights{nClasses: nClasses, keys: make([]uint64, size), off: make([]uint32, size), n: make([]uint8, size)}
}

// slot finds key's slot, or the empty slot where it would go.
func (w *weights) slot(key uint64) int {
	mask := uint64(len(w.keys) - 1)
	i := (key * 0x9E3779B97F4A7C15 >> 32) & mask
	for w.keys[i] != 0 && w.keys[i] != key {
		i = (i + 1) & mask
	}
	return int(i)
}

// score sums the weights of feats into scores (len nClasses).
func (w *weights) score(feats []uint64, scores []int32) {
	clear(scores)
	mask := uint64(len(w.keys) - 1)
	for _, f := range feats {
		i := (f * 0x9E3779B97F4A7C15 >> 32) & mask
		for {
			k := w.keys[i]
			if k == f {
				o := w.off[i]
				end := o + uint32(w.n[i])
				cls, ws := w.cls[o:end], w.w[o:end]
				for j, c := range cls {
					scores[c] += int32(ws[j])
				}
				break
			}
			if k == 0 {
				break
			}
			i = (i + 1) & mask
		}
	}
}
