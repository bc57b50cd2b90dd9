package timex

// Digit tokens: years, days, ISO dates, year ranges, decades.

// parseDigits reads an all-digit word, optionally ending in "s" (a decade).
func parseDigits(b []byte) (v int, shape uint8, ok bool) {
	if len(b) == 0 || len(b) > 6 {
		return 0, 0, false
	}
	shape = nPlain
	if b[len(b)-1] == 's' {
		b, shape = b[:len(b)-1], nDecade
	}
	for _, c := range b {
		if !isDigit(c) {
			return 0, 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, shape, len(b) > 0
}

// scanNumber reads a digit token: 2014, 3rd, 1990s, 2016-05-20, 2015-16,
// 5,000 and 1.5 (the last two never dates).
func scanNumber(text string, i int) (int, token) {
	t := token{s: i, kind: tNum}
	j := i
	for j < len(text) && isDigit(text[j]) {
		t.num = t.num*10 + int(text[j]-'0')
		if t.num > 1e7 {
			t.num = 1e7
		}
		j++
	}
	t.ndig = j - i
	// thousands separators and decimals
	for j+1 < len(text) && (text[j] == ',' || text[j] == '.') && isDigit(text[j+1]) {
		k := j + 1
		for k < len(text) && isDigit(text[k]) {
			k++
		}
		if text[j] == ',' && k-j-1 != 3 {
			break // "July 8,2014" is not a thousands group
		}
		t.shape, j = nOther, k
	}
	if t.shape == nOther {
		return endNumber(text, j, t)
	}
	// ISO dates and year ranges
	if t.ndig == 4 && j+2 < len(text) && (text[j] == '-' || text[j] == '/') && isDigit(text[j+1]) {
		if k, m, d, ok := isoTail(text, j); ok {
			t.shape, t.m, t.d = nISO, m, d
			return endNumber(text, k, t)
		}
		if k, y2, ok := rangeTail(text, j, t.num); ok {
			t.shape, t.d = nYearRng, y2
			return endNumber(text, k, t)
		}
	}
	// suffixes: 3rd, 1990s, 8am, 12-hour
	k := j
	for k < len(text) && isASCIILetter(text[k]) {
		k++
	}
	if k > j {
		suf := text[j:k]
		switch {
		case t.ndig <= 2 && (eqFold(suf, "st") || eqFold(suf, "nd") || eqFold(suf, "rd") || eqFold(suf, "th")):
			t.shape = nOrd
		case t.ndig == 4 && suf == "s":
			t.shape = nDecade
		default:
			t.shape = nOther
		}
		j = k
	}
	return endNumber(text, j, t)
}

// endNumber swallows a glued hyphenated tail ("12-hour", "18th-century"),
// which makes the token no date.
func endNumber(text string, j int, t token) (int, token) {
	if j+1 < len(text) && text[j] == '-' && (isASCIILetter(text[j+1]) || isDigit(text[j+1])) {
		for j < len(text) && (text[j] == '-' || isASCIILetter(text[j]) || isDigit(text[j])) {
			j++
		}
		t.shape = nOther
	}
	t.e = j
	return j, t
}

// isoTail parses "-05-20" or "/05/20" after a four-digit year.
func isoTail(text string, j int) (k, m, d int, ok bool) {
	sep := text[j]
	if j+6 > len(text) {
		return 0, 0, 0, false
	}
	if !isDigit(text[j+1]) || !isDigit(text[j+2]) || text[j+3] != sep || !isDigit(text[j+4]) || !isDigit(text[j+5]) {
		return 0, 0, 0, false
	}
	if j+6 < len(text) && isDigit(text[j+6]) {
		return 0, 0, 0, false
	}
	m = int(text[j+1]-'0')*10 + int(text[j+2]-'0')
	d = int(text[j+4]-'0')*10 + int(text[j+5]-'0')
	if !validDay(1, m, d) && !(m == 2 && d == 29) {
		return 0, 0, 0, false
	}
	return j + 6, m, d, true
}

// rangeTail parses "-16" or "-2016" after a year: a span of years.
func rangeTail(text string, j, y1 int) (k, y2 int, ok bool) {
	k = j + 1
	v, n := 0, 0
	for k < len(text) && isDigit(text[k]) {
		v = v*10 + int(text[k]-'0')
		k++
		n++
	}
	switch n {
	case 2:
		v += y1 / 100 * 100
	case 4:
	default:
		return 0, 0, false
	}
	if v <= y1 || v-y1 > 20 {
		return 0, 0, false
	}
	return k, v, true
}
