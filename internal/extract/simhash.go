package extract

import (
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// SimHash is a 64-bit signature of text over three-word shingles: copies of
// one article with different headers, footers or whitespace land a few bits
// apart, different articles about half the bits apart. Words are runs of
// letters and digits of the lower-cased text; they are read in place, with
// FNV-1a computed inline, rather than from a lower-cased copy split into a
// slice (a quarter of the bytes a text page allocated).
func SimHash(text string) uint64 {
	const k = 3
	var acc [64]int
	seen := map[uint64]bool{}
	add := func(f uint64) {
		if seen[f] {
			return
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
	// buf holds the last k words, lower-cased, each followed by a 0 byte
	// as the hash saw them; ends marks where each word ends in buf.
	var (
		buf   []byte
		ends  [k]int
		count int // words read
		word  = make([]byte, 0, 64)
	)
	flush := func() {
		if len(word) == 0 {
			return
		}
		if count >= k {
			// drop the oldest word
			drop := ends[0]
			buf = append(buf[:0], buf[drop:]...)
			ends[0], ends[1] = ends[1]-drop, ends[2]-drop
			count = k - 1
		}
		buf = append(append(buf, word...), 0)
		ends[count] = len(buf)
		count++
		word = word[:0]
		if count == k {
			add(mix(fnv1a(buf)))
		}
	}
	total := 0
	for _, r := range text {
		r = unicode.ToLower(r)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			word = utf8.AppendRune(word, r)
			continue
		}
		if len(word) > 0 {
			total++
		}
		flush()
	}
	if len(word) > 0 {
		total++
	}
	flush()
	if total > 0 && total < k {
		add(mix(fnv1a(buf))) // a text of fewer words than a shingle
	}
	var sig uint64
	for b := range 64 {
		if acc[b] > 0 {
			sig |= 1 << b
		}
	}
	return sig
}

// fnv1a is 64-bit FNV-1a, as hash/fnv's New64a computes it.
func fnv1a(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
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
