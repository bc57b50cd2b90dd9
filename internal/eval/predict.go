package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Prediction is one line of the system's events JSONL (PLOVER JSON, fields
// in gold/README.md), decoded as the script reads it: any field may be
// missing or of an unexpected type, numbers stay json.Number.
type Prediction map[string]any

// DocPrediction is one line of the system's per-document JSONL.
type DocPrediction map[string]any

// ReadPredictions reads event mentions, one JSON object a line; blank lines
// are skipped. Errors name the line.
func ReadPredictions(r io.Reader) ([]Prediction, error) {
	out := []Prediction{}
	err := readJSONL(r, func(_ int, m map[string]any) error {
		out = append(out, m)
		return nil
	})
	return out, err
}

// ReadDocPredictions reads per-document lines. The result is never nil, so
// Score reports document figures even for an empty file, as the script does.
func ReadDocPredictions(r io.Reader) ([]DocPrediction, error) {
	out := []DocPrediction{}
	err := readJSONL(r, func(_ int, m map[string]any) error {
		out = append(out, m)
		return nil
	})
	return out, err
}

// PredictionOf turns any JSON-marshalable value (such as an event.JSON) into
// a Prediction, as if it had been written and read back.
func PredictionOf(v any) (Prediction, error) {
	m, err := decodeObject(v)
	return m, err
}

// DocPredictionOf is PredictionOf for per-document values.
func DocPredictionOf(v any) (DocPrediction, error) {
	m, err := decodeObject(v)
	return m, err
}

func decodeObject(v any) (map[string]any, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("encode prediction: %w", err)
	}
	m, err := parseObject(b)
	if err != nil {
		return nil, fmt.Errorf("decode prediction: %w", err)
	}
	return m, nil
}

type lineError struct {
	n   int
	err error
}

func (e *lineError) Error() string { return fmt.Sprintf("line %d: %v", e.n, e.err) }
func (e *lineError) Unwrap() error { return e.err }

// readJSONL splits lines as Python's text mode does (\n, \r\n and a lone \r
// all end a line), strips Python whitespace and skips blank lines; n counts
// every line from 1.
func readJSONL(r io.Reader, fn func(n int, m map[string]any) error) error {
	br := bufio.NewReader(r)
	n := 0
	for {
		chunk, rerr := br.ReadBytes('\n')
		if rerr != nil && !errors.Is(rerr, io.EOF) {
			return fmt.Errorf("read line %d: %w", n+1, rerr)
		}
		chunk = bytes.TrimSuffix(chunk, []byte("\n"))
		chunk = bytes.TrimSuffix(chunk, []byte("\r"))
		if len(chunk) > 0 || rerr == nil {
			for _, line := range bytes.Split(chunk, []byte("\r")) {
				n++
				line = bytes.TrimFunc(line, isPySpace)
				if len(line) == 0 {
					continue
				}
				m, err := parseObject(line)
				if err != nil {
					return &lineError{n, err}
				}
				if err := fn(n, m); err != nil {
					return err
				}
			}
		}
		if rerr != nil {
			return nil
		}
	}
}

func parseObject(b []byte) (map[string]any, error) {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, fmt.Errorf("not JSON: %w", err)
	}
	if _, err := d.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("not JSON: extra data after the value")
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, errors.New("not a JSON object")
	}
	return m, nil
}

// pred is a prediction reduced to what the script reads from it.
type pred struct {
	idx              int
	doc              string
	hasDoc           bool
	event            any
	actor, recipient *pparty
	start, end       date
	hasStart, hasEnd bool
	story            string // hashKey of a truthy story_id
	hasStory         bool
	text             string // str(event_text) for the report
}

// pparty is the script's party(): (country, sector), raw values.
type pparty struct{ country, sector any }

func newPred(i int, m map[string]any) *pred {
	p := &pred{idx: i, event: m["event"], actor: party(m, "actor"), recipient: party(m, "recipient")}
	p.doc, p.hasDoc = docKey(m)
	p.start, p.hasStart = isoDay(or(m["date_start"], m["date"]))
	p.end, p.hasEnd = isoDay(or(m["date_end"], m["date_start"], m["date"]))
	if p.hasStart && p.hasEnd && p.end < p.start {
		p.start, p.end = p.end, p.start
	}
	if s := m["story_id"]; truthy(s) {
		p.story, p.hasStory = hashKey(s), true
	}
	if t, ok := m["event_text"]; ok {
		p.text = pyStr(t)
	}
	return p
}

// docKey is the base name of doc, source or cite_info.url, the first that is set.
func docKey(m map[string]any) (string, bool) {
	var url any
	if ci, ok := m["cite_info"].(map[string]any); ok {
		url = ci["url"]
	}
	for _, v := range []any{m["doc"], m["source"], url} {
		if truthy(v) {
			s := strings.TrimRight(pyStr(v), "/")
			return s[strings.LastIndexByte(s, '/')+1:], true
		}
	}
	return "", false
}

func party(m map[string]any, key string) *pparty {
	a := m[key]
	if !truthy(a) {
		return nil
	}
	if l, ok := a.([]any); ok { // compound actor: the first
		if a = l[0]; !truthy(a) {
			return nil
		}
	}
	o, ok := a.(map[string]any)
	if !ok {
		return nil
	}
	sector := o["sector"]
	if l, ok := sector.([]any); ok {
		sector = nil
		if len(l) > 0 {
			sector = l[0]
		}
	}
	return &pparty{country: or(o["code"], o["country"]), sector: sector}
}

func (p *pparty) repr() string {
	if p == nil {
		return "None"
	}
	return "(" + pyRepr(p.country) + ", " + pyRepr(p.sector) + ")"
}
