package timex

// The word table the scanner looks tokens up in, lower-cased. Only words
// that can start or continue a time expression (or veto one) are listed;
// every other word is skipped after one map lookup.

type wclass uint8

const (
	cNone       wclass = iota
	cMonth             // val 1..12
	cWeekday           // val 0..6 (time.Weekday)
	cNumWord           // val n: "two", "a", "few"
	cOrdWord           // val n: "eighteenth"
	cUnit              // val unit
	cPart              // part of a day: morning, afternoon, evening, night
	cSeason            // val season
	cKey               // val keyword
	cPrep              // val keyword; a preposition that may govern an expression
	cCount             // a noun counted by a number ("2000 soldiers"): vetoes a year reading
	cPress             // a newspaper name word ("Sunday Times")
	cHolyAdj           // an adjective naming a special weekday ("Good Friday", "Super Tuesday")
	cNewYearAdj        // a calendar other than the Gregorian one ("Persian New Year")
)

type unit uint8

const (
	uNone unit = iota
	uHour
	uDay
	uWeek
	uWeekend
	uMonth
	uYear
	uDecade
)

type kw uint8

const (
	kwNone kw = iota
	kwThe
	kwA
	kwThis
	kwThat
	kwLast
	kwNext
	kwPast
	kwPrevious
	kwComing
	kwFollowing
	kwSame
	kwEarly
	kwMid
	kwLate
	kwEarlier
	kwLater
	kwRecent
	kwRecently
	kwAgo
	kwToday
	kwTonight
	kwYesterday
	kwTomorrow
	kwOf
	kwEnd
	kwBeginning
	kwMiddle
	kwNew
	kwEve
	kwChristmas
	kwApprox // nearly, almost, about, around, roughly, some, just, only
	kwMore
	kwLess
	kwThan
	kwLeast
	kwAnother
	kwAnd
	kwOr
	kwFew
	kwSeveral
	kwCouple
	// prepositions (class cPrep)
	kwOn
	kwIn
	kwAt
	kwSince
	kwUntil
	kwThrough
	kwBy
	kwBefore
	kwAfter
	kwDuring
	kwFrom
	kwFor
	kwOver
	kwWithin
	kwThroughout
	kwBetween
)

type lex struct {
	cls    wclass
	val    uint8
	abbr   bool // a month or weekday abbreviation: only valid inside a full date
	plural bool // a plural unit: "weeks"
	amb    bool // a month that is also a common word: May, March, August
}

var lexicon = buildLexicon()

