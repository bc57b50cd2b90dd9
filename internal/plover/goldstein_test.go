package plover

import (
	"bufio"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestGoldstein(t *testing.T) {
	tests := []struct {
		code string
		want float64
		ok   bool
	}{
		{"0831", 5.0, true},
		{"130", -4.4, true},
		{"13", -6.0, true},
		{"190", -10, true},
		{"1823", -10, true},
		{"010", 0, true},
		{"016", -2.0, true},  // GDELT; Phoenix says 3.4
		{"163", -8.0, true},  // GDELT; Phoenix says -6.5
		{"0110", -0.1, true}, // not in GDELT's table: falls back to 011
		{"1641", -7.0, true}, // falls back to 164
		{"109", -5.0, true},  // falls back to 10
		{"", 0, false},
		{"21", 0, false},
		{"x13", 0, false},
	}
	for _, tc := range tests {
		got, ok := Goldstein(tc.code)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Goldstein(%q) = %v, %v; want %v, %v", tc.code, got, ok, tc.want, tc.ok)
		}
	}
	for _, ty := range Types() {
		if _, ok := Goldstein(ToCAMEO(ty, "")); !ok {
			t.Errorf("no Goldstein value for %s's export code", ty)
		}
	}
}

func readGoldstein(t *testing.T, rel string) map[string]float64 {
	t.Helper()
	f, err := os.Open(sharedData(t, rel))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]float64{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) != 2 {
			continue
		}
		if v, err := strconv.ParseFloat(fields[1], 64); err == nil {
			out[fields[0]] = v
		}
	}
	return out
}

func TestGoldsteinMatchesGDELT(t *testing.T) {
	src := readGoldstein(t, "cameo/CAMEO.goldsteinscale.txt")
	if len(src) != len(onto().goldstein) {
		t.Errorf("source has %d codes, embedded %d", len(src), len(onto().goldstein))
	}
	for code, want := range src {
		if got, ok := Goldstein(code); !ok || got != want {
			t.Errorf("Goldstein(%s) = %v, %v; GDELT says %v", code, got, ok, want)
		}
	}
}

// The comment in goldstein.go lists where Phoenix's table disagrees; keep it true.
func TestGoldsteinDisagreementsAreTheDocumentedOnes(t *testing.T) {
	gdelt := readGoldstein(t, "cameo/CAMEO.goldsteinscale.txt")
	phoenix := readGoldstein(t, "cameo/phoenix_goldstein_from_postprocess.tsv")
	var differ []string
	for code, v := range phoenix {
		if g, ok := gdelt[code]; ok && g != v {
			differ = append(differ, code)
		}
	}
	slices.Sort(differ)
	want := []string{"016", "022", "124", "1246", "163", "165", "166"}
	if !slices.Equal(differ, want) {
		t.Errorf("codes where the tables differ = %v, want %v", differ, want)
	}
}
