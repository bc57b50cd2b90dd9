package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	stream := strings.Join([]string{
		`{"Action":"output","Package":"github.com/dyad-project/dyad/internal/a","Test":"TestDB","Output":"=== RUN   TestDB\n"}`,
		`{"Action":"output","Package":"github.com/dyad-project/dyad/internal/a","Test":"TestDB","Output":"    db_test.go:12: no server: skipped\n"}`,
		`{"Action":"output","Package":"github.com/dyad-project/dyad/internal/a","Test":"TestDB","Output":"--- SKIP: TestDB (0.00s)\n"}`,
		`{"Action":"skip","Package":"github.com/dyad-project/dyad/internal/a","Test":"TestDB"}`,
		`{"Action":"output","Package":"github.com/dyad-project/dyad/internal/a","Output":"ok  \tgithub.com/dyad-project/dyad/internal/a\t0.1s\n"}`,
		`{"Action":"output","Package":"github.com/dyad-project/dyad/internal/b","Test":"TestX","Output":"    x_test.go:3: want 2\n"}`,
		`{"Action":"fail","Package":"github.com/dyad-project/dyad/internal/b","Test":"TestX"}`,
	}, "\n")
	var out bytes.Buffer
	if code := run(strings.NewReader(stream), &out); code != 1 {
		t.Errorf("exit %d, want 1 after a failure", code)
	}
	for _, want := range []string{"ok  \tgithub.com/dyad-project/dyad/internal/a", "want 2",
		"skipped 1 test(s) in internal/a: no server: skipped"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}
