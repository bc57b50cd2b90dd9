package coder

import "github.com/dyad-project/dyad/internal/syntax"

// SyntaxParser is the embedded dependency parser (internal/syntax) as the
// coder's Parser.
func SyntaxParser(m *syntax.Model) Parser { return syntaxParser{m} }

type syntaxParser struct{ m *syntax.Model }

func (p syntaxParser) Parse(text string) []Word { return p.m.ParseWords(text) }
