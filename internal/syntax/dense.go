package syntax

// A few thousand rows hold most of the weights read at run time: the rows of
// tag, label and frequent-word features, which have a weight for most
// classes (16 or more of ~100 classes in 3,256 of the parser's 698,046 rows,
// 26 pairs summed on average per feature found on the dev file). Summed
// pair by pair, one class at a time, each pair costs nine instructions.
// Such rows are kept dense instead: three classes to a uint64, each weight
// biased to an unsigned 16-bit value in a 21-bit lane. Adding two such
// words adds three classes at once, and a lane can take 32 rows before it
// could carry into the next one; the lanes are then moved to the int32
// sums (flush). A dense row's slot has length 0 (no sparse row is empty)
// and its offset counts dense rows.

const (
	denseMin   = 16 // rows with at least this many pairs are dense
	denseWords = 35 // uint64s summed per dense row: classes up to 105
	denseRow   = 40 // uint64s between dense rows, so each starts a cache line
	denseBias  = 1 << 15
	laneBits   = 21
	laneMask   = 1<<laneBits - 1
	laneRows   = 1 << (laneBits - 16) // rows a lane can sum without carrying
)

// densify moves the rows of at least denseMin pairs to w.dense.
func (w *weights) densify() {
	if w.nClasses > 3*denseWords || len(w.dense) > 0 {
		return
	}
	nDense, nSparse := 0, 0
	for _, s := range w.slots {
		if n := int(s & maxRow); n >= denseMin {
			nDense++
		} else {
			nSparse += n
		}
	}
	// The sparse rows move down within w.pairs, in slot order: a row never
	// lands beyond where it was, so none is overwritten before it is read.
	pairs := w.pairs
	w.dense = hugeAlloc[uint64](nDense * denseRow)
	nDense, nSparse = 0, 0
	for i, s := range w.slots {
		if s == 0 {
			continue
		}
		row := w.row(s)
		fp := s &^ (1<<32 - 1)
		if len(row) < denseMin {
			w.slots[i] = fp | uint64(nSparse)<<lenBits | uint64(len(row))
			nSparse += copy(pairs[nSparse:], row)
			continue
		}
		d := w.dense[nDense*denseRow : nDense*denseRow+denseWords]
		for c := range d {
			d[c] = denseBias * (1 | 1<<laneBits | 1<<(2*laneBits)) // every lane at weight 0
		}
		for _, p := range row {
			shift := laneBits * (uint(p.cls) % 3)
			lane := uint64(int32(p.w) + denseBias)
			d[p.cls/3] = d[p.cls/3]&^(laneMask<<shift) | lane<<shift
		}
		w.slots[i] = fp | uint64(nDense)<<lenBits
		nDense++
	}
	w.pairs = pairs[:nSparse]
}

// row gives the pairs of the row in slot s, rebuilding a dense row's.
func (w *weights) row(s uint64) []pair {
	o := uint32(s) >> lenBits
	if n := uint32(s & maxRow); n > 0 {
		return w.pairs[o : o+n]
	}
	var row []pair
	for c, x := range w.dense[o*denseRow : o*denseRow+denseWords] {
		for k := range 3 {
			if v := int32(x>>(laneBits*k)&laneMask) - denseBias; v != 0 {
				row = append(row, pair{w: int16(v), cls: uint8(3*c + k)})
			}
		}
	}
	return row
}

// lanes sums dense rows.
type lanes struct {
	sum  [laneWords]uint64
	rows int32 // rows summed since the last flush
}

// laneWords is denseWords rounded up to whole 4-word vectors (the words past
// a row's denseWords are zero).
const laneWords = 36

// addRows adds the dense rows numbered rows, flushing to acc before any
// lane could carry.
func (l *lanes) addRows(dense []uint64, rows []uint32, acc *[256]int32) {
	for len(rows) > 0 {
		if l.rows == laneRows {
			l.flush(acc)
		}
		k := min(len(rows), int(laneRows-l.rows))
		sumRows(&l.sum, dense, rows[:k])
		l.rows += int32(k)
		rows = rows[k:]
	}
}

// sumRowsGo is sumRows without vector instructions.
func sumRowsGo(sum *[laneWords]uint64, dense []uint64, rows []uint32) {
	for _, o := range rows {
		row := (*[denseWords]uint64)(dense[int(o)*denseRow:])
		// Seven adds to a step with constant offsets: the loop's own
		// instructions (index, compare, branch) cost more than the adds.
		for k := 0; k < denseWords; k += 7 {
			s, r := (*[7]uint64)(sum[k:]), (*[7]uint64)(row[k:])
			s[0] += r[0]
			s[1] += r[1]
			s[2] += r[2]
			s[3] += r[3]
			s[4] += r[4]
			s[5] += r[5]
			s[6] += r[6]
		}
	}
}

// flush adds the lane sums to acc, less the rows' bias, and clears them.
func (l *lanes) flush(acc *[256]int32) {
	bias := l.rows * denseBias
	for k, x := range l.sum[:denseWords] {
		acc[3*k] += int32(x&laneMask) - bias
		acc[3*k+1] += int32(x>>laneBits&laneMask) - bias
		acc[3*k+2] += int32(x>>(2*laneBits)&laneMask) - bias
	}
	*l = lanes{}
}
