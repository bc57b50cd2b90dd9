package main

import (
	"fmt"
	"path/filepath"

	"github.com/dyad-project/dyad/internal/actors"
	"github.com/dyad-project/dyad/internal/coder"
	"github.com/dyad-project/dyad/internal/lexicon"
)

// loadCoder builds the coder from the embedded knowledge base and lexicon.
func loadCoder() (*coder.Coder, error) {
	kb, err := actors.Default()
	if err != nil {
		return nil, fmt.Errorf("load knowledge base: %w", err)
	}
	lex, err := lexicon.Default()
	if err != nil {
		return nil, fmt.Errorf("load lexicon: %w", err)
	}
	return withParser(coder.New(kb, lex))
}

func baseName(src string) string { return filepath.Base(src) }
