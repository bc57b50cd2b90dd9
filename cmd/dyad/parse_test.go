package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/internal/syntax"
)

func skipWithoutModel(t *testing.T) {
	if _, err := syntax.Load(); errors.Is(err, syntax.ErrNoModel) {
		t.Skip(err)
	}
}

func TestParseCommand(t *testing.T) {
	skipWithoutModel(t)
	var out bytes.Buffer
	err := runParse(&parseOptions{}, []string{"Militants attacked the base. Police didn't respond."}, nil, &out)
	if err != nil {
		t.Fatal(err)
	}
	text := out.String()
	for _, want := range []string{"# text = Militants attacked the base.", "# text = Police didn't respond.", "\tn't\t", "\troot\t"} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q:\n%s", want, text)
		}
	}
	if n := strings.Count(text, "# sent_id"); n != 2 {
		t.Errorf("%d sentences, want 2", n)
	}
}

func TestParseEval(t *testing.T) {
	skipWithoutModel(t)
	conllu := "# text = They left.\n1-2\tThey've\t_\t_\t_\t_\t_\t_\t_\t_\n1\tThey\tthey\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_\n2.1\tx\tx\tX\tX\t_\t_\t_\t_\t_\n3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
	path := filepath.Join(t.TempDir(), "t.conllu")
	if err := os.WriteFile(path, []byte(conllu), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := runParse(&parseOptions{eval: path}, nil, nil, &out); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	last := lines[len(lines)-1]
	if !strings.HasPrefix(last, `{"upos":`) || !strings.Contains(last, `"tokens_per_second":`) {
		t.Errorf("last line %q is not the JSON summary", last)
	}
	if !strings.Contains(out.String(), "words  3") {
		t.Errorf("multiword and empty-node lines should be skipped:\n%s", out.String())
	}
}
