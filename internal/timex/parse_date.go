package timex

// Rules for calendar names: months, weekdays, numbers and years, seasons,
// holidays.

// monthExpr reads "March 3, 2015", "March 3rd", "March 2023", "March of
// 2023", "July last year", "mid-September" and a bare "September". ctx says
// a preposition or modifier came before: an ambiguous name (May, March,
// August) is a month only then or when a day or year follows.
func (p *parser) monthExpr(i int, ctx bool) (spec, int, bool) {
	t := p.tk(i)
	if !t.mid && !t.capital {
		return spec{}, 0, false
	}
	m := int(t.val)
	j := i + 1
	if t.abbr && p.isPunct(j, '.') {
		j++
	}
	pt := pWhole
	if t.mid {
		pt = pMid
	}
	if d, ok := p.dayAt(j); ok && !t.mid && validDay(0, m, d) {
		k := j + 1
		kk := k
		if p.isPunct(kk, ',') {
			kk++
		}
		if y, ok := p.yearAt(kk); ok && validDay(y, m, d) {
			return spec{kind: kDate, y: y, m: m, d: d}, kk + 1, true
		}
		if r, e, ok := p.yearRel(k); ok {
			return spec{kind: kDate, m: m, d: d, hasYrel: true, yrel: r}, e, true
		}
		return spec{kind: kDate, m: m, d: d}, k, true
	}
	k := j
	if p.isKey(k, kwOf) || p.isPunct(k, ',') {
		k++
	}
	if y, ok := p.yearAt(k); ok {
		return spec{kind: kMonth, y: y, m: m, part: pt}, k + 1, true
	}
	if t.abbr {
		return spec{}, 0, false
	}
	if r, e, ok := p.yearRel(j); ok {
		return spec{kind: kMonth, m: m, part: pt, hasYrel: true, yrel: r}, e, true
	}
	if t.amb && !ctx && !t.mid {
		return spec{}, 0, false
	}
	return spec{kind: kMonth, m: m, rel: relBare, part: pt}, j, true
}

// weekdayExpr reads "Tuesday", "Tuesday night", "Wed, Feb 25, 2015",
// "Saturday, July 26". It refuses "the Sunday Times", "Good Friday",
// "Super Tuesday".
func (p *parser) weekdayExpr(i int, prep kw) (spec, int, bool) {
	t := p.tk(i)
	if !t.capital {
		return spec{}, 0, false
	}
	wd := int(t.val)
	j := i + 1
	if t.abbr && p.isPunct(j, '.') {
		j++
	}
	if !t.poss {
		jj := j
		if p.isPunct(jj, ',') {
			jj++
		}
		if sp, e, ok := p.fullDate(jj); ok {
			sp.wday = wd + 1
			return sp, e, true
		}
	}
	if t.abbr {
		return spec{}, 0, false
	}
	prev, next := p.tk(i-1), p.tk(j)
	if prev.cls == cHolyAdj && prev.capital {
		return spec{}, 0, false
	}
	if !t.poss && next.kind == tWord && next.capital && !next.upper {
		if next.cls == cPress {
			return spec{}, 0, false
		}
		if prep == kwNone && (prev.cls == cKey && kw(prev.val) == kwThe || prev.cls == cNumWord) && next.cls != cMonth {
			return spec{}, 0, false // "the Sunday Telegraph", "a Friday Prayer Leader"
		}
	}
	if !t.poss && next.cls == cPart {
		j++
	}
	return spec{kind: kWeekday, wday: wd + 1, rel: relBare}, j, true
}

// fullDate reads a day-level date at i: "Feb 25, 2015", "25 February".
func (p *parser) fullDate(i int) (spec, int, bool) {
	t := p.tk(i)
	var sp spec
	var e int
	var ok bool
	switch {
	case t.cls == cMonth:
		sp, e, ok = p.monthExpr(i, true)
	case t.kind == tNum:
		sp, e, ok = p.numExpr(i, kwOn)
	}
	if ok && sp.kind == kDate {
		return sp, e, true
	}
	return spec{}, 0, false
}

// numExpr reads tokens starting with digits: 2016-05-20, 2015-16, the
// 1990s, mid-2014, "26 February 2017", "the 30th of April", "in 2014", and
// counts ("two weeks ago" with digits).
func (p *parser) numExpr(i int, prep kw) (spec, int, bool) {
	t := p.tk(i)
	if t.mid {
		if t.shape == nDecade && t.num%10 == 0 {
			return spec{kind: kDecade, y: t.num, part: pMid}, i + 1, true
		}
		if t.num >= 1800 && t.num <= 2199 {
			return spec{kind: kYear, y: t.num, part: pMid}, i + 1, true
		}
		return spec{}, 0, false
	}
	switch t.shape {
	case nISO:
		if t.num >= 1800 && t.num <= 2199 && validDay(t.num, t.m, t.d) {
			return spec{kind: kDate, y: t.num, m: t.m, d: t.d}, i + 1, true
		}
	case nYearRng:
		if t.num >= 1800 && t.num <= 2199 {
			return spec{kind: kYearSpan, y: t.num, y2: t.d}, i + 1, true
		}
	case nDecade:
		if t.num%10 == 0 && t.num >= 1800 && t.num <= 2190 {
			return spec{kind: kDecade, y: t.num}, i + 1, true
		}
	case nOrd, nPlain:
		if sp, e, ok := p.dayMonth(i); ok {
			return sp, e, true
		}
		if t.shape == nPlain && t.ndig == 4 && p.yearContext(i, prep) {
			return spec{kind: kYear, y: t.num}, i + 1, true
		}
		if t.shape == nPlain {
			return p.countExpr(i)
		}
	}
	return spec{}, 0, false
}

