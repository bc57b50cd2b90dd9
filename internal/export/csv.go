package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// ListSep joins list values in a CSV cell; it does not occur in outlet
// names or attribution chains.
const ListSep = "|"

// Columns returns the column names of a row type, from its parquet tags.
func Columns[T any]() []string {
	t := reflect.TypeFor[T]()
	names := make([]string, t.NumField())
	for i := range names {
		names[i] = columnName(t.Field(i))
	}
	return names
}

func columnName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("parquet"), ",")
	if name == "" {
		name = f.Name
	}
	return name
}

// csvWriter writes rows of T as CSV with a header: numbers in Go's shortest
// form, booleans as TRUE/FALSE (what R's read.csv, pandas and DuckDB all read
// as booleans), dates as YYYY-MM-DD, timestamps as RFC 3339,
// unknown values as empty cells (what pandas, R and DuckDB read as NA/NULL).
type csvWriter[T any] struct {
	w      *csv.Writer
	header bool
	rec    []string
}

func newCSVWriter[T any](w io.Writer) *csvWriter[T] {
	return &csvWriter[T]{w: csv.NewWriter(w)}
}

func (c *csvWriter[T]) Write(row T) error {
	if !c.header {
		c.header = true
		if err := c.w.Write(Columns[T]()); err != nil {
			return err
		}
	}
	v := reflect.ValueOf(row)
	c.rec = c.rec[:0]
	for i := range v.NumField() {
		s, err := cell(v.Field(i), v.Type().Field(i).Tag.Get("parquet"))
		if err != nil {
			return fmt.Errorf("column %s: %w", columnName(v.Type().Field(i)), err)
		}
		c.rec = append(c.rec, s)
	}
	return c.w.Write(c.rec)
}

func (c *csvWriter[T]) Close() error {
	if !c.header { // an empty export still names its columns
		c.header = true
		if err := c.w.Write(Columns[T]()); err != nil {
			return err
		}
	}
	c.w.Flush()
	return c.w.Error()
}

func cell(v reflect.Value, tag string) (string, error) {
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return "", nil
		}
		v = v.Elem()
	}
	if d, ok := v.Interface().(Date); ok {
		return d.String(), nil
	}
	if t, ok := v.Interface().(time.Time); ok {
		if strings.Contains(tag, ",date") {
			return t.Format(time.DateOnly), nil
		}
		return t.UTC().Format(time.RFC3339Nano), nil
	}
	switch v.Kind() {
	case reflect.String:
		return v.String(), nil
	case reflect.Int, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10), nil
	case reflect.Float64:
		return strconv.FormatFloat(v.Float(), 'g', -1, 64), nil
	case reflect.Bool:
		return CSVBool(v.Bool()), nil
	case reflect.Slice:
		if s, ok := v.Interface().([]string); ok {
			return strings.Join(s, ListSep), nil
		}
	}
	return "", fmt.Errorf("type %s has no CSV form", v.Type())
}

// CSVBool writes a boolean as R writes it: read.csv, pandas and DuckDB all
// read TRUE/FALSE as booleans.
func CSVBool(b bool) string {
	if b {
		return "TRUE"
	}
	return "FALSE"
}
