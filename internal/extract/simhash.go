package extract

import (
	"math/bits"
	"slices"
	"unicode"
	"unicode/utf8"
)

// SimHash is a 64-bit signature of text over three-word shingles: copies of
// one article with different headers, footers or whitespace land a few bits
// apart, different articles about half the bits apart. Words are runs of
// letters and digits of the lower-cased text; they are read in place, with
// FNV-1a computed inline, rather than from a lower-cased copy split into a
// slice (a quarter of the bytes a text page allocated).
//
// Each distinct shingle votes once on every bit. The votes are counted on
// bit planes (planes[k] holds bit k of all 64 counters, added with carries)
// after the fingerprints are sorted and made unique: a few word operations
// a shingle instead of 64 counter updates and a map insertion.
func SimHash(text string) uint64 {
	const k = 3
	var fps []uint64
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
			fps = append(fps, mix(fnv1a(buf)))
		}
	}
	total := 0
	for _, r := range text {
		if r < utf8.RuneSelf {
			// ASCII: what unicode.ToLower, IsLetter and IsDigit say, at
			// a compare or two
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
				word = append(word, byte(r))
				continue
			}
		} else {
			r = unicode.ToLower(r)
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				word = utf8.AppendRune(word, r)
				continue
			}
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
		fps = append(fps, mix(fnv1a(buf))) // a text of fewer words than a shingle
	}
	slices.Sort(fps)
	fps = slices.Compact(fps)
	// planes[i] holds bit i of the 64 counts of set bits; 2^len > any count
	var planes [40]uint64
	for _, f := range fps {
		carry := f
		for i := 0; carry != 0; i++ {
			planes[i], carry = planes[i]^carry, planes[i]&carry
		}
	}
	// bit b is set when more shingles have it set than not
	var sig uint64
	for b := range 64 {
		ones := 0
		for i := range planes {
			ones |= int(planes[i]>>b&1) << i
		}
		if 2*ones > len(fps) {
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