// dayMonth reads "26 February 2017", "30 Apr", "the 30th of April".
func (p *parser) dayMonth(i int) (spec, int, bool) {
	t := p.tk(i)
	if t.ndig > 2 || t.num < 1 || t.num > 31 {
		return spec{}, 0, false
	}
	j := i + 1
	if p.isKey(j, kwOf) {
		j++
	}
	mt := p.tk(j)
	if mt.cls != cMonth || !mt.capital || mt.mid {
		return spec{}, 0, false
	}
	m, d := int(mt.val), t.num
	if !validDay(0, m, d) {
		return spec{}, 0, false
	}
	k := j + 1
	if mt.abbr && p.isPunct(k, '.') {
		k++
	}
	kk := k
	if p.isPunct(kk, ',') {
		kk++
	}
	if y, ok := p.yearAt(kk); ok && validDay(y, m, d) {
		return spec{kind: kDate, y: y, m: m, d: d}, kk + 1, true
	}
	if r, e, ok := p.yearRel(k); ok {
		return spec{kind: kDate, m: m, d: d, hasYrel: true, yrel: r}, e, true
	}
	return spec{kind: kDate, m: m, d: d}, k, true
}

// yearContext decides whether a four-digit number is a year: "in 2014",
// "the 2003 invasion", but not "some 2000 soldiers" or "$2014".
func (p *parser) yearContext(i int, prep kw) bool {
	t := p.tk(i)
	if t.num < 1800 || t.num > 2199 {
		return false
	}
	prev, next := p.tk(i-1), p.tk(i+1)
	if prev.kind == tPunct {
		switch prev.punct {
		case '$', '€', '£', '#', '+', '-', '/', '.', ':':
			return false
		}
	}
	if next.kind == tPunct && (next.punct == '%' || next.punct == ':') {
		return false
	}
	strong := false // prepositions that take a year but not a count: "in 2014", not "over 2000"
	switch prep {
	case kwIn, kwSince, kwUntil, kwThrough, kwBy, kwBefore, kwAfter, kwDuring, kwFrom, kwThroughout, kwBetween:
		strong = true
	case kwNone:
		if prev.cls == cPrep {
			return false // the preposition was tried first and refused it
		}
	default:
		return false
	}
	if next.kind == tNum {
		return false
	}
	if next.cls == cUnit && next.lowerW {
		return false // "2014 years"
	}
	if next.countNoun() {
		return strong
	}
	if strong {
		return true
	}
	if prev.cls == cKey {
		switch kw(prev.val) {
		case kwApprox, kwThan, kwLeast, kwMore, kwLess:
			return false
		}
	}
	return prev.kind != tNum
}

// seasonExpr reads "summer 2014", "the spring of 2011", "winter last year",
// and, when ctx (a preposition or modifier) licenses it, a bare season.
func (p *parser) seasonExpr(i int, ctx bool) (spec, int, bool) {
	t := p.tk(i)
	if t.capital && !t.upper {
		if prev := p.tk(i - 1); prev.kind == tWord && prev.capital && prev.cls == cNone {
			return spec{}, 0, false // "Arab Spring"
		}
	}
	s := int(t.val)
	k := i + 1
	if p.isKey(k, kwOf) {
		if y, ok := p.yearAt(k + 1); ok {
			return spec{kind: kSeason, season: s, y: y}, k + 2, true
		}
		return spec{}, 0, false // "the fall of Mosul"
	}
	if y, ok := p.yearAt(k); ok {
		return spec{kind: kSeason, season: s, y: y}, k + 1, true
	}
	if r, e, ok := p.yearRel(k); ok {
		return spec{kind: kSeason, season: s, hasYrel: true, yrel: r}, e, true
	}
	if !ctx {
		return spec{}, 0, false
	}
	return spec{kind: kSeason, season: s, rel: relBare}, k, true
}

// newYear reads "New Year's Eve", "New Year's Day", "New Year's".
func (p *parser) newYear(i int) (spec, int, bool) {
	t := p.tk(i)
	y := p.tk(i + 1)
	if !t.capital || y.cls != cUnit || unit(y.val) != uYear || y.plural || !y.capital {
		return spec{}, 0, false
	}
	if prev := p.tk(i - 1); prev.cls == cNewYearAdj {
		return spec{}, 0, false // "Persian New Year"
	}
	j := i + 2
	if p.isKey(j, kwEve) && p.tk(j).capital {
		return spec{kind: kHoliday, m: 12, d: 31, rel: relBare}, j + 1, true
	}
	if u, pl, ok := p.unitAt(j); ok && u == uDay && !pl && p.tk(j).capital {
		j++
	}
	return spec{kind: kHoliday, m: 1, d: 1, rel: relBare}, j, true
}

// christmas reads "Christmas Eve", "Christmas Day", and "Christmas" after a
// preposition ("over Christmas"), not "Christmas trees".
func (p *parser) christmas(i int, prep kw) (spec, int, bool) {
	if !p.tk(i).capital {
		return spec{}, 0, false
	}
	j := i + 1
	if p.isKey(j, kwEve) && p.tk(j).capital {
		return spec{kind: kHoliday, m: 12, d: 24, rel: relBare}, j + 1, true
	}
	if u, pl, ok := p.unitAt(j); ok && u == uDay && !pl && p.tk(j).capital {
		return spec{kind: kHoliday, m: 12, d: 25, rel: relBare}, j + 1, true
	}
	if prep == kwNone && !p.prevContext(i) {
		return spec{}, 0, false
	}
	return spec{kind: kHoliday, m: 12, d: 25, rel: relBare}, j, true
}
