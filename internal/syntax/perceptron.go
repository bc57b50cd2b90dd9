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
	slots    []uint64 // fingerprint<<32 | offset<<7 | length; 0 is empty
	pairs    []pair
	dense    []uint64 // rows kept dense (see dense.go), found by length 0
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
	return (key * 0x9E3779B97F4A7C15 >> 40) & uint64(len(w.slots)-1)
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
	w := &weights{nClasses: t.nClasses, slots: make([]uint64, tableSize(len(kept)))}
	rows := make([][]pair, len(w.slots))
	mask := uint64(len(w.slots) - 1)
	for _, kr := range kept {
		i := w.home(kr.key)
		for w.slots[i] != 0 {
			i = (i + 1) & mask
		}
		w.slots[i] = fingerprint(kr.key) << 32
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
		w.slots[i] |= uint64(len(w.pairs))<<lenBits | uint64(len(row))
		w.pairs = append(w.pairs, row...)
	}
	return w
}

func tableSize(n int) int {
	size := 1024
	for size*3 < n*4 {
		size <<= 1
	}
	return size
}

// score sums the weights of feats into scores (len nClasses). c, which may
// be nil, remembers where keys were found (see rowCache).
//
// The table does not fit in cache, so each feature costs a memory miss.
// Reading every feature's home slot first, in a loop of independent loads,
// lets the processor overlap those misses instead of taking them one after
// the other; the rows are then touched the same way before the sums read
// them (summing at once leaves each add waiting on its row's miss). The
// tables are in huge pages where the system gives them (hugeAlloc): 8 MB
// span 2,000 small pages, more than the TLB holds. The sums go to a local
// array, indexed by a byte so without bounds checks, and only then to
// scores: summing into the caller's slice took twice as long.
func (w *weights) score(feats []uint64, scores []int32, c *rowCache) {
	var acc [256]int32 // classes are below maxRow; acc[255] keeps the touches
	var got [scoreBatch]uint64
	var dense lanes
	for lo := 0; lo < len(feats); lo += scoreBatch {
		batch := feats[lo:min(lo+scoreBatch, len(feats))]
		if c == nil {
			w.find(batch, got[:len(batch)])
		} else {
			c.find(w, batch, got[:len(batch)])
		}
		// Touch each row's first pair in a loop of independent loads, so
		// the rows' misses overlap too; the sums below then read cache.
		var touch int16
		for _, s := range got[:len(batch)] {
			o, n := uint32(s)>>lenBits, uint32(s&maxRow)
			if n != 0 {
				touch |= w.pairs[o].w | w.pairs[o+n-1].w
			} else if s != 0 {
				d := (*[denseRow]uint64)(w.dense[o*denseRow:])
				touch |= int16(d[0] | d[8] | d[16] | d[24] | d[32])
			}
		}
		acc[255] |= int32(touch)    // so the loads are not optimised away
		var rows [scoreBatch]uint32 // the dense rows, summed together
		nd := 0
		for _, s := range got[:len(batch)] {
			o, n := uint32(s)>>lenBits, uint32(s&maxRow)
			if n > 0 {
				for _, p := range w.pairs[o : o+n] {
					acc[p.cls] += int32(p.w)
				}
			} else if s != 0 {
				rows[nd] = o
				nd++
			}
		}
		dense.addRows(w.dense, rows[:nd], &acc)
	}
	if dense.rows > 0 {
		dense.flush(&acc)
	}
	copy(scores, acc[:len(scores)])
}

// find sets got[j] to the slot holding keys[j], 0 when it is absent.
func (w *weights) find(keys []uint64, got []uint64) {
	var homes [scoreBatch]uint64
	for j, f := range keys {
		h := w.home(f)
		homes[j], got[j] = h, w.slots[h]
	}
	mask := uint64(len(w.slots) - 1)
	for j, f := range keys {
		s, fp := got[j], fingerprint(f)
		for i := homes[j]; s != 0 && s>>32 != fp; {
			i = (i + 1) & mask
			s = w.slots[i]
		}
		got[j] = s
	}
}

const scoreBatch = 128

// size counts the weights kept.
func (w *weights) size() int { return len(w.pairs) }
