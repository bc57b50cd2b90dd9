package store

import (
	"errors"
	"testing"
)

// fakeRows yields rows of (code, events, conflict, cooperation), then err.
type fakeRows struct {
	rows [][]any
	i    int
	err  error
}

func (f *fakeRows) Next() bool { f.i++; return f.i <= len(f.rows) }
func (f *fakeRows) Err() error { return f.err }
func (f *fakeRows) Scan(dest ...any) error {
	row := f.rows[f.i-1]
	if len(row) != len(dest) {
		return errors.New("wrong number of columns")
	}
	for k, d := range dest {
		switch p := d.(type) {
		case *string:
			*p = row[k].(string)
		case *int:
			*p = row[k].(int)
		}
	}
	return nil
}

func TestCollect(t *testing.T) {
	rows := &fakeRows{rows: [][]any{{"IRQ", 5, 3, 1}, {"USA", 2, 0, 2}}}
	got, err := Collect(rows, ScanIntensity)
	if err != nil || len(got) != 2 || got[0] != (CountryIntensity{Code: "IRQ", Events: 5, Conflict: 3, Cooperation: 1}) || got[1].Code != "USA" {
		t.Fatalf("Collect = %+v, %v", got, err)
	}
	if got, err := Collect(&fakeRows{}, ScanIntensity); err != nil || got != nil {
		t.Errorf("no rows: %+v, %v", got, err)
	}
	if _, err := Collect(&fakeRows{rows: [][]any{{"IRQ"}}}, ScanIntensity); err == nil {
		t.Error("a scan error was lost")
	}
	want := errors.New("connection reset")
	if _, err := Collect(&fakeRows{err: want}, ScanIntensity); !errors.Is(err, want) {
		t.Errorf("rows error = %v, want %v", err, want)
	}
}
