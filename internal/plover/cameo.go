package plover

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"slices"
	"strings"
)

//go:embed data/cameo2plover.tsv
var crosswalkTSV []byte

// Crosswalk is one row of the CAMEO→PLOVER table (CAMEO2PLOVER-2021).
type Crosswalk struct {
	Code        string    // the CAMEO code of the row, e.g. "0831"
	Type        EventType // PLOVER type
	Mode        string    // PLOVER mode, "" when the table gives none
	Contexts    []string  // PLOVER contexts the code implies
	Description string    // CAMEO's label for the code
	Note        string    // what dyad changed from the source row, if anything
}

// FromCAMEO maps a CAMEO event code ("0831", "130", "19") to its PLOVER type
// and mode. A code the table lacks falls back to its longest listed prefix,
// down to the root. ok is false for malformed codes and for the codes PLOVER
// does not treat as events (roots 01 MAKE PUBLIC STATEMENT and 02 APPEAL).
func FromCAMEO(code string) (t EventType, mode string, ok bool) {
	row, ok := LookupCAMEO(code)
	return row.Type, row.Mode, ok
}

// LookupCAMEO is FromCAMEO returning the whole crosswalk row that matched;
// row.Code says which prefix of code that was.
func LookupCAMEO(code string) (Crosswalk, bool) {
	code = strings.TrimSpace(code)
	if !isCAMEOCode(code) {
		return Crosswalk{}, false
	}
	cw := onto().crosswalk
	for n := len(code); n >= 2; n-- {
		if row, ok := cw[code[:n]]; ok {
			row.Contexts = slices.Clone(row.Contexts)
			return row, true
		}
	}
	return Crosswalk{}, false
}

// ToCAMEO returns the CAMEO code that best stands for t with mode in a
// GDELT-style export: the mode's code when the mode is valid and has one,
// else the type's (e.g. ASSAULT/aerial → "195", ASSAULT → "180"). It returns ""
// for an unknown type. FromCAMEO of the result gives back t.
func ToCAMEO(t EventType, mode string) string {
	ti := onto().types[t]
	if ti == nil {
		return ""
	}
	if m := ti.mode(mode); m != nil {
		return m.cameo
	}
	return ti.cameo
}

// CAMEORoot returns the two-digit root of a CAMEO code ("0831" → "08"), or ""
// when code is not a CAMEO event code.
func CAMEORoot(code string) string {
	code = strings.TrimSpace(code)
	if !isCAMEOCode(code) {
		return ""
	}
	return code[:2]
}

// isCAMEOCode reports whether s has the shape of a CAMEO event code: two to
// four digits whose first two are a root between 01 and 20.
func isCAMEOCode(s string) bool {
	if len(s) < 2 || len(s) > 4 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	root := int(s[0]-'0')*10 + int(s[1]-'0')
	return root >= 1 && root <= 20
}

func parseCrosswalk(o *ontology, raw []byte) error {
	o.crosswalk = map[string]Crosswalk{}
	sc := bufio.NewScanner(bytes.NewReader(raw))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		row, err := o.crosswalkRow(line)
		if err != nil {
			return fmt.Errorf("cameo2plover.tsv:%d: %w", n, err)
		}
		if _, dup := o.crosswalk[row.Code]; dup {
			return fmt.Errorf("cameo2plover.tsv:%d: code %s repeated", n, row.Code)
		}
		o.crosswalk[row.Code] = row
		o.cwOrder = append(o.cwOrder, row.Code)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("cameo2plover.tsv: %w", err)
	}
	if len(o.crosswalk) == 0 {
		return fmt.Errorf("cameo2plover.tsv: no rows")
	}
	return nil
}

func (o *ontology) crosswalkRow(line string) (Crosswalk, error) {
	f := strings.Split(line, "\t")
	if len(f) != 6 {
		return Crosswalk{}, fmt.Errorf("%d fields, want 6", len(f))
	}
	row := Crosswalk{Code: f[0], Type: EventType(f[1]), Mode: f[2], Description: f[4], Note: f[5]}
	if !isCAMEOCode(row.Code) {
		return row, fmt.Errorf("bad code %q", row.Code)
	}
	ti := o.types[row.Type]
	if ti == nil {
		return row, fmt.Errorf("%s: unknown type %q", row.Code, row.Type)
	}
	if row.Mode != "" && ti.mode(row.Mode) == nil {
		return row, fmt.Errorf("%s: %q is not a mode of %s", row.Code, row.Mode, row.Type)
	}
	if f[3] != "" {
		row.Contexts = strings.Split(f[3], ";")
	}
	for _, c := range row.Contexts {
		if !slices.Contains(o.contexts, c) {
			return row, fmt.Errorf("%s: unknown context %q", row.Code, c)
		}
	}
	return row, nil
}
