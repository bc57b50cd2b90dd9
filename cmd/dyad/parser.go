package main

import (
	"os"

	"github.com/dyad-project/dyad/internal/coder"
	"github.com/dyad-project/dyad/internal/syntax"
)

// treeParser adapts the embedded syntax model to the coder's Parser.
type treeParser struct{ m *syntax.Model }

func (p treeParser) Parse(text string) []coder.Word {
	s := p.m.Parse(text)
	out := make([]coder.Word, len(s.Tokens))
	for i, t := range s.Tokens {
		out[i] = coder.Word{Start: t.Start, End: t.End, Head: t.Head, Rel: t.Rel, UPOS: t.UPOS}
	}
	return out
}

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
	return c.WithParser(treeParser{m}), nil
}
