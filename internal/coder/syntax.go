package coder

import "github.com/dyad-project/dyad/internal/syntax"

// SyntaxParser is the embedded dependency parser (internal/syntax) as the
// coder's Parser.
func SyntaxParser(m *syntax.Model) Parser { return syntaxParser{m} }

type syntaxParser struct{ m *syntax.Model }

func (p syntaxParser) Parse(text string) []Word {
	s := p.m.Parse(text)
	out := make([]Word, len(s.Tokens))
	for i, t := range s.Tokens {
		out[i] = Word{Start: t.Start, End: t.End, Head: t.Head, Rel: t.Rel, UPOS: t.UPOS, XPOS: t.XPOS}
	}
	return out
}
