package plover

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"strconv"
	"strings"
)

// The Goldstein table is GDELT's CAMEO.goldsteinscale.txt, because Goldstein
// exists here for GDELT-style export and GDELT users expect GDELT's numbers.
// Phoenix's table (phoenix_pipeline postprocess.py) disagrees on 016, 022,
// 124x, 163, 165 and 166x; it is deliberately not used.
//
//go:embed data/goldstein.tsv
var goldsteinTSV []byte

// Goldstein returns GDELT's Goldstein scale value (-10 … 10) for a CAMEO event
// code, falling back to the longest listed prefix (GDELT's table lacks some
// codes, e.g. "0110" scores as "011"). ok is false for malformed codes.
func Goldstein(cameo string) (float64, bool) {
	cameo = strings.TrimSpace(cameo)
	if !isCAMEOCode(cameo) {
		return 0, false
	}
	g := onto().goldstein
	for n := len(cameo); n >= 2; n-- {
		if v, ok := g[cameo[:n]]; ok {
			return v, true
		}
	}
	return 0, false
}

func parseGoldstein(o *ontology, raw []byte) error {
	o.goldstein = map[string]float64{}
	sc := bufio.NewScanner(bytes.NewReader(raw))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		code, val, ok := strings.Cut(line, "\t")
		v, err := strconv.ParseFloat(val, 64)
		if !ok || err != nil || !isCAMEOCode(code) || v < -10 || v > 10 {
			return fmt.Errorf("goldstein.tsv:%d: bad row %q", n, line)
		}
		if _, dup := o.goldstein[code]; dup {
			return fmt.Errorf("goldstein.tsv:%d: code %s repeated", n, code)
		}
		o.goldstein[code] = v
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("goldstein.tsv: %w", err)
	}
	for root := 1; root <= 20; root++ {
		if _, ok := o.goldstein[fmt.Sprintf("%02d", root)]; !ok {
			return fmt.Errorf("goldstein.tsv: root %02d missing", root)
		}
	}
	return nil
}
