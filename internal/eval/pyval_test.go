package eval

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
)

var dayInputs = []string{
	"2025-10-25", "20251025", "2025-W01-1", "2025W011", "2025-W01", "2025W01", "2025-1-5", "2025-10-2",
	"2025-10-25T10:00:00Z", "2025-02-29", "2024-02-29", "0000-01-01", "0001-01-01", "9999-12-31", "2025-W53-1",
	"2020-W53-7", "2026-W53-1", "2025-10", "2025", " 2025-10-25", "2025-10-25 ", "2025_10_25", "20251025T1",
	"2025W0110", "2025W011xx", "2025-W01-8", "2025-W01-0", "2025-W00-1", "2025-10-2x", "2025-1025", "202510-25",
	"２０２５-10-25", "20251025é", "2025102é", "2025-13-01", "2025-00-10", "2025-W011", "9999-W52-7", "9999-W52-5",
	"", "True", "None", "2025-10-25\x00", "2025-W10-3", "2025W10-3", "2025-W103",
}

func TestIsoDay(t *testing.T) {
	want := map[string]string{
		"2025-10-25": "datetime.date(2025, 10, 25)", "20251025": "datetime.date(2025, 10, 25)",
		"2025-W01-1": "datetime.date(2024, 12, 30)", "2025-W01": "datetime.date(2024, 12, 30)",
		"2020-W53-7": "datetime.date(2021, 1, 3)", "2025-10-25T10:00:00Z": "datetime.date(2025, 10, 25)",
		"20251025é": "datetime.date(2025, 10, 25)", "2025W011xx": "datetime.date(2024, 12, 30)",
		"2025-02-29": "None", "2025-W53-1": "None", "2025-1-5": "None", "0000-01-01": "None", "2025102é": "None",
	}
	for in, w := range want {
		d, ok := isoDay(in)
		if got := dateRepr(d, ok); got != w {
			t.Errorf("isoDay(%q) = %s, want %s", in, got, w)
		}
	}
	for _, c := range []struct {
		v    any
		want string
	}{{json.Number("20251025"), "datetime.date(2025, 10, 25)"}, {json.Number("20251025.0"), "datetime.date(2025, 10, 25)"},
		{true, "None"}, {nil, "None"}, {[]any{"2025-10-25"}, "None"}} {
		if got := dateRepr(isoDay(c.v)); got != c.want {
			t.Errorf("isoDay(%#v) = %s, want %s", c.v, got, c.want)
		}
	}
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 missing: hand-written cases only")
	}
	prog := `import sys, json, datetime as dt
for s in json.load(sys.stdin):
    try: print(repr(dt.date.fromisoformat(s[:10])))
    except ValueError: print("None")`
	in, _ := json.Marshal(dayInputs)
	cmd := exec.Command("python3", "-c", prog)
	cmd.Stdin = strings.NewReader(string(in))
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if got := dateRepr(isoDay(dayInputs[i])); got != w {
			t.Errorf("isoDay(%q) = %s, Python says %s", dayInputs[i], got, w)
		}
	}
}

func TestMid(t *testing.T) {
	for _, c := range []struct{ s, e, want date }{{0, 0, 0}, {0, 1, 0}, {0, 3, 1}, {0, -1, -1}, {0, -3, -2}, {10, 6, 8}} {
		if got := mid(c.s, c.e); got != c.want {
			t.Errorf("mid(%d, %d) = %d, want %d", c.s, c.e, got, c.want)
		}
	}
}

func TestPyRepr(t *testing.T) {
	for _, c := range []struct {
		v    any
		want string
	}{
		{nil, "None"}, {true, "True"}, {json.Number("-0"), "0"}, {json.Number("12"), "12"},
		{json.Number("1e16"), "1e+16"}, {json.Number("1e15"), "1000000000000000.0"}, {json.Number("0.0001"), "0.0001"},
		{json.Number("0.00001"), "1e-05"}, {json.Number("-0.0"), "-0.0"}, {json.Number("1.5E3"), "1500.0"},
		{json.Number("1e400"), "inf"}, {"it's", `"it's"`}, {`a'b"c`, `'a\'b"c'`}, {"tab\there\\", `'tab\there\\'`},
		{"\x07\u00a0\u200béü\U0001F600\U000E0001", `'\x07\xa0\u200béü` + "\U0001F600" + `\U000e0001'`},
		{[]any{"a", nil, json.Number("1")}, "['a', None, 1]"}, {map[string]any{"b": false, "a": []any{}}, "{'a': [], 'b': False}"},
	} {
		if got := pyRepr(c.v); got != c.want {
			t.Errorf("pyRepr(%#v) = %s, want %s", c.v, got, c.want)
		}
	}
	for _, c := range []struct {
		x, want float64
	}{{2.0 / 3, 0.6667}, {0.00005, 0.0001}, {0.12345, 0.1235}, {1.00005, 1.0001}, {2.5e-5, 0}, {0.00015, 0.0001}, {5.0 / 12, 0.4167}} {
		if got := round4(c.x); got != c.want {
			t.Errorf("round4(%v) = %v, want %v", c.x, got, c.want)
		}
	}
	if hashKey(json.Number("1")) != hashKey(json.Number("1.0")) || hashKey(true) != hashKey(json.Number("1")) ||
		hashKey("1") == hashKey(json.Number("1")) || hashKey(json.Number("1.5")) == hashKey(json.Number("1")) {
		t.Error("hashKey does not follow Python's equality of 1, 1.0, True and '1'")
	}
}

func TestTruthy(t *testing.T) {
	for _, c := range []struct {
		v    any
		want bool
	}{{nil, false}, {"", false}, {"x", true}, {json.Number("0"), false}, {json.Number("-0.0"), false},
		{json.Number("0e5"), false}, {json.Number("2"), true}, {[]any{}, false}, {map[string]any{}, false},
		{[]any{nil}, true}, {false, false}} {
		if got := truthy(c.v); got != c.want {
			t.Errorf("truthy(%#v) = %v", c.v, got)
		}
	}
}
