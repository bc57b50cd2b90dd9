package syntax

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Features are uint64 keys built by mixing a template number with small
// integers (tag and label ids) and word hashes computed once per token, so
// no strings are built per feature while parsing.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

func mix(h, v uint64) uint64 {
	h ^= v + 0x9E3779B97F4A7C15 + (h << 6) + (h >> 2)
	h *= 0xBF58476D1CE4E5B9
	return h ^ h>>31
}

// feat keys one template with its values; the result is never 0, which
// marks an empty slot in the weight table.
func feat(template uint64, vs ...uint64) uint64 {
	h := mix(fnvOffset, template)
	for _, v := range vs {
		h = mix(h, v)
	}
	return h | 1
}

func feat1(t, a uint64) uint64       { return mix(mix(fnvOffset, t), a) | 1 }
func feat2(t, a, b uint64) uint64    { return mix(mix(mix(fnvOffset, t), a), b) | 1 }
func feat3(t, a, b, c uint64) uint64 { return mix(mix(mix(mix(fnvOffset, t), a), b), c) | 1 }

// norm is the word form features see: lower case, digits folded so that
// numbers share weights.
func norm(form string) string {
	hasDigit := false
	for i := 0; i < len(form); i++ {
		if form[i] >= '0' && form[i] <= '9' {
			hasDigit = true
			break
		}
	}
	if !hasDigit {
		return strings.ToLower(form)
	}
	b := []byte(strings.ToLower(form))
	for i, c := range b {
		if c >= '0' && c <= '9' {
			b[i] = '0'
		}
	}
	return string(b)
}

// shape maps letters and digits to X, x and d, collapsing runs longer than
// two: "U.S." → "X.X.", "2024" → "dd", "McCain" → "XxXx".
func shape(form string) string {
	var b strings.Builder
	var last rune
	run := 0
	for _, r := range form {
		c := r
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		}
		if c == last {
			run++
			if run >= 2 {
				continue
			}
		} else {
			run = 0
		}
		last = c
		b.WriteRune(c)
	}
	return b.String()
}

// suffix and prefix take n runes, not bytes, so they never split a rune.
func suffix(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

func prefix(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}
