package syntax

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func loadModel(tb testing.TB) *Model {
	tb.Helper()
	m, err := Load()
	if errors.Is(err, ErrNoModel) {
		tb.Skip(err)
	}
	if err != nil {
		tb.Fatalf("Load: %v", err)
	}
	return m
}

// udDir finds ../shared/data/ud-ewt beside the module root.
func udDir(tb testing.TB) string {
	tb.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("no go.mod above the package")
		}
		dir = parent
	}
	ud := filepath.Join(dir, "..", "shared", "data", "ud-ewt")
	if _, err := os.Stat(filepath.Join(ud, "en_ewt-ud-dev.conllu")); err != nil {
		tb.Skipf("UD English-EWT not found at %s (../shared beside the module root): %v", ud, err)
	}
	return ud
}

func devSentences(tb testing.TB) []Sentence {
	tb.Helper()
	f, err := os.Open(filepath.Join(udDir(tb), "en_ewt-ud-dev.conllu"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	s, err := ReadCoNLLU(f)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}
