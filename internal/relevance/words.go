package relevance

import (
	"strings"
	"unicode"
)

// The marks read word by word rather than by regular expressions: the gate
// runs on every document before the coder and must cost little beside it.
// These are the language's function words and reporting verbs, not names
// of any entity.
var (
	// reportWords attribute what a sentence says to someone. Lower case
	// only for the verbs: "Added Slime Block" in a changelog is no
	// attribution.
	reportWords = set("said", "says", "told", "announced", "stated", "declared", "reported", "confirmed",
		"denied", "warned", "added", "statement", "spokesman", "spokeswoman", "spokesperson", "Spokesman",
		"Spokeswoman", "Spokesperson", "official", "officials", "Official", "Officials")
	weekdays  = set("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
	nearDays  = set("yesterday", "today", "tonight")
	thisUnits = set("week", "month", "morning", "afternoon", "evening")
	lastUnits = set("week", "month", "night")
	// youWords address the reader (any case); iWords are a narrator's
	// (case as written: "My" opening a title is not counted).
	youWords = set("you", "your", "yours", "yourself", "yourselves", "you're", "you've", "you'll", "you'd",
		"you’re", "you’ve", "you’ll", "you’d")
	iWords = set("I", "I'm", "I've", "I'd", "I'll", "I’m", "I’ve", "I’d", "I’ll", "me", "my", "mine", "myself")
)

// months are the words reMonthDay needs ("Sept." is read as "Sept").
var months = set("January", "February", "March", "April", "May", "June", "July", "August", "September",
	"October", "November", "December", "Jan", "Feb", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")

// hasMonth reports whether a sentence names a month, before reMonthDay
// looks for a day beside it.
func hasMonth(toks []string) bool {
	for _, w := range toks {
		if months[w] {
			return true
		}
	}
	return false
}

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// words splits text into words: letters and digits, with the apostrophes
// inside a word ("you're"), not those around it.
func words(text string) []string {
	ws := strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
	})
	for i, w := range ws {
		ws[i] = strings.Trim(w, "'’")
	}
	return ws
}

// countFields is len(strings.Fields(s)) without building the slice.
func countFields(s string) int {
	n, in := 0, false
	for _, r := range s {
		space := unicode.IsSpace(r)
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

// reports reports whether a sentence attributes what it says: a reporting
// verb, "according to", a press conference, an interview.
func reports(toks []string) bool {
	for i, w := range toks {
		if reportWords[w] {
			return true
		}
		switch w {
		case "according", "According":
			if next(toks, i, 1) == "to" {
				return true
			}
		case "press", "news":
			if next(toks, i, 1) == "conference" {
				return true
			}
		case "in", "during":
			if next(toks, i, 1) == "an" && next(toks, i, 2) == "interview" {
				return true
			}
		}
	}
	return false
}

// nearDay reports whether a sentence places something on a near day: a
// weekday, "yesterday", "this week", "last night".
func nearDay(toks []string) bool {
	for i, w := range toks {
		if weekdays[w] {
			return true
		}
		lw := strings.ToLower(w)
		switch {
		case nearDays[lw]:
			return true
		case lw == "this" && thisUnits[strings.ToLower(next(toks, i, 1))]:
			return true
		case lw == "last" && lastUnits[strings.ToLower(next(toks, i, 1))]:
			return true
		}
	}
	return false
}

func next(toks []string, i, k int) string {
	if i+k < len(toks) {
		return toks[i+k]
	}
	return ""
}

// codeLine reports whether a line reads as program text: it ends with
// { } or ;, opens with a keyword, a prompt, a comment or a tag, is a call
// ("run(x)"), or an assignment ("name = value"). String tests rather than
// one regular expression: this runs on every line of every document.
func codeLine(l string) bool {
	t := strings.TrimSpace(l)
	if t == "" {
		return false
	}
	switch t[len(t)-1] {
	case '{', '}', ';':
		return true
	}
	for _, k := range codePrefixes {
		if strings.HasPrefix(t, k) {
			return true
		}
	}
	if t[0] == '<' {
		n := wordLen(t[1:])
		return n > 0 && len(t) > n+1 && (t[n+1] == ' ' || t[n+1] == '>')
	}
	if i := strings.IndexByte(t, '('); i > 0 && isWordByte(t[i-1]) && strings.HasSuffix(t, ")") {
		return true
	}
	if n := wordOrDotLen(t); n > 0 {
		rest := strings.TrimLeft(t[n:], " \t")
		if strings.HasPrefix(rest, "=") {
			return strings.TrimLeft(rest[1:], " \t") != ""
		}
	}
	return false
}

// codePrefixes open a line of program text or a shell session.
var codePrefixes = []string{"#include", "import ", "def ", "func ", "function ", "return ", "var ", "const ",
	"let ", "$ ", ">>> ", "//", "/*"}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func wordLen(s string) int {
	n := 0
	for n < len(s) && isWordByte(s[n]) {
		n++
	}
	return n
}

func wordOrDotLen(s string) int {
	n := 0
	for n < len(s) && (isWordByte(s[n]) || s[n] == '.') {
		n++
	}
	return n
}
