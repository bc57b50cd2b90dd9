//go:build ignore

// gen_data regenerates data/cameo2plover.tsv and data/goldstein.tsv from the
// reference copies in the shared data folder:
//
//	cd internal/plover && go run gen_data.go -src ../../../shared/data
//
// The conversion is mechanical except for the fixes in rowFixes and
// contextFixes, which repair cells of CAMEO2PLOVER-2021.txt that are not
// valid PLOVER values; each fix is recorded in the row's note column.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
)

// rowFixes rewrites a mode the 2021 table puts in the mode column although it
// is not a mode of the row's type.
var rowFixes = map[string]struct{ mode, context, note string }{
	// "ease" was dropped as a mode on 21.09.17 (note in the source at 0813).
	"085": {mode: "", note: "mode ease dropped (no longer a PLOVER mode)"},
	// THREATEN has no "political" mode; NGEC's codebook calls this one "rights".
	"1321": {mode: "rights", note: "mode political renamed rights (NGEC codebook)"},
	// "seize" is a COERCE mode; destroying property is ASSAULT/destroy in the manual.
	"1712": {mode: "destroy", note: "mode seize -> destroy (seize is not an ASSAULT mode)"},
	// pro_autocracy is a context that slipped into the mode column.
	"175": {mode: "", context: "pro_autocracy", note: "pro_autocracy moved from mode to context"},
}

// contextFixes maps context labels the table uses but the manual's context
// list does not define to the nearest defined context.
var contextFixes = map[string]string{
	"humanitarian": "human_security",
	"democracy":    "pro_democracy",
}

func main() {
	src := flag.String("src", "../../../shared/data", "shared reference data folder")
	flag.Parse()
	if err := crosswalk(filepath.Join(*src, "plover/CAMEO2PLOVER-2021.txt"), "data/cameo2plover.tsv"); err != nil {
		log.Fatal(err)
	}
	if err := goldstein(filepath.Join(*src, "cameo/CAMEO.goldsteinscale.txt"), "data/goldstein.tsv"); err != nil {
		log.Fatal(err)
	}
}

const crosswalkHeader = `# CAMEO -> PLOVER crosswalk, one row per CAMEO code, in source order.
# Derived from openeventdata/PLOVER : CAMEO2PLOVER-2021.txt @ 5e0c24fb
#   (PLOVER manual Draft 0.8, 17-September-2021, edited by Philip Schrodt).
# Licence: Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0);
#   this derived file is CC BY-SA 4.0 as well.
# Regenerate with: cd internal/plover && go run gen_data.go
# Columns: cameo, plover type, mode ("" = none), contexts (";"-separated), description, note.
# Two-digit rows are the section headings of the source (root codes). Codes absent here
# (roots 01 MAKE PUBLIC STATEMENT and 02 APPEAL) are not events in PLOVER.
# Where the source lists a code twice (08, 175) the first row wins.
# note records every cell changed from the source.
`

func crosswalk(in, out string) error {
	f, err := os.Open(in)
	if err != nil {
		return fmt.Errorf("crosswalk: %w", err)
	}
	defer f.Close()
	var b strings.Builder
	b.WriteString(crosswalkHeader)
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "~") {
			continue
		}
		code, rest, ok := strings.Cut(line, ":")
		if !ok {
			return fmt.Errorf("crosswalk: no colon in %q", line)
		}
		code = strings.TrimSpace(code)
		if seen[code] {
			continue
		}
		seen[code] = true
		body, desc, _ := strings.Cut(rest, "#")
		desc = strings.TrimSpace(desc)
		if i := strings.Index(desc, "  "); i >= 0 {
			desc = desc[:i] // drop the editor's dated remarks
		}
		cells := strings.Split(body, ",")
		for len(cells) < 3 {
			cells = append(cells, "")
		}
		typ := strings.TrimSpace(cells[0])
		mode := strings.TrimSpace(cells[1])
		var ctxs, notes []string
		for _, c := range strings.Split(cells[2], ";") {
			c = strings.TrimSpace(c)
			if c == "" {
				continue
			}
			if fixed, ok := contextFixes[c]; ok {
				notes = append(notes, "context "+c+" -> "+fixed)
				c = fixed
			}
			ctxs = append(ctxs, c)
		}
		if fix, ok := rowFixes[code]; ok {
			mode = fix.mode
			if fix.context != "" {
				ctxs = append([]string{fix.context}, ctxs...)
			}
			notes = append(notes, fix.note)
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\t%s\n", code, typ, mode,
			strings.Join(ctxs, ";"), desc, strings.Join(notes, "; "))
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("crosswalk: %w", err)
	}
	return os.WriteFile(out, []byte(b.String()), 0o644)
}

const goldsteinHeader = `# Goldstein scale value per CAMEO event code, as GDELT uses it.
# Copied from GDELT's lookup file CAMEO.goldsteinscale.txt
#   (copy in mpiccirilli/UNDP-BCPR-Project @ 08d29bb4). GDELT data: free use with attribution.
# Regenerate with: cd internal/plover && go run gen_data.go
# Columns: cameo, goldstein.
`

func goldstein(in, out string) error {
	raw, err := os.ReadFile(in)
	if err != nil {
		return fmt.Errorf("goldstein: %w", err)
	}
	var b strings.Builder
	b.WriteString(goldsteinHeader)
	for i, line := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		line = strings.TrimSpace(line)
		if i == 0 || line == "" { // column names
			continue
		}
		f := strings.Fields(line)
		if len(f) != 2 {
			return fmt.Errorf("goldstein: line %d: %q", i+1, line)
		}
		fmt.Fprintf(&b, "%s\t%s\n", f[0], f[1])
	}
	return os.WriteFile(out, []byte(b.String()), 0o644)
}
