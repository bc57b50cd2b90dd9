package timex

import "time"

// resolveRelUnit handles last/this/next week, weekend, month, year, decade
// and their parts. Weeks run Monday to Sunday. "This month" in past copy
// runs up to the reference day, in future copy from it.
func (s spec) resolveRelUnit(ref time.Time, opt Options) Window {
	var w Window
	switch s.unit {
	case uWeekend:
		return s.weekend(ref, opt)
	case uWeek:
		w = weekW(addDays(monday(ref), 7*s.rel))
	case uMonth:
		first := addMonths(date(ref.Year(), int(ref.Month()), 1), s.rel)
		if s.part == pEarly || s.part == pMid || s.part == pLate {
			return monthPart(first.Year(), int(first.Month()), s.part)
		}
		w = monthW(first.Year(), int(first.Month()))
	case uYear:
		if s.part == pEarly || s.part == pMid || s.part == pLate {
			return yearPart(ref.Year()+s.rel, s.part)
		}
		w = yearW(ref.Year() + s.rel)
	case uDecade:
		return decadePart(ref.Year()/10*10+10*s.rel, s.part)
	default:
		return Window{}
	}
	if s.unit == uWeek {
		switch s.part {
		case pEarly:
			return Window{w.Start, addDays(w.Start, 2), Week}
		case pMid:
			return Window{addDays(w.Start, 1), addDays(w.Start, 3), Week}
		case pLate:
			return Window{addDays(w.Start, 3), w.End, Week}
		}
	}
	if s.rel != relThis {
		return w
	}
	switch {
	case s.part == pEarlier:
		return Window{w.Start, maxT(w.Start, addDays(ref, -1)), w.Precision}
	case s.part == pLater:
		return Window{minT(w.End, addDays(ref, 1)), w.End, w.Precision}
	case opt.Future:
		return Window{ref, w.End, w.Precision}
	}
	return Window{w.Start, ref, w.Precision}
}

// weekend resolves "the weekend" / "this weekend" (the one just past, or
// the one in progress; forwards in future copy), "last weekend" (the last
// completed one before the current week's) and "next weekend".
func (s spec) weekend(ref time.Time, opt Options) Window {
	wd := ref.Weekday()
	inWeekend := wd == time.Saturday || wd == time.Sunday
	sat := weekdayOnOrBefore(ref, time.Saturday) // the latest Saturday on or before ref
	switch {
	case s.rel == relLast && inWeekend:
		sat = addDays(sat, -7)
	case s.rel == relLast:
	case s.rel == relNext && inWeekend:
		sat = addDays(sat, 7)
	case s.rel == relNext, opt.Future && !inWeekend:
		sat = weekdayOnOrAfter(ref, time.Saturday)
	case !opt.Future && wd == time.Saturday:
		return Window{ref, ref, Week}
	}
	return Window{sat, addDays(sat, 1), Week}
}

// resolveAgo: "two days ago" is that day; "two weeks ago" the 7 days around
// ref-14; "two months ago" that calendar month; "two years ago" the 12
// months around ref-2y. Fuzzy counts ("a few weeks ago") give a span from
// twice the count back to one unit back.
func (s spec) resolveAgo(ref time.Time) Window {
	n := s.n
	if s.within {
		return span(shift(ref, s.unit, -n), ref, Span)
	}
	if s.vague {
		if s.unit == uHour {
			return Window{addDays(ref, -1), ref, Day}
		}
		return span(shift(ref, s.unit, -2*n), shift(ref, s.unit, -1), Span)
	}
	switch s.unit {
	case uHour:
		return dayW(addDays(ref, -(n+23)/24))
	case uDay:
		return dayW(addDays(ref, -n))
	case uWeek:
		c := addDays(ref, -7*n)
		return Window{addDays(c, -3), addDays(c, 3), Week}
	case uMonth:
		c := addMonths(ref, -n)
		return monthW(c.Year(), int(c.Month()))
	case uYear:
		c := addYears(ref, -n)
		return Window{addMonths(c, -6), addDays(addMonths(c, 6), -1), Year}
	case uDecade:
		c := addYears(ref, -10*n)
		return Window{addYears(c, -5), addDays(addYears(c, 5), -1), Span}
	}
	return Window{}
}

// resolveAnchor places "the following month", "the next day", "two days
// later", "the night before" against the previous expression's window. A
// calendar phrase snaps to the unit containing the anchor when the anchor is
// no wider than that unit; an exact shift ("a week later") moves the window.
func (s spec) resolveAnchor(a Window) Window {
	if a.IsZero() {
		return Window{}
	}
	if s.kind == kAnchorWday {
		wd := time.Weekday(s.wday - 1)
		if s.rel < 0 {
			return dayW(weekdayOnOrBefore(addDays(a.Start, -1), wd))
		}
		return dayW(weekdayOnOrAfter(addDays(a.End, 1), wd))
	}
	off := s.rel * s.n
	if s.vague {
		if s.rel < 0 {
			return span(shift(a.Start, s.unit, -2*s.n), addDays(a.Start, -1), Span)
		}
		return span(addDays(a.End, 1), shift(a.End, s.unit, 2*s.n), Span)
	}
	days := a.Days()
	if !s.exact {
		switch {
		case s.unit == uDay && days == 1:
			return dayW(addDays(a.Start, off))
		case s.unit == uWeek && days <= 7:
			return weekW(addDays(monday(a.Start), 7*off))
		case s.unit == uMonth && days <= 31:
			c := addMonths(date(a.Start.Year(), int(a.Start.Month()), 1), off)
			return monthW(c.Year(), int(c.Month()))
		case s.unit == uYear && days <= 366:
			return yearW(a.Start.Year() + off)
		}
	}
	return span(shift(a.Start, s.unit, off), shift(a.End, s.unit, off), a.Precision)
}
