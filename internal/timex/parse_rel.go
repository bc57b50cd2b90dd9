package timex

// Rules for relative expressions: last/this/next, the past/coming N units,
// N units ago, anchored phrases, parts (early/mid/late), durations.

// theExpr reads expressions opening with "the".
func (p *parser) theExpr(i int, prep kw) (spec, int, bool) {
	j := i + 1
	nx := p.tk(j)
	switch {
	case p.isKey(j, kwPast) || p.isKey(j, kwLast):
		return p.pastN(j + 1)
	case p.isKey(j, kwNext):
		return p.aheadN(j+1, prep, true)
	case p.isKey(j, kwComing):
		return p.aheadN(j+1, prep, false)
	case p.isKey(j, kwFollowing):
		return p.anchorUnit(j+1, 1, true)
	case p.isKey(j, kwPrevious):
		return p.anchorUnit(j+1, -1, true)
	case p.isKey(j, kwSame):
		return p.anchorUnit(j+1, 0, false)
	case nx.cls == cUnit && !nx.plural && unit(nx.val) == uWeekend:
		return spec{kind: kRelUnit, unit: uWeekend, rel: relThis}, j + 1, true
	case nx.cls == cUnit && !nx.plural || nx.cls == cPart:
		return p.beforeAfter(j)
	case p.isKey(j, kwEnd) && p.isKey(j+1, kwOf):
		return p.partOf(j+2, pLate)
	case p.isKey(j, kwBeginning) && p.isKey(j+1, kwOf):
		return p.partOf(j+2, pEarly)
	case p.isKey(j, kwMiddle) && p.isKey(j+1, kwOf):
		return p.partOf(j+2, pMid)
	case nx.kind == tNum && nx.shape == nDecade:
		return p.numExpr(j, kwOf)
	case p.isKey(j, kwEarly) || p.isKey(j, kwLate) || p.isKey(j, kwMid):
		if d := p.tk(j + 1); d.kind == tNum && d.shape == nDecade {
			return p.partExpr(j, partOfKey(kw(p.tk(j).val)))
		}
	case nx.cls == cSeason:
		return p.seasonExpr(j, prep != kwNone)
	case nx.kind == tNum:
		if sp, e, ok := p.dayMonth(j); ok {
			return sp, e, true
		}
	}
	return spec{}, 0, false
}

// beforeAfter reads "the day before", "the night before", "the week after"
// when nothing follows the preposition (else it is "the day before the vote").
func (p *parser) beforeAfter(j int) (spec, int, bool) {
	u := uDay
	if t := p.tk(j); t.cls == cUnit {
		u = unit(t.val)
	}
	if u == uHour || u == uDecade {
		return spec{}, 0, false
	}
	switch {
	case u == uDay && p.isPrep(j+1, kwAfter) && p.isKey(j+2, kwTomorrow):
		return spec{kind: kRelDay, rel: 2}, j + 3, true
	case u == uDay && p.isPrep(j+1, kwBefore) && p.isKey(j+2, kwYesterday):
		return spec{kind: kRelDay, rel: -2}, j + 3, true
	case p.isPrep(j+1, kwBefore) && p.boundary(j+2):
		return spec{kind: kAnchor, unit: u, n: 1, rel: -1}, j + 2, true
	case p.isPrep(j+1, kwAfter) && p.boundary(j+2):
		return spec{kind: kAnchor, unit: u, n: 1, rel: 1}, j + 2, true
	}
	return spec{}, 0, false
}

// pastN reads what follows "the past"/"the last": "week", "two years",
// "few months".
func (p *parser) pastN(j int) (spec, int, bool) {
	n, u, e, vague, ok := p.quantityUnit(j)
	if !ok || u == uWeekend || p.isKey(e, kwOf) {
		return spec{}, 0, false // "the last week of March"
	}
	return spec{kind: kPast, n: n, unit: u, vague: vague}, e, true
}

// aheadN reads what follows "the next"/"the coming"/"coming": "two weeks",
// "days". A singular unit after "the next" is anchored ("the next day"),
// unless a preposition makes it a stretch ahead of the reference ("over
// the next week").
func (p *parser) aheadN(j int, prep kw, next bool) (spec, int, bool) {
	if next {
		if t := p.tk(j); t.cls == cWeekday && t.capital && !t.abbr {
			return spec{kind: kAnchorWday, wday: int(t.val) + 1, rel: 1}, j + 1, true
		}
		if t := p.tk(j); t.cls == cPart {
			return spec{kind: kAnchor, unit: uDay, n: 1, rel: 1}, j + 1, true
		}
	}
	n, u, e, vague, ok := p.quantityUnit(j)
	if !ok || u == uWeekend || p.isKey(e, kwOf) {
		return spec{}, 0, false
	}
	_, plural, _ := p.unitAt(e - 1)
	stretch := plural || e-j > 1
	switch prep {
	case kwOver, kwIn, kwWithin, kwDuring, kwThroughout, kwFor:
		stretch = true
	}
	if next && !stretch {
		return spec{kind: kAnchor, unit: u, n: 1, rel: 1}, e, true
	}
	return spec{kind: kComing, n: n, unit: u, vague: vague}, e, true
}

