package actors

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
	country = code[:3]
	rest := code[3:]
	switch country {
	case "IGO":
		if len(rest) >= 3 {
			if c, ok := igoCountry[rest[:3]]; ok {
				country = c
			}
		}
	case "NGO", "IMG", "MNC":
	}
	seen := map[string]bool{}
	for len(rest) >= 3 {
		if s, ok := cameoSectors[rest[:3]]; ok && !seen[s] {
			seen[s] = true
			sectors = append(sectors, s)
		}
		rest = rest[3:]
	}
	return country, sectors
}
