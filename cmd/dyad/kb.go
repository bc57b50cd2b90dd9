package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/dyad-project/dyad/internal/actors"
	"github.com/dyad-project/dyad/internal/coder"
	"github.com/dyad-project/dyad/internal/lexicon"
	"github.com/dyad-project/dyad/internal/syntax"
)

// loadCoder builds the coder from the embedded knowledge base and lexicon,
// with the dependency parser unless DYAD_NO_PARSE is set (to compare the
// coder with and without it).
//
// The three are decoded at once, each on a goroutine of its own: start-up
// is a fixed cost of every command (about 0.5 s of CPU, a third of a run
// over 2,000 articles at the speed issue 16 asks), and one after the other
// they left the second core idle. The knowledge base's surname index, built
// otherwise by the first article that needs it while the other workers
// wait for it, starts building as soon as the knowledge base is loaded,
// while the sources are read.
func loadCoder() (*coder.Coder, error) {
	var (
		kb                  *actors.KB
		lex                 *lexicon.Lexicon
		model               *syntax.Model
		kbErr, lexErr, mErr error
		wg                  sync.WaitGroup
	)
	wg.Go(func() {
		if kb, kbErr = actors.Default(); kbErr == nil {
			go kb.Surnames("") // built once; the first article to need it waits
		}
	})
	wg.Go(func() { lex, lexErr = lexicon.Default() })
	parse := os.Getenv("DYAD_NO_PARSE") == ""
	if parse {
		wg.Go(func() { model, mErr = syntax.Load() })
	}
	wg.Wait()
	switch {
	case kbErr != nil:
		return nil, fmt.Errorf("load knowledge base: %w", kbErr)
	case lexErr != nil:
		return nil, fmt.Errorf("load lexicon: %w", lexErr)
	case mErr != nil:
		return nil, fmt.Errorf("load parser: %w", mErr)
	}
	c := coder.New(kb, lex)
	if parse {
		c = c.WithParser(coder.SyntaxParser(model))
	}
	return c, nil
}

func baseName(src string) string { return filepath.Base(src) }
