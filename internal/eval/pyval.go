package eval

// The referee is a Python script that reads JSON loosely: `or` chains pick the
// first truthy value, str() turns any value into text before a date is parsed,
// and the verbose report prints Python reprs. These helpers give decoded JSON
// values (nil, bool, json.Number, string, []any, map[string]any) the same
// meaning here, so the figures agree on odd input too, not only on clean input.

import (
	"encoding/json"
	"math"
	"math/big"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// truthy is Python's bool() of a decoded JSON value.
func truthy(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case json.Number:
		if isIntText(string(x)) {
			return strings.Trim(string(x), "-0") != ""
		}
		f, _ := strconv.ParseFloat(string(x), 64)
		return f != 0
	case string:
		return x != ""
	case []any:
		return len(x) > 0
	case map[string]any:
		return len(x) > 0
	}
	return true
}

// or returns the first truthy value, else the last one, as Python's `a or b or c`.
func or(vs ...any) any {
	for _, v := range vs[:len(vs)-1] {
		if truthy(v) {
			return v
		}
	}
	return vs[len(vs)-1]
}

// isIntText reports whether a JSON number is an integer literal (Python int)
// rather than a float literal.
func isIntText(s string) bool { return !strings.ContainsAny(s, ".eE") }

// pyStr is Python's str() of a decoded JSON value.
func pyStr(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return pyRepr(v)
}

// pyRepr is Python's repr() of a decoded JSON value. Objects print with
// sorted keys: Go maps do not keep the order of the input.
func pyRepr(v any) string {
	switch x := v.(type) {
	case nil:
		return "None"
	case bool:
		if x {
			return "True"
		}
		return "False"
	case json.Number:
		return numRepr(x)
	case string:
		return strRepr(x)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = pyRepr(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = strRepr(k) + ": " + pyRepr(x[k])
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return "None"
}

func numRepr(n json.Number) string {
	s := string(n)
	if isIntText(s) {
		if strings.Trim(s, "-0") == "" {
			return "0"
		}
		return s
	}
	f, _ := strconv.ParseFloat(s, 64) // out of range gives ±Inf, as Python's float()
	return floatRepr(f)
}

// floatRepr is Python's repr() of a float: shortest digits, fixed notation
// for decimal exponents -4..15, ".0" added to whole numbers.
func floatRepr(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	e := strconv.FormatFloat(f, 'e', -1, 64)
	exp, _ := strconv.Atoi(e[strings.IndexByte(e, 'e')+1:])
	if exp < -4 || exp >= 16 {
		return e
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.ContainsRune(s, '.') {
		s += ".0"
	}
	return s
}

// strRepr is Python's repr() of a str.
func strRepr(s string) string {
	q := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		q = '"'
	}
	var b strings.Builder
	b.WriteByte(q)
	for _, r := range s {
		switch {
		case r == '\\' || r == rune(q):
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x80 && (r < 0x20 || r == 0x7f):
			b.WriteString(`\x` + hex(r, 2))
		case r < 0x80 || unicode.IsPrint(r):
			b.WriteRune(r)
		case r <= 0xff:
			b.WriteString(`\x` + hex(r, 2))
		case r <= 0xffff:
			b.WriteString(`\u` + hex(r, 4))
		default:
			b.WriteString(`\U` + hex(r, 8))
		}
	}
	b.WriteByte(q)
	return b.String()
}

func hex(r rune, width int) string {
	s := strconv.FormatInt(int64(r), 16)
	return strings.Repeat("0", width-len(s)) + s
}

// hashKey gives values that Python's set and dict treat as one key the same
// string: 1, 1.0 and true are one key there. Lists and objects cannot be keys
// in Python (the script would stop); here they key by their repr.
func hashKey(v any) string {
	switch x := v.(type) {
	case string:
		return "s" + x
	case bool:
		if x {
			return "n1"
		}
		return "n0"
	case json.Number:
		s := string(x)
		if isIntText(s) {
			if strings.Trim(s, "-0") == "" {
				return "n0"
			}
			return "n" + s
		}
		f, _ := strconv.ParseFloat(s, 64)
		if !math.IsInf(f, 0) && f == math.Trunc(f) {
			i, _ := new(big.Float).SetFloat64(f).Int(nil)
			return "n" + i.String()
		}
		return "f" + floatRepr(f)
	}
	return "r" + pyRepr(v)
}

// pyEqual is Python's == between a decoded JSON value and a gold code
// (nil standing for JSON null).
func pyEqual(v any, code *string) bool {
	if code == nil {
		return v == nil
	}
	s, ok := v.(string)
	return ok && s == *code
}

// round4 is Python's round(x, 4): correctly rounded from the binary value,
// ties to even, which is what strconv's fixed formatting does.
func round4(x float64) float64 {
	f, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 4, 64), 64)
	return f
}

// prefixRunes is Python's s[:n].
func prefixRunes(s string, n int) string {
	i := 0
	for pos := range s {
		if i == n {
			return s[:pos]
		}
		i++
	}
	return s
}

// isPySpace is Python's str.isspace for one character; unicode.IsSpace
// lacks the information separators U+001C..U+001F.
func isPySpace(r rune) bool { return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f) }
