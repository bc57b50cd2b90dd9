package eval

import (
	"fmt"
	"time"
)

// A date is a day number (days since 1970-01-01), which makes the script's
// date arithmetic plain integer arithmetic.
type date = int

// isoDay is the script's day(): str(v)[:10] read by Python 3.11's
// date.fromisoformat, which accepts YYYY-MM-DD, YYYYMMDD and the ISO week
// forms YYYY-Www[-D] / YYYYWww[D], checks the byte length (7, 8 or 10) and
// ignores what follows a complete date.
func isoDay(v any) (date, bool) {
	if v == nil {
		return 0, false
	}
	b := []byte(prefixRunes(pyStr(v), 10))
	if n := len(b); n != 7 && n != 8 && n != 10 {
		return 0, false
	}
	p := 0
	digits := func(n int) (int, bool) {
		x := 0
		for i := 0; i < n; i++ {
			if p >= len(b) || b[p] < '0' || b[p] > '9' {
				return 0, false
			}
			x = x*10 + int(b[p]-'0')
			p++
		}
		return x, true
	}
	sepOK := func(sep bool) bool {
		if !sep {
			return true
		}
		ok := p < len(b) && b[p] == '-'
		p++
		return ok
	}
	year, ok := digits(4)
	if !ok {
		return 0, false
	}
	sep := p < len(b) && b[p] == '-'
	if sep {
		p++
	}
	if p < len(b) && b[p] == 'W' {
		p++
		week, ok := digits(2)
		if !ok {
			return 0, false
		}
		wday := 1
		if p < len(b) {
			if !sepOK(sep) {
				return 0, false
			}
			if wday, ok = digits(1); !ok {
				return 0, false
			}
		}
		return isoWeekDay(year, week, wday)
	}
	month, ok := digits(2)
	if !ok || !sepOK(sep) {
		return 0, false
	}
	d, ok := digits(2)
	if !ok {
		return 0, false
	}
	return ymd(year, month, d)
}

func ymd(y, m, d int) (date, bool) {
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if y < 1 || y > 9999 || t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return 0, false
	}
	return date(t.Unix() / 86400), true
}

// isoWeekDay follows CPython's iso_to_ymd: week 53 only in years that have it.
func isoWeekDay(y, week, wday int) (date, bool) {
	jan1 := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	first := (int(jan1.Weekday()) + 6) % 7 // Monday 0
	if week <= 0 || week >= 53 {
		leap := y%4 == 0 && (y%100 != 0 || y%400 == 0)
		if week != 53 || !(first == 3 || (first == 2 && leap)) {
			return 0, false
		}
	}
	if wday <= 0 || wday >= 8 {
		return 0, false
	}
	monday := -first
	if first > 3 {
		monday += 7
	}
	t := jan1.AddDate(0, 0, monday+(week-1)*7+wday-1)
	if t.Year() < 1 || t.Year() > 9999 {
		return 0, false
	}
	return date(t.Unix() / 86400), true
}

// mid is the script's s + (e - s) / 2: timedelta halves, date addition keeps
// whole days, so the half rounds towards the earlier day.
func mid(s, e date) date {
	d := e - s
	if d < 0 {
		return s - (-d+1)/2
	}
	return s + d/2
}

// dateRepr is Python's repr() of a date, or None.
func dateRepr(d date, ok bool) string {
	if !ok {
		return "None"
	}
	t := time.Unix(int64(d)*86400, 0).UTC()
	return fmt.Sprintf("datetime.date(%d, %d, %d)", t.Year(), int(t.Month()), t.Day())
}
