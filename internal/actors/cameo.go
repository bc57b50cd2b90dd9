package actors

import "slices"

// cameoSectors maps CAMEO actor role codes to PLOVER sectors. CAMEO's MED is
// the media (PLOVER JRN) and HLH health (PLOVER MED); the religious and
// ethnic codes (MUS, CHR, SHI…) carry no sector of their own.
var cameoSectors = map[string]string{
	"GOV": "GOV", "MIL": "MIL", "REB": "REB", "OPP": "OPP", "SPY": "SPY", "JUD": "JUD",
	"LEG": "LEG", "COP": "COP", "BUS": "BUS", "MED": "JRN", "JRN": "JRN", "HLH": "MED",
	"EDU": "EDU", "REL": "REL", "CVL": "CVL", "ELI": "ELI", "PTY": "PTY", "LAB": "LAB",
	"AGR": "AGR", "REF": "REF", "CRM": "CRM", "UAF": "UAF", "PRM": "PRM", "SEP": "REB",
	"INS": "REB", "RAD": "REB", "HRI": "SOC", "DEV": "SOC", "ENV": "SOC", "NGO": "SOC",
	"SOC": "SOC", "PRE": "PRE", "UNK": "UNK", "MNC": "BUS",
}

// igoCountry maps the organisation part of IGO codes to PLOVER's own
// non-state country codes; other IGOs are "IGO".
var igoCountry = map[string]string{"UNO": "UNO", "EUR": "EUR"}

// NonState reports PLOVER's non-state country codes: international and
// non-governmental organisations, militant groups and companies that act
// across borders, not a state a government could belong to.
func NonState(code string) bool {
	switch code {
	case "IGO", "UNO", "EUR", "NGO", "IMG", "MNC":
		return true
	}
	return false
}

// CAMEOActor splits a CAMEO actor code ("IRQGOV", "IGOUNO", "USAGOVAGR")
// into a PLOVER country code (ISO3, or IGO/UNO/EUR/NGO/IMG/MNC) and PLOVER
// sectors, the primary first.
func CAMEOActor(code string) (country string, sectors []string) {
	if len(code) < 3 {
		return "", nil
	}
	return cameoCountry(code), appendCAMEOSectors(nil, code)
}

// cameoCountry is CAMEOActor's country, for a code of at least 3 letters.
func cameoCountry(code string) string {
	country := code[:3]
	if country == "IGO" && len(code) >= 6 {
		if c, ok := igoCountry[code[3:6]]; ok {
			country = c
		}
	}
	return country
}

// appendCAMEOSectors appends CAMEOActor's sectors of code that dst lacks:
// loading appends an entity's sectors straight to it, without a slice per
// code (a million of them made a tenth of the load's allocations).
func appendCAMEOSectors(dst []string, code string) []string {
	if len(code) < 3 {
		return dst
	}
	for rest := code[3:]; len(rest) >= 3; rest = rest[3:] {
		// a code has few sectors: a scan beats a map made per call
		if s, ok := cameoSectors[rest[:3]]; ok && !slices.Contains(dst, s) {
			dst = append(dst, s)
		}
	}
	return dst
}

// cameoSector is CAMEOActor's primary sector ("" if none).
func cameoSector(code string) string {
	if len(code) < 3 {
		return ""
	}
	for rest := code[3:]; len(rest) >= 3; rest = rest[3:] {
		if s, ok := cameoSectors[rest[:3]]; ok {
			return s
		}
	}
	return ""
}
