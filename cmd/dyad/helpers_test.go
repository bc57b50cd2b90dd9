package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// result is what one dyad invocation printed and returned.
type result struct {
	stdout, stderr string
	err            error
}

// env points every place dyad could find a database at a temp dir, so a test
// never touches the user's default database, and returns a --db path there.
func env(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("XDG_DATA_HOME", filepath.Join(dir, "xdg"))
	t.Setenv("DYAD_DB", filepath.Join(dir, "env.db"))
	return filepath.Join(dir, "dyad.db")
}

// run executes the dyad root command in-process with args.
func run(t *testing.T, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var out, errb bytes.Buffer
	cmd := newRootCmd()
	cmd.SetArgs(args)
	cmd.SetOut(&out)
	cmd.SetErr(&errb)
	err := cmd.ExecuteContext(ctx)
	return result{stdout: out.String(), stderr: errb.String(), err: err}
}

// mustRun is run that fails the test when the command returns an error.
func mustRun(t *testing.T, args ...string) result {
	t.Helper()
	r := run(t, args...)
	if r.err != nil {
		t.Fatalf("dyad %s: %v\nstderr:\n%s", strings.Join(args, " "), r.err, r.stderr)
	}
	return r
}

// jsonLines decodes one JSON object per non-empty line of s.
func jsonLines(t *testing.T, s string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for i, line := range strings.Split(s, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("line %d is not a JSON object: %v\n%s", i+1, err, line)
		}
		out = append(out, m)
	}
	return out
}

// listArticles returns `dyad articles --json` keyed by the base name of
// each article's source.
func listArticles(t *testing.T, db string) map[string]map[string]any {
	t.Helper()
	r := mustRun(t, "--db", db, "articles", "--json")
	byName := map[string]map[string]any{}
	for _, a := range jsonLines(t, r.stdout) {
		src, _ := a["source"].(string)
		byName[filepath.Base(src)] = a
	}
	return byName
}

// errorLines returns the "failed:" lines an ingest printed.
func errorLines(stderr string) []string {
	var out []string
	for _, l := range strings.Split(stderr, "\n") {
		if strings.HasPrefix(l, "failed: ") {
			out = append(out, l)
		}
	}
	return out
}
