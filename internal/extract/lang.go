package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
)

// Bounds on how much of a text language detection reads: script counts
// settle within a few thousand letters, and whatlanggo's trigram ranking
// (it sorts every trigram and compares it with each language of the
// script) took 18% of `dyad code` when it read whole texts.
const (
	scriptScan  = 8000 // bytes read for script statistics
	trigramScan = 1500 // bytes given to whatlanggo
)

// Language returns the ISO 639-1 code of text, or "" when it cannot tell.
// Script statistics decide first: Arabic script is decided by letters,
// since whatlanggo hesitates between ar, fa and ur on news text (letters
// only Persian or Urdu use mark those, anything else in Arabic script is
// Arabic), and Latin text whose commonest words are English function
// words is English without the trigram detector. Only the rest goes to
// whatlanggo, on a bounded sample.
func Language(text string) string {
	if len(text) > scriptScan {
		text = text[:scriptScan]
	}
	var arabic, letters, persian, urdu, arabicOnly int
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			// ASCII needs no table look-up: the bulk of Latin text
			if 'a' <= c|0x20 && c|0x20 <= 'z' {
				letters++
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		if !unicode.Is(unicode.Arabic, r) {
			continue
		}
		arabic++
		switch r {
		case 'پ', 'چ', 'ژ', 'گ', 'ی', 'ک':
			persian++
		case 'ٹ', 'ڈ', 'ڑ', 'ں', 'ے', 'ھ':
			urdu++
		case 'ي', 'ك', 'ة', 'ى':
			arabicOnly++
		}
	}
	if letters == 0 {
		return ""
	}
	if arabic*2 > letters {
		switch {
		case urdu*50 > arabic && urdu > arabicOnly:
			return "ur"
		case persian*50 > arabic && persian > arabicOnly:
			return "fa"
		}
		return "ar"
	}
	sample := text
	if len(sample) > trigramScan {
		sample = sample[:trigramScan]
	}
	if englishWords(sample) {
		return "en"
	}
	info := whatlanggo.Detect(strings.ToValidUTF8(sample, ""))
	if info.Confidence < 0.2 && letters < 100 {
		return ""
	}
	return info.Lang.Iso6391()
}

// englishOnly are function words frequent in English and rare as words of
// other Latin-script languages ("in", "is", "of", "was", "on" are Dutch,
// German, Italian or French words too, and are left out).
var englishOnly = map[string]bool{
	"the": true, "and": true, "that": true, "with": true, "said": true,
	"for": true, "from": true, "has": true, "have": true, "were": true,
	"which": true, "their": true, "they": true, "this": true, "will": true,
	"would": true, "been": true, "its": true, "by": true, "after": true,
}

// englishWords reports whether the sample reads as English: at least 12
// words, nearly all letters ASCII, over a tenth of the words English
// function words and over one in fifty "the". English news runs near 15%
// and 6% (the corpora: 9% and 2.4% at the least), other languages quoting
// English names or phrases far below. On seeds, news-dev, news-ar,
// plv-train and the HTML corpus pages (1,298 texts) it decides 822 and
// changes one result, an English sentence whatlanggo left undecided.
func englishWords(s string) bool {
	words, hits, the, ascii, other := 0, 0, 0, 0, 0
	for i := 0; i < len(s); {
		// a word is a run of ASCII letters; anything else separates
		for i < len(s) && !isASCIILetter(s[i]) {
			if s[i] < utf8.RuneSelf {
				i++
				continue
			}
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsLetter(r) {
				other++
			}
			i += n
		}
		j := i
		for j < len(s) && isASCIILetter(s[j]) {
			j++
		}
		if j == i {
			break
		}
		words++
		ascii += j - i
		if w := s[i:j]; len(w) <= 5 {
			var buf [5]byte
			for k := 0; k < len(w); k++ {
				buf[k] = w[k] | 0x20
			}
			if lw := buf[:len(w)]; englishOnly[string(lw)] {
				hits++
				if string(lw) == "the" {
					the++
				}
			}
		}
		i = j
	}
	// accented or non-Latin letters over 2% leave it to the detector
	return words >= 12 && other*50 < ascii && hits*10 > words && the*50 > words
}

func isASCIILetter(c byte) bool { c |= 0x20; return 'a' <= c && c <= 'z' }
