package export

import (
	"encoding/json"
	"fmt"
	"io"

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
		return newJSONLWriter[T](w), nil
	case Parquet:
		return newParquetWriter[T](w), nil
	}
	return nil, fmt.Errorf("format %s does not apply here", f)
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
