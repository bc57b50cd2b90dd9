package syntax

import (
	"encoding/binary"
	"math"
	"sort"
)

// moveTable is the frozen transition classifier. With labels scored apart
// (labelFeatures), a transition feature has only three weights (SHIFT, LEFT,
// RIGHT), which fit in one 64-bit slot beside a 16-bit fingerprint of the
// key: a lookup is one memory access, not a slot and then a row. Eight slots
// share a cache line, so a probe past the home slot rarely misses again.
type moveTable struct {
	mask  uint64
	slots []uint64 // fingerprint<<48 | uint16(shift)<<32 | uint16(left)<<16 | uint16(right); 0 is empty
}

// The home slot takes key bits 8 and up, the fingerprint the top 16: keys
// are mixed hashes, so the two are independent. A lookup of an absent key
// can match another's fingerprint (about once in 20,000 lookups at this
// load); it then adds that feature's weights, which costs nothing
// measurable.
func (t *moveTable) home(key uint64) uint64 { return key >> 8 & t.mask }

func moveFP(key uint64) uint64 {
	if fp := key >> 48; fp != 0 {
		return fp
	}
	return 1
}

func newMoveTable(size int) *moveTable {
	t := &moveTable{mask: uint64(size - 1), slots: make([]uint64, size)}
	adviseHuge(t.slots)
	return t
}

// freezeMoves averages a three-class trainer's weights, zeroes those below
// minWeight (a fraction of the largest), drops features left with none, and
// quantises to int16 with one scale, which never changes an argmax.
func (t *trainer) freezeMoves(minWeight float64) *moveTable {
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
	type kept struct{ key, w uint64 }
	var ks []kept
	for _, k := range keys {
		var w uint64
		for _, e := range t.rows[k] {
			a := avg(e)
			if q := math.Round(a * scale); math.Abs(a) >= cut && q != 0 {
				w |= uint64(uint16(int16(q))) << (16 * (2 - uint(e.cls)))
			}
		}
		if w != 0 {
			ks = append(ks, kept{k, w})
		}
	}
	mt := newMoveTable(tableSize(len(ks)))
	for _, k := range ks {
		i := mt.home(k.key)
		for mt.slots[i] != 0 {
			i = (i + 1) & mt.mask
		}
		mt.slots[i] = moveFP(k.key)<<48 | k.w
	}
	return mt
}

// score sums the weights of feats into sc (SHIFT, LEFT, RIGHT). Every
// feature's home slot is read first, in a loop of independent loads, so
// the processor overlaps the cache misses.
func (t *moveTable) score(feats []uint64, sc *[3]int32) {
	*sc = [3]int32{}
	var got, at [scoreBatch]uint64
	for lo := 0; lo < len(feats); lo += scoreBatch {
		batch := feats[lo:min(lo+scoreBatch, len(feats))]
		for j, f := range batch {
			at[j] = t.home(f)
			got[j] = t.slots[at[j]]
		}
		for j, f := range batch {
			s, fp, i := got[j], moveFP(f), at[j]
			for s != 0 && s>>48 != fp {
				i = (i + 1) & t.mask
				s = t.slots[i]
			}
			if s != 0 {
				sc[0] += int32(int16(s >> 32))
				sc[1] += int32(int16(s >> 16))
				sc[2] += int32(int16(s))
			}
		}
	}
}

// size counts the features kept.
func (t *moveTable) size() int {
	n := 0
	for _, s := range t.slots {
		if s != 0 {
			n++
		}
	}
	return n
}

// moveTable writes the table size, the filled slots' count, then each
// filled slot as (gap from the previous filled slot, slot word).
func (b *binWriter) moveTable(t *moveTable) {
	b.u32(uint32(len(t.slots)))
	b.u32(uint32(t.size()))
	var buf []byte
	last := -1
	for i, s := range t.slots {
		if s == 0 {
			continue
		}
		buf = binary.AppendUvarint(buf, uint64(i-last-1))
		buf = binary.LittleEndian.AppendUint64(buf, s)
		last = i
	}
	b.bytes(buf)
}

func (b *binReader) moveTable() *moveTable {
	size, filled := b.u32(), b.u32()
	if b.err != nil || size == 0 || size > limit || size&(size-1) != 0 || filled > size {
		b.err = ErrFormat
		return &moveTable{slots: make([]uint64, 1)}
	}
	t := newMoveTable(int(size))
	i := -1
	for k := uint32(0); k < filled && b.err == nil; k++ {
		gap, n := binary.Uvarint(b.data)
		if n <= 0 {
			b.err = ErrFormat
			break
		}
		b.data = b.data[n:]
		if gap >= uint64(size) {
			b.err = ErrFormat
			break
		}
		i += int(gap) + 1
		s := b.u64()
		if i >= int(size) || s>>48 == 0 {
			b.err = ErrFormat
			break
		}
		t.slots[i] = s
	}
	if b.err != nil {
		return &moveTable{slots: make([]uint64, 1)}
	}
	return t
}
