// Package codes checks the country codes and event types a user gives a
// filter, so the CLI and the API refuse the same things with the same
// words: an unknown code or type is an error naming it, never an empty
// result.
package codes

import (
	"bufio"
	"fmt"
	"io/fs"
	"strings"
	"sync"

	"github.com/dyad-project/dyad/data"
	"github.com/dyad-project/dyad/internal/plover"
)

// NonState are the party codes that are not countries (PLOVER's own).
var NonState = []string{"IGO", "UNO", "EUR", "NGO", "IMG", "MNC"}

// partyCodes is every code a party can carry: the ISO 3166 alpha-3 codes
// of the knowledge base's countries and former states, and NonState.
var partyCodes = sync.OnceValue(func() map[string]bool {
	codes := map[string]bool{}
	for _, c := range NonState {
		codes[c] = true
	}
	for _, f := range []string{"actors/countries.tsv", "actors/former_states.tsv"} {
		b, err := fs.ReadFile(data.FS, f)
		if err != nil {
			continue // embedded: cannot happen; an empty list then refuses nothing (see Known)
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

// Known reports whether c (upper case) is a party code dyad can store.
func Known(c string) bool {
	codes := partyCodes()
	return len(codes) <= len(NonState) || codes[c]
}

// Code reads one country code in any case; an unknown one is an error.
func Code(s string) (string, error) {
	c := strings.ToUpper(strings.TrimSpace(s))
	if !Known(c) {
		return "", fmt.Errorf("unknown country code %q: dyad uses ISO 3166 alpha-3 codes (USA, IRQ, IRN, GBR…) and %s",
			c, strings.Join(NonState, ", "))
	}
	return c, nil
}

// Dyad reads "A:B" in any case. A malformed pair or an unknown code is an
// error: "US:IQ" names no country dyad stores.
func Dyad(s string) (a, b string, err error) {
	a, b, ok := strings.Cut(strings.TrimSpace(s), ":")
	if !ok || strings.TrimSpace(a) == "" || strings.TrimSpace(b) == "" {
		return "", "", fmt.Errorf("want two country codes as ACTOR:RECIPIENT, e.g. USA:IRQ")
	}
	if a, err = Code(a); err != nil {
		return "", "", err
	}
	if b, err = Code(b); err != nil {
		return "", "", err
	}
	return a, b, nil
}

// Type reads a PLOVER event type in any case ("threaten" is THREATEN); an
// unknown type is an error listing the known ones.
func Type(s string) (string, error) {
	t, ok := plover.ParseType(strings.TrimSpace(s))
	if !ok {
		names := make([]string, 0, len(plover.Types()))
		for _, x := range plover.Types() {
			names = append(names, string(x))
		}
		return "", fmt.Errorf("not a PLOVER event type; one of %s", strings.Join(names, ", "))
	}
	return string(t), nil
}
