package timex

// Rules for counted and fuzzy stretches: "two weeks ago", "a day later",
// "for nearly a year", "in recent months", "earlier this month", "today".

// earlierLater reads "earlier this month", "later this year", "earlier in
// the week", "earlier today", "later that day".
func (p *parser) earlierLater(i int, pt part) (spec, int, bool) {
	j := i + 1
	if p.isPrep(j, kwIn) && p.isKey(j+1, kwThe) {
		j++
	} else if !p.isKey(j, kwThis) {
		switch {
		case p.isKey(j, kwToday):
			return spec{kind: kRelDay}, j + 1, true
		case p.isKey(j, kwThat):
			return p.anchorUnit(j+1, 0, false)
		}
		return spec{}, 0, false
	}
	u, pl, ok := p.unitAt(j + 1)
	if !ok || pl || (u != uWeek && u != uMonth && u != uYear) {
		return spec{}, 0, false
	}
	return spec{kind: kRelUnit, unit: u, rel: relThis, part: pt}, j + 2, true
}

// recentExpr reads "recent days/weeks/months/years": vague stretches up to
// the reference.
func (p *parser) recentExpr(i int) (spec, int, bool) {
	u, pl, ok := p.unitAt(i + 1)
	if !ok || !pl {
		return spec{}, 0, false
	}
	var n int
	switch u {
	case uDay:
		n = 7
	case uWeek, uMonth:
		n = 6
	case uYear:
		n = 5
	case uDecade:
		n = 3
	default:
		return spec{}, 0, false
	}
	return spec{kind: kPast, n: n, unit: u, vague: true}, i + 2, true
}

// relDay reads today, tonight, yesterday, tomorrow, with a part of the day.
func (p *parser) relDay(i int, k kw) (spec, int, bool) {
	if t := p.tk(i); t.upper && p.tk(i-1).upper {
		return spec{}, 0, false // a name in capitals: "USA TODAY"
	}
	off := 0
	switch k {
	case kwYesterday:
		off = -1
	case kwTomorrow:
		off = 1
	}
	j := i + 1
	if k != kwTonight && p.tk(j).cls == cPart {
		j++
	}
	return spec{kind: kRelDay, rel: off}, j, true
}

// countExpr reads "two weeks ago", "a day later", "three days earlier",
// "a week before." and bare "weeks ago", "days later".
func (p *parser) countExpr(i int) (spec, int, bool) {
	n, j, vague, ok := p.count(i)
	if !ok {
		if _, pl, isUnit := p.unitAt(i); isUnit && pl {
			n, j, vague = 3, i, true
		} else {
			return spec{}, 0, false
		}
	}
	u, pl, isUnit := p.unitAt(j)
	if !isUnit || u == uWeekend || (n > 1 && !pl && !vague) || (n == 1 && pl && !vague) {
		return spec{}, 0, false
	}
	j++
	sp := spec{n: n, unit: u, vague: vague}
	switch {
	case p.isKey(j, kwAgo):
		sp.kind = kAgo
	case p.isKey(j, kwLater):
		sp.kind, sp.rel = kAnchor, 1
	case p.isKey(j, kwEarlier):
		sp.kind, sp.rel = kAnchor, -1
	case p.isPrep(j, kwBefore) && p.boundary(j+1):
		sp.kind, sp.rel = kAnchor, -1
	case p.isPrep(j, kwAfter) && p.boundary(j+1):
		sp.kind, sp.rel = kAnchor, 1
	default:
		return spec{}, 0, false
	}
	if sp.kind == kAnchor {
		sp.exact = true
	}
	return sp, j + 1, true
}

// duration reads what follows "for": "nearly a year", "another six
// months", "10 months", "years", "more than a decade".
func (p *parser) duration(i int) (spec, int, bool) {
	j := i
	sp := spec{kind: kDuration}
	switch {
	case p.isKey(j, kwAnother):
		sp.forward = true
		j++
	case p.isKey(j, kwThe) && (p.isKey(j+1, kwNext) || p.isKey(j+1, kwComing)):
		sp.forward = true
		j += 2
	case p.isKey(j, kwApprox) || p.isPrep(j, kwOver):
		sp.vague = true
		j++
	case (p.isKey(j, kwMore) || p.isKey(j, kwLess)) && p.isKey(j+1, kwThan):
		sp.vague = true
		j += 2
	case p.isPrep(j, kwAt) && p.isKey(j+1, kwLeast):
		sp.vague = true
		j += 2
	}
	n, u, e, vague, ok := p.quantityUnit(j)
	if !ok || u == uWeekend || u == uHour && n < 24 {
		return spec{}, 0, false
	}
	if p.isKey(e, kwAgo) || p.isKey(e, kwLater) || p.isKey(e, kwEarlier) {
		return spec{}, 0, false
	}
	sp.n, sp.unit, sp.vague = n, u, sp.vague || vague
	return sp, e, true
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
