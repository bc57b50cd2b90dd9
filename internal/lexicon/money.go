package lexicon

import "strings"

// Money is the object written "$money" in the lexicon: an amount of money
// ("$4 million", "€28m", "US$501 million", "352.5 million euros"), so that
// "gave $2 million to X" is aid whatever the amount is called.
const Money = "$money"

// currencySymbols open an amount; currencyWords close one.
var (
	currencySymbols = map[string]bool{"$": true, "€": true, "£": true, "¥": true, "₹": true, "us$": true}
	currencyWords   = map[string]bool{"dollars": true, "dollar": true, "euros": true, "euro": true, "pounds": true,
		"yen": true, "yuan": true, "renminbi": true, "rupees": true, "francs": true, "kroner": true, "kronor": true,
		"krone": true, "rubles": true, "roubles": true, "dinars": true, "riyals": true, "rials": true, "pesos": true,
		"shillings": true, "naira": true, "rand": true, "won": true, "lira": true, "usd": true, "eur": true}
	scaleWords = map[string]bool{"thousand": true, "million": true, "billion": true, "trillion": true, "m": true, "bn": true}
)

// moneyAt returns the end of an amount of money starting at token j.
func moneyAt(toks []Token, j int) (int, bool) {
	k := j
	if k+1 < len(toks) && toks[k].Lower == "us" && toks[k+1].Lower == "$" {
		k++
	}
	symbol := k < len(toks) && currencySymbols[toks[k].Lower]
	if symbol {
		k++
	}
	if k >= len(toks) || !isAmount(toks[k].Lower) {
		return 0, false
	}
	k++
	for k < len(toks) && scaleWords[toks[k].Lower] {
		k++
	}
	if symbol {
		return k, true
	}
	if k < len(toks) && currencyWords[toks[k].Lower] {
		return k + 1, true
	}
	return 0, false
}

// isAmount reports a number token: digits with separators, or "28m".
func isAmount(w string) bool {
	w = strings.TrimRight(w, "mbn")
	if w == "" {
		return false
	}
	for _, r := range w {
		if (r < '0' || r > '9') && r != '.' && r != ',' {
			return false
		}
	}
	return true
}
