package extract

import (
	"strings"
	"unicode"

	"github.com/abadojack/whatlanggo"
)

// Language returns the ISO 639-1 code of text, or "" when it cannot tell.
// Arabic script is decided by letters, since whatlanggo hesitates between
// ar, fa and ur on news text: letters only Persian or Urdu use mark those,
// anything else in Arabic script is Arabic.
func Language(text string) string {
	if len(text) > 20000 {
		text = text[:20000]
	}
	var arabic, letters, persian, urdu, arabicOnly int
	for _, r := range text {
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
	// A few thousand letters decide as well as the whole text, much faster.
	sample := text
	if len(sample) > 1500 {
		sample = sample[:1500]
	}
	info := whatlanggo.Detect(strings.ToValidUTF8(sample, ""))
	if info.Confidence < 0.2 && letters < 100 {
		return ""
	}
	return info.Lang.Iso6391()
}