// quantityUnit reads an optional count and a unit: "week", "two weeks",
// "few months", "24 hours".
func (p *parser) quantityUnit(j int) (n int, u unit, end int, vague, ok bool) {
	n, k, vague, counted := p.count(j)
	if !counted {
		k = j
	}
	u, plural, isUnit := p.unitAt(k)
	switch {
	case !isUnit:
		return 0, 0, 0, false, false
	case !counted && plural:
		return 3, u, k + 1, true, true // "the past weeks", "coming days"
	case !counted:
		return 1, u, k + 1, false, true
	case vague && !plural, !vague && (n == 1) == plural:
		return 0, 0, 0, false, false // "a few week", "two week", "a weeks"
	}
	return n, u, k + 1, vague, true
}

// anchorUnit reads the unit after "the following", "the previous", "the
// same", "that": relative to the previous expression.
func (p *parser) anchorUnit(j, rel int, weekday bool) (spec, int, bool) {
	t := p.tk(j)
	switch {
	case t.cls == cUnit && !t.plural && unit(t.val) != uHour:
		return spec{kind: kAnchor, unit: unit(t.val), n: abs(rel), rel: rel}, j + 1, true
	case t.cls == cPart:
		return spec{kind: kAnchor, unit: uDay, n: abs(rel), rel: rel}, j + 1, true
	case weekday && rel != 0 && t.cls == cWeekday && t.capital && !t.abbr:
		return spec{kind: kAnchorWday, wday: int(t.val) + 1, rel: rel}, j + 1, true
	}
	return spec{}, 0, false
}

// relExpr reads what follows "last", "this", "next" (and "this past").
func (p *parser) relExpr(j, rel int) (spec, int, bool) {
	t := p.tk(j)
	switch t.cls {
	case cUnit:
		u := unit(t.val)
		if t.plural {
			if rel == relLast {
				return p.pastN(j)
			}
			if rel == relNext {
				return p.aheadN(j, kwOver, false)
			}
			return spec{}, 0, false
		}
		if u == uHour || u == uDay {
			return spec{}, 0, false
		}
		return spec{kind: kRelUnit, unit: u, rel: rel}, j + 1, true
	case cPart:
		if rel == relThis {
			return spec{kind: kRelDay, rel: 0}, j + 1, true
		}
		if rel == relLast {
			return spec{kind: kRelDay, rel: -1}, j + 1, true
		}
	case cWeekday, cMonth, cSeason:
		var sp spec
		var e int
		var ok bool
		switch t.cls {
		case cWeekday:
			sp, e, ok = p.weekdayExpr(j, kwOn)
		case cMonth:
			sp, e, ok = p.monthExpr(j, true)
		default:
			sp, e, ok = p.seasonExpr(j, true)
		}
		if ok && sp.rel == relBare {
			sp.rel = rel
		}
		return sp, e, ok
	case cNumWord:
		if rel == relLast {
			return p.pastN(j)
		}
		if rel == relNext {
			return p.aheadN(j, kwOver, false)
		}
	case cKey:
		var sp spec
		var e int
		var ok bool
		switch kw(t.val) {
		case kwChristmas:
			sp, e, ok = p.christmas(j, kwOn)
		case kwNew:
			sp, e, ok = p.newYear(j)
		case kwFew, kwSeveral:
			if rel == relLast {
				return p.pastN(j)
			}
		}
		if ok {
			sp.rel = rel
		}
		return sp, e, ok
	}
	if t.kind == tNum && rel == relLast {
		return p.pastN(j)
	}
	return spec{}, 0, false
}

// partExpr reads "early August", "mid-2014", "late last month", "late
// Tuesday", "early on Sunday", "the late 1990s" (from "late").
func (p *parser) partExpr(i int, pt part) (spec, int, bool) {
	j := i + 1
	if p.isPrep(j, kwOn) && p.tk(j+1).cls == cWeekday {
		j++
	}
	t := p.tk(j)
	var sp spec
	var e int
	var ok bool
	switch {
	case t.cls == cWeekday:
		return p.weekdayExpr(j, kwOn)
	case t.cls == cMonth && !t.mid:
		sp, e, ok = p.monthExpr(j, true)
	case t.kind == tNum && !t.mid:
		sp, e, ok = p.numExpr(j, kwIn)
	case t.cls == cSeason:
		return p.seasonExpr(j, true)
	case p.isKey(j, kwLast):
		sp, e, ok = p.relExpr(j+1, relLast)
	case p.isKey(j, kwThis):
		sp, e, ok = p.relExpr(j+1, relThis)
	case p.isKey(j, kwNext):
		sp, e, ok = p.relExpr(j+1, relNext)
	}
	if !ok {
		return spec{}, 0, false
	}
	switch sp.kind {
	case kMonth, kYear, kDecade:
		sp.part = pt
	case kRelUnit:
		if sp.unit == uWeekend {
			return spec{}, 0, false
		}
		sp.part = pt
	case kDate:
	default:
		return spec{}, 0, false
	}
	return sp, e, true
}

// partOf reads what follows "the end of", "the beginning of", "the middle
// of": a month, a year, "the month", "last year".
func (p *parser) partOf(j int, pt part) (spec, int, bool) {
	if p.isKey(j, kwThe) {
		if u, pl, ok := p.unitAt(j + 1); ok && !pl && (u == uWeek || u == uMonth || u == uYear) {
			return spec{kind: kRelUnit, unit: u, rel: relThis, part: pt}, j + 2, true
		}
		return spec{}, 0, false
	}
	return p.partExpr(j-1, pt)
}

func partOfKey(k kw) part {
	switch k {
	case kwEarly:
		return pEarly
	case kwMid:
		return pMid
	}
	return pLate
}
