package timex

import "time"

// lookahead is how far past the reference a day-of-month without a year may
// fall and still be read as upcoming in past-tense copy: news gives the year
// of a date a year old, so "March 3" in a 25 February story is this March 3.
const lookahead = 14

// resolve turns a spec into a window; ref is a UTC midnight day or zero.
func (s spec) resolve(ref time.Time, opt Options) Window {
	if s.anchored() {
		return s.resolveAnchor(opt.Anchor)
	}
	if s.relative() && ref.IsZero() {
		return Window{}
	}
	switch s.kind {
	case kDate:
		return s.resolveDate(ref, opt)
	case kMonth:
		return s.resolveMonth(ref, opt)
	case kYear:
		return yearPart(s.y, s.part)
	case kDecade:
		return decadePart(s.y, s.part)
	case kYearSpan:
		return Window{date(s.y, 1, 1), date(s.y2, 12, 31), Span}
	case kWeekday:
		return dayW(s.weekday(ref, opt))
	case kRelDay:
		return dayW(addDays(ref, s.rel))
	case kRelUnit:
		return s.resolveRelUnit(ref, opt)
	case kAgo:
		return s.resolveAgo(ref)
	case kPast:
		return span(shift(ref, s.unit, -s.n), ref, s.stretchPrecision())
	case kComing:
		return span(ref, shift(ref, s.unit, s.n), s.stretchPrecision())
	case kDuration:
		if s.forward || opt.Future {
			return span(ref, shift(ref, s.unit, s.n), Span)
		}
		return span(shift(ref, s.unit, -s.n), ref, Span)
	case kSeason:
		return s.resolveSeason(ref, opt)
	case kHoliday:
		return s.resolveHoliday(ref, opt)
	}
	return Window{}
}

func (s spec) stretchPrecision() Precision {
	if s.n == 1 && !s.vague {
		return unitPrecision(s.unit)
	}
	return Span
}

func unitPrecision(u unit) Precision {
	switch u {
	case uHour, uDay:
		return Day
	case uWeek, uWeekend:
		return Week
	case uMonth:
		return Month
	case uYear:
		return Year
	}
	return Span
}

// shift moves t by n units.
func shift(t time.Time, u unit, n int) time.Time {
	switch u {
	case uHour:
		return addDays(t, n/24)
	case uDay:
		return addDays(t, n)
	case uWeek, uWeekend:
		return addDays(t, 7*n)
	case uMonth:
		return addMonths(t, n)
	case uYear:
		return addYears(t, n)
	case uDecade:
		return addYears(t, 10*n)
	}
	return t
}

func (s spec) resolveDate(ref time.Time, opt Options) Window {
	y := s.y
	switch {
	case y != 0:
	case s.hasYrel:
		y = ref.Year() + s.yrel
	default:
		y = s.pickYear(ref, opt)
	}
	if !validDay(y, s.m, s.d) {
		return Window{}
	}
	return dayW(date(y, s.m, s.d))
}

// pickYear places a day-of-month without a year around ref: on the year
// whose calendar matches a written weekday ("Saturday, July 26"), else the
// latest one on or before ref (past copy, with the lookahead) or the
// earliest one on or after it (future).
func (s spec) pickYear(ref time.Time, opt Options) int {
	ry := ref.Year()
	if s.wday > 0 {
		best, bestDist := 0, 1<<30
		for y := ry - 1; y <= ry+1; y++ {
			if !validDay(y, s.m, s.d) {
				continue
			}
			d := date(y, s.m, s.d)
			if int(d.Weekday()) != s.wday-1 {
				continue
			}
			if dist := abs(int(d.Sub(ref).Hours() / 24)); dist < bestDist {
				best, bestDist = y, dist
			}
		}
		if best != 0 {
			return best
		}
	}
	next := ry
	if !validDay(ry, s.m, s.d) || date(ry, s.m, s.d).Before(ref) {
		next = ry + 1
	}
	prev := ry
	if !validDay(ry, s.m, s.d) || date(ry, s.m, s.d).After(ref) {
		prev = ry - 1
	}
	if opt.Future {
		return next
	}
	if validDay(next, s.m, s.d) && date(next, s.m, s.d).Sub(ref).Hours()/24 <= lookahead {
		return next
	}
	return prev
}

