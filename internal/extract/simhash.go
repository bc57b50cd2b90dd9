package extract

import (
	"hash/fnv"
	"math/bits"
	"strings"
	"unicode"
)

// SimHash is a 64-bit signature of text over three-word shingles: copies of
// one article with different headers, footers or whitespace land a few bits
// apart, different articles about half the bits apart.
func SimHash(text string) uint64 {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	const k = 3
	var acc [64]int
	seen := map[uint64]bool{}
	h := fnv.New64a()
	for i := 0; i+k <= len(words) || (i == 0 && len(words) > 0); i++ {
		end := min(i+k, len(words))
		h.Reset()
		for _, w := range words[i:end] {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		f := mix(h.Sum64())
		if seen[f] {
			continue
		}
		seen[f] = true
		for b := range 64 {
			if f&(1<<b) != 0 {
				acc[b]++
			} else {
				acc[b]--
			}
		}
	}
	var sig uint64
	for b := range 64 {
		if acc[b] > 0 {
			sig |= 1 << b
		}
	}
	return sig
}

// NearDistance is the largest Hamming distance between two signatures of
// the same text.
const NearDistance = 3

// Near reports whether two SimHash signatures mark near-duplicate texts.
func Near(a, b uint64) bool { return bits.OnesCount64(a^b) <= NearDistance }

// mix is the splitmix64 finaliser: FNV leaves the high bits of short inputs
// correlated, which would bias the signature.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}
