package syntax

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
)

// Model is a trained tagger, parser and lemmatiser. It is safe for
// concurrent use.
type Model struct {
	classes    []string // joint tags, "UPOS\tXPOS"
	upos, xpos []string
	tag        tagger
	labels     []string
	rootLabel  int
	parse      *weights
	lemmas     map[string]string
	pool       sync.Pool
}

//go:embed model.bin
var embedded []byte

var (
	loadOnce  sync.Once
	loaded    *Model
	loadError error
)

// Load returns the model embedded in the binary, decoded on first use.
func Load() (*Model, error) {
	loadOnce.Do(func() {
		loaded, loadError = ReadModel(bytes.NewReader(embedded))
	})
	return loaded, loadError
}

const magic = "DYADSYN1"

// ErrFormat is returned for a model file this code cannot read.
var ErrFormat = errors.New("syntax: not a model file")

// WriteTo writes the model in its binary format; the same model always
// gives the same bytes.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	bw := &binWriter{w: bufio.NewWriter(w)}
	bw.bytes([]byte(magic))
	bw.strings(m.classes)
	keys := make([]uint64, 0, len(m.tag.dict))
	for k := range m.tag.dict {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	bw.u32(uint32(len(keys)))
	for _, k := range keys {
		bw.put(k)
		bw.u32(uint32(m.tag.dict[k]))
	}
	bw.weights(m.tag.w)
	bw.strings(m.labels)
	bw.weights(m.parse)
	lk := sortedKeys(m.lemmas)
	bw.strings(lk)
	vals := make([]string, len(lk))
	for i, k := range lk {
		vals[i] = m.lemmas[k]
	}
	bw.strings(vals)
	if bw.err == nil {
		bw.err = bw.w.Flush()
	}
	return bw.n, bw.err
}

// ReadModel decodes a model written by WriteTo.
func ReadModel(r io.Reader) (*Model, error) {
	br := &binReader{r: bufio.NewReaderSize(r, 1<<16)}
	head := make([]byte, len(magic))
	br.get(head)
	if br.err != nil || string(head) != magic {
		return nil, ErrFormat
	}
	m := &Model{classes: br.strings()}
	n := br.u32()
	m.tag.dict = make(map[uint64]int, n)
	for i := uint32(0); i < n && br.err == nil; i++ {
		var k uint64
		br.get(&k)
		m.tag.dict[k] = int(br.u32())
	}
	m.tag.w = br.weights()
	m.labels = br.strings()
	m.parse = br.weights()
	lk, lv := br.strings(), br.strings()
	if br.err != nil {
		return nil, fmt.Errorf("syntax: read model: %w", br.err)
	}
	m.lemmas = make(map[string]string, len(lk))
	for i, k := range lk {
		m.lemmas[k] = lv[i]
	}
	m.init()
	return m, nil
}

// init derives the lookup fields from the stored ones.
func (m *Model) init() {
	m.upos, m.xpos = make([]string, len(m.classes)), make([]string, len(m.classes))
	for i, c := range m.classes {
		m.upos[i], m.xpos[i], _ = strings.Cut(c, "\t")
	}
	m.rootLabel = -1
	for i, l := range m.labels {
		if l == "root" {
			m.rootLabel = i
		}
	}
}

type binWriter struct {
	w   *bufio.Writer
	n   int64
	err error
}

func (b *binWriter) put(v any) {
	if b.err == nil {
		b.err = binary.Write(b.w, binary.LittleEndian, v)
		b.n += int64(binary.Size(v))
	}
}

func (b *binWriter) u32(v uint32) { b.put(v) }
func (b *binWriter) bytes(p []byte) {
	if b.err == nil {
		_, b.err = b.w.Write(p)
		b.n += int64(len(p))
	}
}

func (b *binWriter) strings(ss []string) {
	b.u32(uint32(len(ss)))
	for _, s := range ss {
		b.u32(uint32(len(s)))
		b.bytes([]byte(s))
	}
}

func (b *binWriter) weights(w *weights) {
	b.u32(uint32(w.nClasses))
	b.u32(uint32(len(w.keys)))
	b.put(w.keys)
	b.put(w.off)
	b.put(w.n)
	b.u32(uint32(len(w.cls)))
	b.put(w.cls)
	b.put(w.w)
}

type binReader struct {
	r   *bufio.Reader
	err error
}

func (b *binReader) get(v any) {
	if b.err == nil {
		b.err = binary.Read(b.r, binary.LittleEndian, v)
	}
}

func (b *binReader) u32() uint32 {
	var v uint32
	b.get(&v)
	return v
}

// limit guards allocations against a corrupt length.
const limit = 1 << 28

func (b *binReader) strings() []string {
	n := b.u32()
	if n > limit {
		b.err = ErrFormat
	}
	if b.err != nil {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		l := b.u32()
		if l > limit {
			b.err = ErrFormat
		}
		if b.err != nil {
			return nil
		}
		p := make([]byte, l)
		b.get(p)
		out[i] = string(p)
	}
	return out
}

func (b *binReader) weights() *weights {
	nc, size := b.u32(), b.u32()
	if size > limit || size&(size-1) != 0 || nc > 256 {
		b.err = ErrFormat
	}
	if b.err != nil {
		return nil
	}
	w := &weights{nClasses: int(nc), keys: make([]uint64, size), off: make([]uint32, size), n: make([]uint8, size)}
	b.get(w.keys)
	b.get(w.off)
	b.get(w.n)
	ne := b.u32()
	if ne > limit {
		b.err = ErrFormat
	}
	if b.err != nil {
		return nil
	}
	w.cls, w.w = make([]uint8, ne), make([]int16, ne)
	b.get(w.cls)
	b.get(w.w)
	return w
}
