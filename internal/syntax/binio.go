package syntax

import (
	"bufio"
	"encoding/binary"
)

// The model file is little-endian: counts and lengths as uint32, strings as
// length and bytes, weight tables as described at binWriter.weights.

type binWriter struct {
	w   *bufio.Writer
	n   int64
	err error
}

func (b *binWriter) bytes(p []byte) {
	if b.err == nil {
		_, b.err = b.w.Write(p)
		b.n += int64(len(p))
	}
}

func (b *binWriter) u32(v uint32) { b.bytes(binary.LittleEndian.AppendUint32(nil, v)) }
func (b *binWriter) u64(v uint64) { b.bytes(binary.LittleEndian.AppendUint64(nil, v)) }

func (b *binWriter) strings(ss []string) {
	b.u32(uint32(len(ss)))
	for _, s := range ss {
		b.u32(uint32(len(s)))
		b.bytes([]byte(s))
	}
}

// weights writes the filled slots in table order as (gap from the previous
// filled slot, fingerprint, row length); row offsets follow from the lengths.
// Then the rows' classes, then their weights.
func (b *binWriter) weights(w *weights) {
	filled, npairs := 0, 0
	for _, s := range w.slots {
		if s != 0 {
			filled++
			npairs += len(w.row(s))
		}
	}
	b.u32(uint32(w.nClasses))
	b.u32(uint32(len(w.slots)))
	b.u32(uint32(filled))
	b.u32(uint32(npairs))
	var buf, cls, ws []byte
	last := -1
	for i, s := range w.slots {
		if s == 0 {
			continue
		}
		row := w.row(s)
		buf = binary.AppendUvarint(buf, uint64(i-last-1))
		buf = binary.LittleEndian.AppendUint32(buf, uint32(s>>32))
		buf = append(buf, byte(len(row)))
		for _, p := range row {
			cls = append(cls, p.cls)
			ws = binary.LittleEndian.AppendUint16(ws, uint16(p.w))
		}
		last = i
	}
	b.bytes(buf)
	b.bytes(cls)
	b.bytes(ws)
}

// binReader decodes from the model's bytes; the first error sticks.
type binReader struct {
	data []byte
	err  error
}

func (b *binReader) take(n int) []byte {
	if b.err != nil || n < 0 || n > len(b.data) {
		b.err = ErrFormat
		return nil
	}
	p := b.data[:n]
	b.data = b.data[n:]
	return p
}

func (b *binReader) u32() uint32 {
	if p := b.take(4); p != nil {
		return binary.LittleEndian.Uint32(p)
	}
	return 0
}

func (b *binReader) u64() uint64 {
	if p := b.take(8); p != nil {
		return binary.LittleEndian.Uint64(p)
	}
	return 0
}

// limit guards allocations against a corrupt length.
const limit = 1 << 28

func (b *binReader) strings() []string {
	n := b.u32()
	if n > limit || int(n) > len(b.data) {
		b.err = ErrFormat
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = string(b.take(int(b.u32())))
	}
	return out
}

func (b *binReader) weights() *weights {
	nc, size, filled, npairs := b.u32(), b.u32(), b.u32(), b.u32()
	if b.err != nil || size > limit || size&(size-1) != 0 || nc > maxRow || filled > size || npairs > maxOff {
		b.err = ErrFormat
		return &weights{}
	}
	w := &weights{nClasses: int(nc), slots: hugeAlloc[uint64](int(size)), pairs: hugeAlloc[pair](int(npairs))}
	i, off := -1, uint64(0)
	for k := uint32(0); k < filled && b.err == nil; k++ {
		gap, n := binary.Uvarint(b.data)
		if n <= 0 {
			b.err = ErrFormat
			break
		}
		b.data = b.data[n:]
		i += int(gap) + 1
		p := b.take(5)
		if p == nil || i >= int(size) {
			b.err = ErrFormat
			break
		}
		rowLen := uint64(p[4])
		if rowLen == 0 { // no row is empty; length 0 marks a dense row
			b.err = ErrFormat
			break
		}
		w.slots[i] = uint64(binary.LittleEndian.Uint32(p))<<32 | off<<lenBits | rowLen
		off += rowLen
	}
	cls, ws := b.take(int(npairs)), b.take(2*int(npairs))
	if b.err != nil || off != uint64(npairs) {
		b.err = ErrFormat
		return &weights{}
	}
	for j := range w.pairs {
		if int(cls[j]) >= int(nc) {
			b.err = ErrFormat
			return &weights{}
		}
		w.pairs[j] = pair{w: int16(binary.LittleEndian.Uint16(ws[2*j:])), cls: cls[j]}
	}
	w.densify()
	return w
}
