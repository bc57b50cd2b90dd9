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
// time: an open-addressing table whose slots pack a 32-bit fingerprint of
// the feature key, the offset of its row and the row's length into one
// uint64 (one cache miss per feature), and the rows of (class, weight) pairs.
// Scores are int32 sums; the quantisation scale is the same for every
// weight, so it never changes an argmax and need not be applied.
type weights struct {
	nClasses int
	mask     uint64   // number of slots - 1
	table    []uint64 // two words a slot: fingerprint<<32 | offset<<7 | length (0 is empty), then a row of up to two pairs inline
	pairs    []pair
}

func newWeights(nClasses, slots int) *weights {
	w := &weights{nClasses: nClasses, mask: uint64(slots - 1), table: make([]uint64, 2*slots)}
	adviseHuge(w.table)
	return w
}

// pack copies rows of one or two pairs (three rows in four) beside their
// slot, so that reading them costs no second cache miss.
func (w *weights) pack() {
	for i := 0; i < len(w.table); i += 2 {
		if s, n := w.table[i], w.table[i]&maxRow; s != 0 && n <= 2 {
			o := uint32(s) >> lenBits
			var d uint64
			for k, p := range w.pairs[o : o+uint32(n)] {
				d |= (uint64(p.cls) | uint64(uint16(p.w))<<8) << (24 * k)
			}
			w.table[i+1] = d
		}
	}
}

type pair struct {
	w   int16
	cls uint8
}

const (
	lenBits = 7 // rows hold at most 127 classes
	offBits = 25
	maxRow  = 1<<lenBits - 1
	maxOff  = 1<<offBits - 1
)

// fingerprint keeps 32 bits of a key that the slot position does not use,
// never 0 so that an empty slot never matches.
func fingerprint(key uint64) uint64 { return key>>32 | 1 }

func (w *weights) home(key uint64) uint64 {
	return (key * 0x9E3779B97F4A7C15 >> 40) & w.mask
}

// freeze averages the weights, drops those whose averaged magnitude is below
// minWeight (a fraction of the largest), and quantises to int16. Training
// may go on afterwards.
func (t *trainer) freeze(minWeight float64) *weights {
	avg := func(e entry) float64 {
		return (e.tot + float64(t.instance-e.last)*float64(e.w)) / float64(t.instance)
	}
	maxAbs := 1e-9
	keys := make([]uint64, 0, len(t.rows))
	for k, row := range t.rows {
		for _, e := range row {
			maxAbs = math.Max(maxAbs, math.Abs(avg(e)))
		}
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	scale, cut := 32767/maxAbs, minWeight*maxAbs
	type keyed struct {
		key uint64
		row []pair
	}
	var kept []keyed
	for _, k := range keys {
		var row []pair
		for _, e := range t.rows[k] {
			a := avg(e)
			if q := math.Round(a * scale); math.Abs(a) >= cut && q != 0 {
				row = append(row, pair{w: int16(q), cls: e.cls})
			}
		}
		if len(row) > 0 {
			sort.Slice(row, func(i, j int) bool { return row[i].cls < row[j].cls })
			kept = append(kept, keyed{k, row})
		}
	}
	w := newWeights(t.nClasses, tableSize(len(kept)))
	rows := make([][]pair, len(w.table)/2)
	mask := w.mask
	for _, kr := range kept {
		i := w.home(kr.key)
		for w.table[2*i] != 0 {
			i = (i + 1) & mask
		}
		w.table[2*i] = fingerprint(kr.key) << 32
		rows[i] = kr.row
	}
	// Rows are laid out in slot order, so the file can leave offsets implicit.
	for i, row := range rows {
		if row == nil {
			continue
		}
		if len(w.pairs) > maxOff || len(row) > maxRow {
			panic("syntax: weight table too large to pack; prune harder")
		}
		w.table[2*i] |= uint64(len(w.pairs))<<lenBits | uint64(len(row))
		w.pairs = append(w.pairs, row...)
	}
	w.pack()
	return w
}

func tableSize(n int) int {
	size := 1024
	for size*3 < n*4 {
		size <<= 1
	}
	return size
}

// score sums the weights of feats into scores (len nClasses).
//
// The table does not fit in cache, so each feature costs a memory miss.
// Reading every feature's home slot first, in a loop of independent loads,
// lets the processor overlap those misses instead of taking them one after
// the other; the rows are then read the same way.
func (w *weights) score(feats []uint64, scores []int32) {
	clear(scores)
	mask := w.mask
	var got, at [scoreBatch]uint64
	var head [scoreBatch]pair
	for lo := 0; lo < len(feats); lo += scoreBatch {
		batch := feats[lo:min(lo+scoreBatch, len(feats))]
		for j, f := range batch {
			at[j] = w.home(f)
			got[j] = w.table[2*at[j]]
		}
		for j, f := range batch {
			s, fp, i := got[j], fingerprint(f), at[j]
			for s != 0 && s>>32 != fp {
				i = (i + 1) & mask
				s = w.table[2*i]
			}
			got[j], at[j] = s, i
		}
		// The first weight of every long row is read before any row is
		// summed, so that the rows' cache misses overlap as the slots' do
		// (a quarter faster on the joint parser's wide rows).
		for j, s := range got[:len(batch)] {
			if s&maxRow > 2 {
				head[j] = w.pairs[uint32(s)>>lenBits]
			}
		}
		for j, s := range got[:len(batch)] {
			n := uint32(s & maxRow)
			switch {
			case s == 0:
			case n <= 2:
				d := w.table[2*at[j]+1]
				scores[uint8(d)] += int32(int16(d >> 8))
				if n == 2 {
					scores[uint8(d>>24)] += int32(int16(d >> 32))
				}
			default:
				o := uint32(s) >> lenBits
				scores[head[j].cls] += int32(head[j].w)
				for _, p := range w.pairs[o+1 : o+n] {
					scores[p.cls] += int32(p.w)
				}
			}
		}
	}
}

const scoreBatch = 128

// size counts the weights kept.
func (w *weights) size() int { return len(w.pairs) }
