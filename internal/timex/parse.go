package timex

// The parser is a set of small recursive-descent rules over tokens. Every
// rule takes the index of its first token and returns the spec, the index
// after its last token and whether it matched; none of them allocates.

type parser struct {
	text string
	t    []token
	zero token // returned for indices out of range
}

type match struct {
	sp   spec
	end  int
	prep string
}

func (p *parser) tk(i int) *token {
	if i < 0 || i >= len(p.t) {
		return &p.zero
	}
	return &p.t[i]
}

func (p *parser) isKey(i int, k kw) bool {
	t := p.tk(i)
	return t.cls == cKey && kw(t.val) == k
}

func (p *parser) isPrep(i int, k kw) bool {
	t := p.tk(i)
	return t.cls == cPrep && kw(t.val) == k
}

func (p *parser) isPunct(i int, r rune) bool {
	t := p.tk(i)
	return t.kind == tPunct && t.punct == r
}

// boundary reports whether the phrase ends at i, so that a trailing
// "before"/"after" has no object of its own: "the night before." and "two
// days later, ..." but not "the day before the vote" or "three days after
// she was filmed".
func (p *parser) boundary(i int) bool {
	t := p.tk(i)
	switch {
	case t.kind == 0 || t.kind == tPunct:
		return true
	case t.cls == cPrep:
		return true
	case t.cls == cKey && (kw(t.val) == kwAnd || kw(t.val) == kwOr):
		return true
	}
	return false
}

// unitAt returns the unit word at i.
func (p *parser) unitAt(i int) (u unit, plural, ok bool) {
	t := p.tk(i)
	if t.cls != cUnit {
		return 0, false, false
	}
	return unit(t.val), t.plural, true
}

// yearAt reads a plain four-digit year.
func (p *parser) yearAt(i int) (int, bool) {
	t := p.tk(i)
	if t.kind == tNum && t.shape == nPlain && t.ndig == 4 && !t.mid && t.num >= 1800 && t.num <= 2199 {
		return t.num, true
	}
	return 0, false
}

// dayAt reads a day of the month: 3, 03, 3rd, Eighteenth.
func (p *parser) dayAt(i int) (int, bool) {
	t := p.tk(i)
	switch {
	case t.kind == tNum && (t.shape == nPlain || t.shape == nOrd) && t.ndig <= 2 && t.num >= 1 && t.num <= 31:
		n := p.tk(i + 1)
		if n.kind == tPunct && n.punct == ':' || n.cls == cUnit || n.countNoun() {
			return 0, false // "March 3:00", "in June 12 people died"
		}
		return t.num, true
	case t.cls == cOrdWord:
		return int(t.val), true
	}
	return 0, false
}

// yearRel reads "last year", "this year", "next year", optionally after "of".
func (p *parser) yearRel(i int) (rel, end int, ok bool) {
	if p.isKey(i, kwOf) {
		i++
	}
	t := p.tk(i)
	if t.cls != cKey {
		return 0, 0, false
	}
	switch kw(t.val) {
	case kwLast:
		rel = -1
	case kwThis:
		rel = 0
	case kwNext:
		rel = 1
	default:
		return 0, 0, false
	}
	if u, pl, ok := p.unitAt(i + 1); ok && u == uYear && !pl {
		return rel, i + 2, true
	}
	return 0, 0, false
}

// count reads a quantity: 3, two, a, a few, a couple of, several.
func (p *parser) count(i int) (n, end int, vague, ok bool) {
	t := p.tk(i)
	switch {
	case t.kind == tNum && t.shape == nPlain && t.ndig <= 3 && t.num > 0:
		return t.num, i + 1, false, true
	case t.cls == cNumWord:
		if t.val == 1 && p.isKey(i+1, kwFew) {
			return 3, i + 2, true, true
		}
		if t.val == 1 && p.isKey(i+1, kwCouple) {
			if p.isKey(i+2, kwOf) {
				return 2, i + 3, true, true
			}
			return 2, i + 2, true, true
		}
		return int(t.val), i + 1, false, true
	case t.cls == cKey && kw(t.val) == kwFew:
		return 3, i + 1, true, true
	case t.cls == cKey && kw(t.val) == kwSeveral:
		return 4, i + 1, true, true
	}
	return 0, 0, false, false
}

// at tries an expression starting at token i, with its preposition.
func (p *parser) at(i int) (match, bool) {
	t := p.tk(i)
	if t.cls == cPrep {
		k := kw(t.val)
		if k == kwFor {
			if sp, e, ok := p.duration(i + 1); ok {
				return match{sp, e, "for"}, true
			}
		}
		if sp, e, ok := p.core(i+1, k); ok {
			return match{sp, e, prepName(k)}, true
		}
		return match{}, false
	}
	sp, e, ok := p.core(i, kwNone)
	return match{sp: sp, end: e}, ok
}

