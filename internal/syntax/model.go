package syntax

import (
	"bufio"
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"runtime"
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
	free       chan *workspace // see workspace
}

//go:embed model.bin
var embedded []byte

// Load returns the model embedded in the binary, decoded on first use only,
// so commands that never parse never pay for it.
var Load = sync.OnceValues(func() (*Model, error) { return decodeModel(embedded) })

const magic = "DYADSYN1"

// ErrFormat is returned for a model file this code cannot read.
var ErrFormat = errors.New("syntax: not a model file")

// ErrNoModel is returned by Load when the binary was built without a trained
// model (an empty model.bin).
var ErrNoModel = errors.New("syntax: no model embedded; train one with go run ./internal/syntax/cmd/train")

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
		bw.u64(k)
		bw.u32(uint32(m.tag.dict[k]))
	}
	bw.weights(m.tag.w)
	bw.weights(m.tag.w2)
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
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("syntax: read model: %w", err)
	}
	return decodeModel(data)
}

func decodeModel(data []byte) (*Model, error) {
	if len(data) == 0 {
		return nil, ErrNoModel
	}
	if !bytes.HasPrefix(data, []byte(magic)) {
		return nil, ErrFormat
	}
	br := &binReader{data: data[len(magic):]}
	m := &Model{classes: br.strings()}
	n := br.u32()
	m.tag.dict = make(map[uint64]int, min(n, limit))
	for i := uint32(0); i < n && br.err == nil; i++ {
		k := br.u64()
		m.tag.dict[k] = int(br.u32())
	}
	m.tag.w = br.weights()
	m.tag.w2 = br.weights()
	m.labels = br.strings()
	m.parse = br.weights()
	lk, lv := br.strings(), br.strings()
	if br.err == nil && (len(lk) != len(lv) || len(m.classes) == 0 || len(m.labels) == 0 ||
		m.tag.w.nClasses != len(m.classes) || m.tag.w2.nClasses != len(m.classes) || m.parse.nClasses != 1+2*len(m.labels)) {
		br.err = ErrFormat
	}
	if br.err != nil {
		return nil, fmt.Errorf("syntax: read model: %w", br.err)
	}
	m.lemmas = make(map[string]string, len(lk))
	for i, k := range lk {
		m.lemmas[k] = lv[i]
	}
	m.init()
	if m.rootLabel < 0 {
		return nil, fmt.Errorf("syntax: read model: no root label: %w", ErrFormat)
	}
	for _, c := range m.tag.dict {
		if c < 0 || c >= len(m.classes) {
			return nil, fmt.Errorf("syntax: read model: tag dictionary: %w", ErrFormat)
		}
	}
	return m, nil
}

// init derives the lookup fields from the stored ones.
func (m *Model) init() {
	m.upos, m.xpos = make([]string, len(m.classes)), make([]string, len(m.classes))
	for i, c := range m.classes {
		m.upos[i], m.xpos[i], _ = strings.Cut(c, "\t")
	}
	m.free = make(chan *workspace, max(runtime.GOMAXPROCS(0), 4))
	m.rootLabel = -1
	for i, l := range m.labels {
		if l == "root" {
			m.rootLabel = i
		}
	}
}
