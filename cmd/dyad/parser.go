package main

import (
	"os"

	"github.com/dyad-project/dyad/internal/coder"
	"github.com/dyad-project/dyad/internal/syntax"
)

// withParser gives the coder the dependency parser unless DYAD_NO_PARSE is
// set (to compare the coder with and without it).
func withParser(c *coder.Coder) (*coder.Coder, error) {
	if os.Getenv("DYAD_NO_PARSE") != "" {
		return c, nil
	}
	m, err := syntax.Load()
	if err != nil {
		return nil, err
	}
	return c.WithParser(coder.SyntaxParser(m)), nil
}
