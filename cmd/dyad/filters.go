package main

import (
	"fmt"

	"github.com/dyad-project/dyad/internal/codes"
)

// parseDyad reads --dyad A:B in any case. An unknown code is an error, not
// an empty table: "US:IQ" names no country dyad stores (codes.Dyad, which
// the API uses too).
func parseDyad(flag, s string) (a, b string, err error) {
	if a, b, err = codes.Dyad(s); err != nil {
		return "", "", fmt.Errorf("--%s %q: %w", flag, s, err)
	}
	return a, b, nil
}

// parseType reads --type in any case ("threaten" is THREATEN); an unknown
// type is an error listing the known ones.
func parseType(s string) (string, error) {
	t, err := codes.Type(s)
	if err != nil {
		return "", fmt.Errorf("--type %q: %w", s, err)
	}
	return t, nil
}
