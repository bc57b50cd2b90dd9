package export

import (
	"encoding/json"
	"time"
)

// Date is a calendar day as days since 1970-01-01, Parquet's DATE. The
// rows use it instead of time.Time because parquet-go v0.32 writes a
// time.Time tagged "date" as a truncated nanosecond count (readers then see
// the year -159160); an int32 is written as the DATE it is.
type Date int32

// DateOf returns the day of t (UTC).
func DateOf(t time.Time) Date {
	y, m, d := t.UTC().Date()
	return Date(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// Time returns the day as UTC midnight.
func (d Date) Time() time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// String renders YYYY-MM-DD.
func (d Date) String() string { return d.Time().Format(time.DateOnly) }

// MarshalJSON renders "YYYY-MM-DD".
func (d Date) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

// UnmarshalJSON reads "YYYY-MM-DD".
func (d *Date) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return err
	}
	*d = DateOf(t)
	return nil
}
