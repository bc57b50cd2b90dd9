// Command testsummary reads `go test -json` on standard input, prints what
// plain `go test` prints (package results, and the output of failing
// tests), and ends with one line per skipped test and its reason, so that
// a suite that skipped (no server, no browser) is seen. It exits 1 when a
// test or a package failed.
//
//	go test -json ./... | go run ./scripts/testsummary
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

const module = "github.com/dyad-project/dyad/"

type event struct {
	Action, Package, Test, Output string
}

func main() {
	os.Exit(run(os.Stdin, os.Stdout))
}

func run(in io.Reader, w io.Writer) int {
	outputs := map[string][]string{} // package/test → its output lines
	skipped := map[string]int{}      // "package: reason" → tests
	var order []string
	failed := false
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var e event
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			fmt.Fprintln(w, sc.Text()) // a build error, printed as go prints it
			continue
		}
		key := e.Package + " " + e.Test
		switch e.Action {
		case "output":
			outputs[key] = append(outputs[key], e.Output)
			if e.Test == "" && (strings.HasPrefix(e.Output, "ok ") || strings.HasPrefix(e.Output, "FAIL") ||
				strings.HasPrefix(e.Output, "?   ")) {
				fmt.Fprint(w, e.Output)
			}
		case "skip":
			if e.Test != "" && !strings.Contains(e.Test, "/") {
				k := strings.TrimPrefix(e.Package, module) + ": " + reason(outputs[key])
				if skipped[k] == 0 {
					order = append(order, k)
				}
				skipped[k]++
			}
		case "build-output":
			fmt.Fprint(w, e.Output)
		case "build-fail":
			failed = true
		case "fail":
			failed = true
			if e.Test != "" {
				fmt.Fprint(w, strings.Join(outputs[key], ""))
			}
		}
	}
	sort.Strings(order)
	if len(order) == 0 {
		fmt.Fprintln(w, "no test skipped")
	}
	for _, k := range order {
		fmt.Fprintf(w, "skipped %d test(s) in %s\n", skipped[k], k)
	}
	if failed {
		return 1
	}
	return 0
}

// reason is the message a skipped test gave: its output without the
// "--- SKIP" line.
func reason(lines []string) string {
	var out []string
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "=== ") || strings.HasPrefix(l, "--- SKIP") {
			continue
		}
		if i := strings.Index(l, ": "); i > 0 && strings.Contains(l[:i], ".go:") {
			l = l[i+2:] // drop "file_test.go:12: "
		}
		out = append(out, l)
	}
	return strings.Join(out, " ")
}
