package eval

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadPredictions(t *testing.T) {
	in := "{\"doc\": \"a.txt\", \"n\": 1.0}\r\n\r\n  \x1f\t\n{\"doc\": \"b.txt\"}\r{\"doc\": \"c.txt\"}"
	ps, err := ReadPredictions(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 3 || ps[0]["doc"] != "a.txt" || ps[2]["doc"] != "c.txt" || ps[0]["n"] != json.Number("1.0") {
		t.Fatalf("read %v", ps)
	}
	for _, c := range []struct{ in, want string }{
		{"{}\n\n{\"a\": 1,}\n", "line 3: not JSON"},
		{"{}\r{}\r\"x\"", "line 3: not a JSON object"},
		{"{} {}", "line 1: not JSON: extra data"},
		{"{\"a\": NaN}", "line 1: not JSON"},
	} {
		if _, err := ReadPredictions(strings.NewReader(c.in)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ReadPredictions(%q): %v, want %q", c.in, err, c.want)
		}
	}
	docs, err := ReadDocPredictions(strings.NewReader(""))
	if err != nil || docs == nil {
		t.Fatalf("empty doc file: %v, %v", docs, err)
	}
}

func TestDocKeyAndParty(t *testing.T) {
	for _, c := range []struct {
		m    map[string]any
		want string
		ok   bool
	}{
		{map[string]any{"doc": "x/a.txt"}, "a.txt", true},
		{map[string]any{"doc": "", "source": "/c/b.txt//"}, "b.txt", true},
		{map[string]any{"cite_info": map[string]any{"url": "https://h/p/c.html/"}}, "c.html", true},
		{map[string]any{"doc": json.Number("12")}, "12", true},
		{map[string]any{"source": "/"}, "", true},
		{map[string]any{"cite_info": "https://h/x"}, "", false},
		{map[string]any{}, "", false},
	} {
		got, ok := docKey(c.m)
		if got != c.want || ok != c.ok {
			t.Errorf("docKey(%v) = %q, %v", c.m, got, ok)
		}
	}
	m := map[string]any{"actor": []any{map[string]any{"code": "", "country": "IRQ", "sector": []any{"GOV", "MIL"}}},
		"recipient": map[string]any{}}
	if a := party(m, "actor"); a.repr() != "('IRQ', 'GOV')" {
		t.Errorf("compound actor read as %s", a.repr())
	}
	if r := party(m, "recipient"); r != nil {
		t.Errorf("empty recipient read as %s", r.repr())
	}
}

// A prediction with a start but an unreadable end stops the script (its
// date arithmetic meets None); here it simply does not match.
func TestStartWithoutEnd(t *testing.T) {
	g, err := LoadGold(filepath.Join("testdata", "gold"))
	if err != nil {
		t.Fatal(err)
	}
	p := Prediction{"doc": "b.txt", "event": "PROTEST", "actor": map[string]any{"code": "IRQ"},
		"recipient": map[string]any{"code": "USA"}, "date_start": "2025-11-05", "date_end": "2025-11-31"}
	res, lines := Score(g, []Prediction{p}, nil, true)
	if res.Strict.Precision != 0 || res.LooseNoDate.Precision != 1 || res.Docs != nil {
		t.Errorf("got %+v", res)
	}
	if !strings.Contains(strings.Join(lines, "\n"), "FP  b.txt: PROTEST ('IRQ', None) -> ('USA', None) (datetime.date(2025, 11, 5), None)") {
		t.Errorf("report:\n%s", strings.Join(lines, "\n"))
	}
}

func TestPredictionOf(t *testing.T) {
	type party struct {
		Code string `json:"code"`
	}
	v := struct {
		Doc       string `json:"doc"`
		Event     string `json:"event"`
		Actor     party  `json:"actor"`
		Recipient *party `json:"recipient"`
		Date      string `json:"date"`
	}{"/x/a.txt", "CONCEDE", party{"IRQ"}, nil, "2025-11-01"}
	p, err := PredictionOf(v)
	if err != nil {
		t.Fatal(err)
	}
	g, err := LoadGold(filepath.Join("testdata", "gold"))
	if err != nil {
		t.Fatal(err)
	}
	res, _ := Score(g, []Prediction{p}, nil, false)
	if res.Strict.Precision != 1 || res.CoreGold != 12 || res.Strict.Recall != round4(1.0/12) {
		t.Errorf("got %+v", res)
	}
	// the actor has no sector, which counts against the gold's [GOV]
	js, err := json.Marshal(map[string]any{"r": res})
	if err != nil || !strings.Contains(string(js), `"sector_accuracy":0.0,`) {
		t.Errorf("Result inside JSON: %s %v", js, err)
	}
	res, _ = Score(g, nil, []DocPrediction{}, false)
	js, err = res.JSON()
	if err != nil || !strings.Contains(string(js), `"sector_accuracy": null,`) || res.Docs == nil {
		t.Errorf("no predictions: %s %v", js, err)
	}
}
