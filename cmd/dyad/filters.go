package main

import (
	"bufio"
	"fmt"
	"io/fs"
	"strings"
	"sync"

	"github.com/dyad-project/dyad/data"
	"github.com/dyad-project/dyad/internal/plover"
)

// nonState are the party codes that are not countries (PLOVER's own).
var nonState = []string{"IGO", "UNO", "EUR", "NGO", "IMG", "MNC"}

// partyCodes is every code a party can carry: the ISO 3166 alpha-3 codes
// of the knowledge base's countries and former states, and nonState.
var partyCodes = sync.OnceValue(func() map[string]bool {
	codes := map[string]bool{}
	for _, c := range nonState {
		codes[c] = true
	}
	for _, f := range []string{"actors/countries.tsv", "actors/former_states.tsv"} {
		b, err := fs.ReadFile(data.FS, f)
		if err != nil {
			continue // embedded: cannot happen; an empty list then refuses nothing (see knownCode)
		}
		sc := bufio.NewScanner(strings.NewReader(string(b)))
		for sc.Scan() {
			line := sc.Text()
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			code, _, _ := strings.Cut(line, "\t")
			codes[strings.ToUpper(code)] = true
		}
	}
	return codes
})

// knownCode reports whether c is a party code dyad can store.
func knownCode(c string) bool {
	codes := partyCodes()
	return len(codes) <= len(nonState) || codes[c]
}

// parseDyad reads --dyad A:B in any case. An unknown code is an error, not
// an empty table: "US:IQ" names no country dyad stores.
func parseDyad(flag, s string) (a, b string, err error) {
	a, b, ok := strings.Cut(strings.ToUpper(strings.TrimSpace(s)), ":")
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	if !ok || a == "" || b == "" {
		return "", "", fmt.Errorf("--%s %q: want two country codes as ACTOR:RECIPIENT, e.g. USA:IRQ", flag, s)
	}
	for _, c := range []string{a, b} {
		if !knownCode(c) {
			return "", "", fmt.Errorf("--%s %q: unknown country code %q: dyad uses ISO 3166 alpha-3 codes (USA, IRQ, IRN, GBR…) and %s",
				flag, s, c, strings.Join(nonState, ", "))
		}
	}
	return a, b, nil
}

// parseType reads --type in any case ("threaten" is THREATEN); an unknown
// type is an error listing the known ones.
func parseType(s string) (string, error) {
	t, ok := plover.ParseType(s)
	if !ok {
		names := make([]string, 0, len(plover.Types()))
		for _, x := range plover.Types() {
			names = append(names, string(x))
		}
		return "", fmt.Errorf("--type %q: not a PLOVER event type; one of %s", s, strings.Join(names, ", "))
	}
	return string(t), nil
}