func (s spec) resolveMonth(ref time.Time, opt Options) Window {
	y := s.y
	if y == 0 {
		ry, rm := ref.Year(), int(ref.Month())
		y = ry
		switch {
		case s.hasYrel:
			y = ry + s.yrel
		case s.rel == relLast && s.m >= rm, s.rel == relBare && !opt.Future && s.m > rm:
			y = ry - 1
		case s.rel == relNext && s.m <= rm, s.rel == relBare && opt.Future && s.m < rm:
			y = ry + 1
		}
	}
	return monthPart(y, s.m, s.part)
}

// monthPart narrows a month: early 1-10, mid 8-22, late 21-end.
func monthPart(y, m int, pt part) Window {
	w := monthW(y, m)
	switch pt {
	case pEarly:
		return Window{w.Start, date(y, m, 10), Week}
	case pMid:
		return Window{date(y, m, 8), date(y, m, 22), Week}
	case pLate:
		return Window{date(y, m, 21), w.End, Week}
	}
	return w
}

// yearPart narrows a year to thirds: Jan-Apr, May-Aug, Sep-Dec.
func yearPart(y int, pt part) Window {
	switch pt {
	case pEarly:
		return Window{date(y, 1, 1), date(y, 4, 30), Season}
	case pMid:
		return Window{date(y, 5, 1), date(y, 8, 31), Season}
	case pLate:
		return Window{date(y, 9, 1), date(y, 12, 31), Season}
	}
	return yearW(y)
}

func decadePart(y int, pt part) Window {
	a, b := y, y+9
	switch pt {
	case pEarly:
		b = y + 3
	case pMid:
		a, b = y+3, y+6
	case pLate:
		a = y + 6
	}
	return Window{date(a, 1, 1), date(b, 12, 31), Span}
}

func (s spec) weekday(ref time.Time, opt Options) time.Time {
	wd := time.Weekday(s.wday - 1)
	switch {
	case s.rel == relLast:
		return weekdayOnOrBefore(addDays(ref, -1), wd)
	case s.rel == relNext:
		return weekdayOnOrAfter(addDays(ref, 1), wd)
	case opt.Future:
		return weekdayOnOrAfter(ref, wd)
	}
	return weekdayOnOrBefore(ref, wd)
}

func (s spec) resolveSeason(ref time.Time, opt Options) Window {
	if s.y != 0 {
		return seasonW(s.season, s.y)
	}
	if s.hasYrel {
		return seasonW(s.season, ref.Year()+s.yrel)
	}
	cur := seasonIndex(seasonOf(ref))
	// the latest index <= cur with the wanted season
	back := cur - ((cur-s.season)%4+4)%4
	idx := back
	switch {
	case s.rel == relLast:
		if back == cur {
			idx -= 4
		}
	case s.rel == relNext:
		idx += 4
	case s.rel == relThis:
		y := ref.Year()
		if s.season == winter && ref.Month() <= 2 {
			y--
		}
		idx = seasonIndex(s.season, y)
	case opt.Future && back != cur:
		idx += 4
	}
	ss, y := seasonFromIndex(idx)
	return seasonW(ss, y)
}

func (s spec) resolveHoliday(ref time.Time, opt Options) Window {
	if s.y != 0 {
		return dayW(date(s.y, s.m, s.d))
	}
	d := date(ref.Year(), s.m, s.d)
	switch {
	case s.rel == relLast && !d.Before(ref), s.rel == relBare && !opt.Future && d.After(ref),
		s.rel == relThis && !opt.Future && d.After(ref):
		d = date(ref.Year()-1, s.m, s.d)
	case s.rel == relNext && !d.After(ref), s.rel != relLast && opt.Future && d.Before(ref):
		d = date(ref.Year()+1, s.m, s.d)
	}
	return dayW(d)
}
