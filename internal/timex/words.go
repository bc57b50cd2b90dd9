package timex

import "strconv"

// Count returns the number a lower-case word counts ("three", "a", "12"),
// as the phrases Find reads count them.
func Count(w string) (int, bool) {
	if n, err := strconv.Atoi(w); err == nil {
		return n, n > 0
	}
	if l, ok := lexicon[w]; ok && l.cls == cNumWord {
		return int(l.val), true
	}
	return 0, false
}

// UnitDays returns the days of a lower-case day or week unit ("days",
// "week"); longer units have no fixed length in days.
func UnitDays(w string) (int, bool) {
	if l, ok := lexicon[w]; ok && l.cls == cUnit {
		switch unit(l.val) {
		case uDay:
			return 1, true
		case uWeek:
			return 7, true
		}
	}
	return 0, false
}

// OpensDate reports a lower-case word that opens a date: a number, a month,
// a weekday or a relative day ("three days after Christmas", "after May 3").
func OpensDate(w string) bool {
	if _, err := strconv.Atoi(w); err == nil {
		return true
	}
	l, ok := lexicon[w]
	if !ok {
		return false
	}
	switch l.cls {
	case cMonth, cWeekday:
		return true
	case cKey:
		switch kw(l.val) {
		case kwToday, kwYesterday, kwTomorrow, kwChristmas:
			return true
		}
	}
	return false
}
