package eval

import (
	"bytes"
	"encoding/json"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/expected from the Python script")

// sharedDir is /work/shared seen from this package: ../shared next to the repo.
func sharedDir(t *testing.T) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "shared")
}

// script returns the referee's path, or "" when python3 or the script is missing.
func script(t *testing.T) string {
	t.Helper()
	path := filepath.Join(sharedDir(t), "tools", "score_events.py")
	if _, err := os.Stat(path); err != nil {
		return ""
	}
	if _, err := exec.LookPath("python3"); err != nil {
		return ""
	}
	return path
}

func runPython(t *testing.T, py, gold, events, docs string, verbose bool) string {
	t.Helper()
	args := []string{py, "--gold", gold, "--events", events}
	if docs != "" {
		args = append(args, "--docs", docs)
	}
	if verbose {
		args = append(args, "--verbose")
	}
	var stderr bytes.Buffer
	cmd := exec.Command("python3", args...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3 %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return string(out)
}

// runGo does what `score_events.py` does, through the package API.
func runGo(t *testing.T, gold, events, docs string, verbose bool) string {
	t.Helper()
	g, err := LoadGold(gold)
	if err != nil {
		t.Fatal(err)
	}
	preds := readFile(t, events, ReadPredictions)
	var dps []DocPrediction
	if docs != "" {
		dps = readFile(t, docs, ReadDocPredictions)
	}
	res, lines := Score(g, preds, dps, verbose)
	var b strings.Builder
	if err := WriteReport(&b, res, lines); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func readFile[T any](t *testing.T, path string, read func(io.Reader) ([]T, error)) []T {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out, err := read(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return out
}

func lastJSON(t *testing.T, out string) map[string]any {
	t.Helper()
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	var m map[string]any
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &m); err != nil {
		t.Fatalf("last line is not JSON: %v\n%s", err, out)
	}
	return m
}

// TestMatchesScript scores every prediction file of testdata with Go and with
// the script and wants the same stdout: report lines, summary and JSON line.
// The script's outputs are also kept in testdata/expected so the comparison
// runs where Python is missing (go test -update rewrites them).
func TestMatchesScript(t *testing.T) {
	gold := filepath.Join("testdata", "gold")
	py := script(t)
	if py == "" {
		t.Log("python3 or tools/score_events.py missing: comparing with the stored outputs only")
	}
	cases := []struct{ events, docs string }{
		{"hits", "good"}, {"hits", ""}, {"misses", "conflict"}, {"dates", "window"}, {"reciprocal", "empty"},
		{"nulls", "good"}, {"merges", "conflict"}, {"falsemerge", ""}, {"tie", "window"}, {"weird", "conflict"},
	}
	for _, c := range cases {
		for _, verbose := range []bool{false, true} {
			name := c.events + "_" + c.docs
			if c.docs == "" {
				name = c.events + "_nodocs"
			}
			if verbose {
				name += "_v"
			}
			t.Run(name, func(t *testing.T) {
				events := filepath.Join("testdata", "pred", c.events+".jsonl")
				docs := ""
				if c.docs != "" {
					docs = filepath.Join("testdata", "docs", c.docs+".jsonl")
				}
				got := runGo(t, gold, events, docs, verbose)
				stored := filepath.Join("testdata", "expected", name+".out")
				if py != "" {
					want := runPython(t, py, gold, events, docs, verbose)
					if *update {
						if err := os.WriteFile(stored, []byte(want), 0o644); err != nil {
							t.Fatal(err)
						}
					}
					if !reflect.DeepEqual(lastJSON(t, got), lastJSON(t, want)) {
						t.Errorf("JSON differs from the script:\n go: %s\n py: %s", lastLine(got), lastLine(want))
					}
					if got != want {
						t.Errorf("output differs from the script:\n--- go\n%s--- python\n%s", got, want)
					}
				}
				want, err := os.ReadFile(stored)
				if err != nil {
					t.Fatalf("%v (run go test -update with python3 present)", err)
				}
				if got != string(want) {
					t.Errorf("output differs from %s:\n--- go\n%s--- stored\n%s", stored, got, want)
				}
			})
		}
	}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}