func buildLexicon() map[string]lex {
	m := map[string]lex{}
	months := []string{"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december"}
	for i, w := range months {
		m[w] = lex{cls: cMonth, val: uint8(i + 1), amb: w == "may" || w == "march" || w == "august"}
	}
	for w, v := range map[string]uint8{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
		"aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12} {
		m[w] = lex{cls: cMonth, val: v, abbr: true}
	}
	days := []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}
	for i, w := range days {
		m[w] = lex{cls: cWeekday, val: uint8(i)}
	}
	for w, v := range map[string]uint8{"sun": 0, "mon": 1, "tue": 2, "tues": 2, "wed": 3,
		"thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6} {
		m[w] = lex{cls: cWeekday, val: v, abbr: true}
	}
	nums := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
		"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
		"eighteen", "nineteen", "twenty"}
	for i, w := range nums[1:] {
		m[w] = lex{cls: cNumWord, val: uint8(i + 1)}
	}
	m["thirty"] = lex{cls: cNumWord, val: 30}
	m["forty"] = lex{cls: cNumWord, val: 40}
	m["fifty"] = lex{cls: cNumWord, val: 50}
	m["a"] = lex{cls: cNumWord, val: 1}
	m["an"] = lex{cls: cNumWord, val: 1}
	m["few"] = lex{cls: cKey, val: uint8(kwFew)}
	m["several"] = lex{cls: cKey, val: uint8(kwSeveral)}
	m["couple"] = lex{cls: cKey, val: uint8(kwCouple)}
	ords := []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
		"ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
		"seventeenth", "eighteenth", "nineteenth", "twentieth"}
	for i, w := range ords {
		m[w] = lex{cls: cOrdWord, val: uint8(i + 1)}
		if i < 9 {
			m["twenty-"+w] = lex{cls: cOrdWord, val: uint8(21 + i)}
		}
	}
	m["thirtieth"] = lex{cls: cOrdWord, val: 30}
	m["thirty-first"] = lex{cls: cOrdWord, val: 31}
	for w, u := range map[string]unit{"hour": uHour, "day": uDay, "week": uWeek, "weekend": uWeekend,
		"month": uMonth, "year": uYear, "decade": uDecade} {
		m[w] = lex{cls: cUnit, val: uint8(u)}
		m[w+"s"] = lex{cls: cUnit, val: uint8(u), plural: true}
	}
	for _, w := range []string{"morning", "afternoon", "evening", "night", "overnight"} {
		m[w] = lex{cls: cPart}
	}
	for w, s := range map[string]uint8{"winter": winter, "spring": spring, "summer": summer,
		"autumn": autumn, "fall": autumn} {
		m[w] = lex{cls: cSeason, val: s}
	}
	keys := map[string]kw{"the": kwThe, "this": kwThis, "that": kwThat, "last": kwLast, "next": kwNext,
		"past": kwPast, "previous": kwPrevious, "coming": kwComing, "following": kwFollowing,
		"same": kwSame, "early": kwEarly, "mid": kwMid, "late": kwLate, "earlier": kwEarlier,
		"later": kwLater, "recent": kwRecent, "recently": kwRecently, "ago": kwAgo, "today": kwToday,
		"tonight": kwTonight, "yesterday": kwYesterday, "tomorrow": kwTomorrow, "of": kwOf,
		"end": kwEnd, "beginning": kwBeginning, "start": kwBeginning, "middle": kwMiddle,
		"new": kwNew, "eve": kwEve, "christmas": kwChristmas, "nearly": kwApprox, "almost": kwApprox,
		"about": kwApprox, "around": kwApprox, "roughly": kwApprox, "some": kwApprox, "just": kwApprox,
		"only": kwApprox, "approximately": kwApprox, "more": kwMore, "less": kwLess, "than": kwThan,
		"least": kwLeast, "another": kwAnother, "and": kwAnd, "or": kwOr}
	for w, k := range keys {
		m[w] = lex{cls: cKey, val: uint8(k)}
	}
	preps := map[string]kw{"on": kwOn, "in": kwIn, "at": kwAt, "since": kwSince, "until": kwUntil,
		"till": kwUntil, "through": kwThrough, "by": kwBy, "before": kwBefore, "after": kwAfter,
		"during": kwDuring, "from": kwFrom, "for": kwFor, "over": kwOver, "within": kwWithin,
		"throughout": kwThroughout, "between": kwBetween}
	for w, k := range preps {
		m[w] = lex{cls: cPrep, val: uint8(k)}
	}
	for _, w := range []string{"people", "persons", "soldiers", "troops", "men", "women", "children",
		"civilians", "fighters", "militants", "protesters", "demonstrators", "deaths", "casualties",
		"refugees", "families", "homes", "houses", "buildings",
		"rockets", "missiles", "drones", "shells", "rounds", "times", "km", "kilometers", "kilometres",
		"miles", "meters", "metres", "feet", "tons", "tonnes", "dollars", "euros", "pounds", "barrels",
		"members", "police", "policemen", "officers", "prisoners", "detainees", "students", "workers",
		"votes", "seats", "cases", "acres", "hectares", "hours", "minutes", "seconds", "vehicles",
		"tanks", "jobs", "words", "pages", "units", "points", "per", "percent", "%"} {
		if _, ok := m[w]; !ok {
			m[w] = lex{cls: cCount}
		}
	}
	for _, w := range []string{"times", "telegraph", "express", "mirror", "herald", "mail", "post",
		"independent", "star", "tribune", "observer", "sport", "people", "world", "edition", "magazine"} {
		if l, ok := m[w]; !ok || l.cls == cCount {
			m[w] = lex{cls: cPress}
		}
	}
	for _, w := range []string{"good", "black", "bloody", "super", "ash", "palm", "holy", "easter",
		"cyber", "maundy", "shrove", "great", "blue"} {
		m[w] = lex{cls: cHolyAdj}
	}
	for _, w := range []string{"persian", "chinese", "lunar", "jewish", "iranian", "kurdish",
		"islamic", "hijri", "vietnamese", "orthodox", "tamil", "thai", "ethiopian", "coptic", "hebrew"} {
		m[w] = lex{cls: cNewYearAdj}
	}
	return m
}