// core dispatches on the first token of an expression. prep is the
// preposition before it, if any: it licenses readings a bare word does not
// ("in May" is a month, "Iran may" is not).
func (p *parser) core(i int, prep kw) (spec, int, bool) {
	t := p.tk(i)
	switch t.cls {
	case cMonth:
		return p.monthExpr(i, prep != kwNone || p.prevContext(i))
	case cWeekday:
		return p.weekdayExpr(i, prep)
	case cNumWord, cUnit:
		return p.countExpr(i)
	case cSeason:
		return p.seasonExpr(i, prep != kwNone)
	case cKey:
		return p.keyExpr(i, kw(t.val), prep)
	}
	if t.kind == tNum {
		return p.numExpr(i, prep)
	}
	return spec{}, 0, false
}

func (p *parser) keyExpr(i int, k kw, prep kw) (spec, int, bool) {
	switch k {
	case kwThe:
		return p.theExpr(i, prep)
	case kwThis:
		if p.isKey(i+1, kwPast) {
			return p.relExpr(i+2, relLast)
		}
		return p.relExpr(i+1, relThis)
	case kwLast:
		return p.relExpr(i+1, relLast)
	case kwNext:
		return p.relExpr(i+1, relNext)
	case kwComing:
		return p.aheadN(i+1, prep, false)
	case kwThat:
		return p.anchorUnit(i+1, 0, false)
	case kwEarly:
		return p.partExpr(i, pEarly)
	case kwMid:
		return p.partExpr(i, pMid)
	case kwLate:
		return p.partExpr(i, pLate)
	case kwEarlier:
		return p.earlierLater(i, pEarlier)
	case kwLater:
		return p.earlierLater(i, pLater)
	case kwRecent:
		return p.recentExpr(i)
	case kwRecently:
		return spec{kind: kPast, n: 1, unit: uMonth, vague: true}, i + 1, true
	case kwToday, kwTonight, kwYesterday, kwTomorrow:
		return p.relDay(i, k)
	case kwNew:
		return p.newYear(i)
	case kwChristmas:
		return p.christmas(i, prep)
	case kwFew, kwSeveral:
		return p.countExpr(i)
	case kwApprox, kwLeast:
		return p.qualified(i + 1)
	case kwEnd, kwBeginning, kwMiddle:
		if p.isKey(i+1, kwOf) && !p.isKey(i+2, kwThe) {
			return p.partOf(i+2, edgePart(k))
		}
	case kwMore, kwLess:
		if p.isKey(i+1, kwThan) {
			sp, e, ok := p.qualified(i + 2)
			if ok && k == kwLess && sp.kind == kAgo && !sp.vague {
				sp.within, sp.approx = true, false // "less than three weeks ago": some day since then
			}
			return sp, e, ok
		}
	}
	return spec{}, 0, false
}

// qualified reads "nearly two weeks ago", "more than a year ago".
func (p *parser) qualified(i int) (spec, int, bool) {
	if sp, e, ok := p.countExpr(i); ok && (sp.kind == kAgo || sp.kind == kAnchor) {
		sp.approx = true
		return sp, e, true
	}
	return spec{}, 0, false
}

// prevContext reports whether the word before i makes an ambiguous month
// name a month: "the events of March", "late May".
func (p *parser) prevContext(i int) bool {
	t := p.tk(i - 1)
	if t.cls == cPrep {
		return true
	}
	if t.cls == cKey {
		switch kw(t.val) {
		case kwOf, kwLast, kwNext, kwThis, kwEarly, kwMid, kwLate, kwPast, kwBeginning, kwEnd, kwMiddle:
			return true
		}
	}
	return false
}

func prepName(k kw) string {
	switch k {
	case kwOn:
		return "on"
	case kwIn:
		return "in"
	case kwAt:
		return "at"
	case kwSince:
		return "since"
	case kwUntil:
		return "until"
	case kwThrough:
		return "through"
	case kwBy:
		return "by"
	case kwBefore:
		return "before"
	case kwAfter:
		return "after"
	case kwDuring:
		return "during"
	case kwFrom:
		return "from"
	case kwFor:
		return "for"
	case kwOver:
		return "over"
	case kwWithin:
		return "within"
	case kwThroughout:
		return "throughout"
	case kwBetween:
		return "between"
	}
	return ""
}

// edgePart maps end/beginning/middle to the part they name.
func edgePart(k kw) part {
	switch k {
	case kwEnd:
		return pLate
	case kwBeginning:
		return pEarly
	}
	return pMid
}
