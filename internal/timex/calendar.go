package timex

import "time"

// day truncates t to its calendar day (in t's own location) as UTC midnight.
func day(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func addDays(t time.Time, n int) time.Time { return t.AddDate(0, 0, n) }

// addMonths moves by whole months without spilling into the next month
// (31 March minus one month is 28/29 February, not 3 March).
func addMonths(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	first := date(y, int(m)+n, 1)
	if last := daysIn(first.Year(), int(first.Month())); d > last {
		d = last
	}
	return date(first.Year(), int(first.Month()), d)
}

func addYears(t time.Time, n int) time.Time { return addMonths(t, 12*n) }

func daysIn(y, m int) int { return date(y, m+1, 0).Day() }

func dayW(t time.Time) Window { return Window{t, t, Day} }

func monthW(y, m int) Window {
	s := date(y, m, 1)
	return Window{s, date(s.Year(), int(s.Month()), daysIn(s.Year(), int(s.Month()))), Month}
}

func yearW(y int) Window { return Window{date(y, 1, 1), date(y, 12, 31), Year} }

// monday is the Monday starting the ISO week of t.
func monday(t time.Time) time.Time { return addDays(t, -((int(t.Weekday()) + 6) % 7)) }

func weekW(mon time.Time) Window { return Window{mon, addDays(mon, 6), Week} }

// span builds a window, swapping reversed ends so Start <= End always holds.
func span(a, b time.Time, p Precision) Window {
	if b.Before(a) {
		a, b = b, a
	}
	return Window{a, b, p}
}

func minT(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

func maxT(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// validDay reports whether d exists in month m; with an unknown year (0) the
// 29th of February is allowed.
func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	if y == 0 {
		y = 2000 // a leap year
	}
	return d <= daysIn(y, m)
}

// weekdayOnOrBefore is the latest day <= t falling on wd.
func weekdayOnOrBefore(t time.Time, wd time.Weekday) time.Time {
	return addDays(t, -((int(t.Weekday()) - int(wd) + 7) % 7))
}

// weekdayOnOrAfter is the earliest day >= t falling on wd.
func weekdayOnOrAfter(t time.Time, wd time.Weekday) time.Time {
	return addDays(t, (int(wd)-int(t.Weekday())+7)%7)
}

// Seasons are meteorological, northern hemisphere (the news this serves is
// mostly Middle Eastern, European and American). Winter y runs from
// December y to February y+1.
const (
	winter = iota
	spring
	summer
	autumn
)

func seasonW(s, y int) Window {
	startMonth := [...]int{12, 3, 6, 9}[s]
	st := date(y, startMonth, 1)
	end := addDays(date(y, startMonth+3, 1), -1)
	return Window{st, end, Season}
}

// seasonOf returns the season containing t and the year it is counted in.
func seasonOf(t time.Time) (s, y int) {
	m, y := int(t.Month()), t.Year()
	switch {
	case m <= 2:
		return winter, y - 1
	case m <= 5:
		return spring, y
	case m <= 8:
		return summer, y
	case m <= 11:
		return autumn, y
	}
	return winter, y
}

// seasonIndex orders seasons in time: winter y < spring y+1.
func seasonIndex(s, y int) int {
	if s == winter {
		return y*4 + 4
	}
	return y*4 + s
}

func seasonFromIndex(i int) (s, y int) {
	s, y = i%4, i/4
	if s == winter {
		y--
	}
	return s, y
}

// Within returns the calendar window of grain p (Day, Month or Year) that
// holds t: the month a detention began, counted back from "for 10 months".
func Within(t time.Time, p Precision) Window {
	switch p {
	case Year:
		return yearW(t.Year())
	case Month:
		return monthW(t.Year(), int(t.Month()))
	}
	return dayW(t)
}
