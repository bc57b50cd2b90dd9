package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"strings"

	"github.com/parquet-go/parquet-go"
)

// Format is an output format.
type Format string

// The export formats.
const (
	CSV     Format = "csv"
	JSONL   Format = "jsonl"
	Parquet Format = "parquet"
	GDELT   Format = "gdelt" // GDELT-style CSV of stories with CAMEO codes
)

// ParseFormat reads a --format value.
func ParseFormat(s string) (Format, error) {
	switch f := Format(s); f {
	case CSV, JSONL, Parquet, GDELT:
		return f, nil
	}
	return "", fmt.Errorf("format %q: want csv, jsonl, parquet or gdelt", s)
}

// rowWriter writes rows of one type and finishes the file on Close.
type rowWriter[T any] interface {
	Write(T) error
	Close() error
}

func newRowWriter[T any](w io.Writer, f Format) (rowWriter[T], error) {
	switch f {
	case CSV:
		return newCSVWriter[T](w), nil
	case JSONL:
		return newRowJSONLWriter[T](w), nil
	case Parquet:
		return newParquetWriter[T](w), nil
	}
	return nil, fmt.Errorf("format %s does not apply here", f)
}

// rowJSONLWriter writes a row type as one JSON object a line, its fields in
// column order, with null for an empty text column (as CSV's empty cell and
// Parquet's null), so DuckDB, pandas and jq see the same NULLs.
type rowJSONLWriter[T any] struct {
	w     io.Writer
	names [][]byte // `"name":` of each field
	buf   bytes.Buffer
}

func newRowJSONLWriter[T any](w io.Writer) *rowJSONLWriter[T] {
	t := reflect.TypeFor[T]()
	names := make([][]byte, t.NumField())
	for i := range names {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name == "" {
			name = columnName(t.Field(i))
		}
		b, _ := json.Marshal(name)
		names[i] = append(b, ':')
	}
	return &rowJSONLWriter[T]{w: w, names: names}
}

func (j *rowJSONLWriter[T]) Write(row T) error {
	v := reflect.ValueOf(row)
	j.buf.Reset()
	j.buf.WriteByte('{')
	for i, name := range j.names {
		if i > 0 {
			j.buf.WriteByte(',')
		}
		j.buf.Write(name)
		f := v.Field(i)
		if f.Kind() == reflect.String && f.Len() == 0 {
			j.buf.WriteString("null")
			continue
		}
		b, err := marshalNoEscape(f.Interface())
		if err != nil {
			return fmt.Errorf("column %s: %w", name, err)
		}
		j.buf.Write(b)
	}
	j.buf.WriteString("}\n")
	_, err := j.w.Write(j.buf.Bytes())
	return err
}

func (j *rowJSONLWriter[T]) Close() error { return nil }

// marshalNoEscape is json.Marshal without HTML escaping ("<" stays "<").
func marshalNoEscape(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

type jsonlWriter[T any] struct{ enc *json.Encoder }

func newJSONLWriter[T any](w io.Writer) *jsonlWriter[T] {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &jsonlWriter[T]{enc: enc}
}

func (j *jsonlWriter[T]) Write(row T) error { return j.enc.Encode(row) }
func (j *jsonlWriter[T]) Close() error      { return nil }

// parquetBatch is the rows buffered before a write; row groups are cut by
// parquet-go's own size rules.
const parquetBatch = 1024

// parquetWriter streams rows into a Parquet file (snappy-compressed, the
// codec every reader has).
type parquetWriter[T any] struct {
	w   *parquet.GenericWriter[T]
	buf []T
}

func newParquetWriter[T any](w io.Writer) *parquetWriter[T] {
	return &parquetWriter[T]{w: parquet.NewGenericWriter[T](w, parquet.Compression(&parquet.Snappy)),
		buf: make([]T, 0, parquetBatch)}
}

func (p *parquetWriter[T]) Write(row T) error {
	p.buf = append(p.buf, row)
	if len(p.buf) == cap(p.buf) {
		return p.flush()
	}
	return nil
}

func (p *parquetWriter[T]) flush() error {
	if _, err := p.w.Write(p.buf); err != nil {
		return fmt.Errorf("write parquet: %w", err)
	}
	p.buf = p.buf[:0]
	return nil
}

func (p *parquetWriter[T]) Close() error {
	if err := p.flush(); err != nil {
		return err
	}
	if err := p.w.Close(); err != nil {
		return fmt.Errorf("close parquet: %w", err)
	}
	return nil
}
