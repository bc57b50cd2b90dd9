package main

import (
	"strings"
	"testing"
)

// The help a new user reads names what the flags take, and --version
// answers.
func TestVersionAndFlagHelp(t *testing.T) {
	if r := mustRun(t, "--version"); !strings.HasPrefix(r.stdout, "dyad version ") {
		t.Errorf("--version printed %q", r.stdout)
	}
	help := mustRun(t, "ingest", "--help").stdout
	for _, want := range []string{"--queue URL", "--db FILE", "postgres://", "--doc-timeout"} {
		if !strings.Contains(help, want) {
			t.Errorf("ingest --help lacks %q", want)
		}
	}
}
