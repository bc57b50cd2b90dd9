package eval

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// firstCode is a country a prediction can carry for a gold party: the first
// listed code, or nil (no party) where the gold accepts an empty one.
func firstCode(p *GoldParty) map[string]any {
	if p == nil {
		return nil
	}
	for i, c := range p.Country {
		if c != nil {
			party := map[string]any{"code": *c}
			if i < len(p.Sector) && p.Sector[i] != nil {
				party["sector"] = *p.Sector[i]
			}
			return party
		}
	}
	return nil
}

// predictionsFromGold turns every core gold event into the prediction a
// perfect coder would write, and every gold document into a perfect doc line.
func predictionsFromGold(t *testing.T, g *Gold, dir string) (events, docs string) {
	t.Helper()
	var ev, dl []string
	for _, e := range g.Events {
		if !e.Core {
			continue
		}
		story := e.Story
		if story == "" {
			story = e.ID
		}
		m := map[string]any{"doc": e.Doc, "event": e.Event[0], "actor": firstCode(e.Actor),
			"recipient": firstCode(e.Recipient), "date_start": e.Date[0], "date_end": e.Date[1],
			"story_id": story, "event_text": e.Evidence}
		b, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		ev = append(ev, string(b))
	}
	for _, d := range g.Docs {
		m := map[string]any{"doc": d.Doc, "published": d.Published[0], "date_conflict": d.DateConflict}
		if d.DateConflict {
			m["content_date_start"], m["content_date_end"] = d.ContentWindow[0], d.ContentWindow[1]
		}
		b, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		dl = append(dl, string(b))
	}
	events, docs = filepath.Join(dir, "events.jsonl"), filepath.Join(dir, "docs.jsonl")
	for path, lines := range map[string][]string{events: ev, docs: dl} {
		if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return events, docs
}

// TestGoldSelfRecall scores the real gold folders against predictions made
// from the gold itself: every core event must be found, in Go and in Python.
func TestGoldSelfRecall(t *testing.T) {
	for _, set := range []string{"seeds", "news-dev"} {
		t.Run(set, func(t *testing.T) {
			gold := filepath.Join(sharedDir(t), "gold", set)
			if _, err := os.Stat(filepath.Join(gold, "events.jsonl")); err != nil {
				t.Skipf("gold folder %s missing: %v", gold, err)
			}
			g, err := LoadGold(gold)
			if err != nil {
				t.Fatal(err)
			}
			events, docs := predictionsFromGold(t, g, t.TempDir())
			out := runGo(t, gold, events, docs, true)
			res := lastJSON(t, out)
			t.Logf("%s: %s", set, lastLine(out))
			strict := res["strict"].(map[string]any)
			loose := res["loose_no_date"].(map[string]any)
			if strict["recall"] != 1.0 || loose["recall"] != 1.0 || strict["precision"] != 1.0 {
				t.Errorf("perfect predictions scored %v / %v\n%s", strict, loose, out)
			}
			if d := res["docs"].(map[string]any); d["published_accuracy"] != 1.0 {
				t.Errorf("publication dates from the gold scored %v", d)
			}
			if res["core_gold"].(float64) < 20 || res["false_merges"] != 0.0 {
				t.Errorf("core_gold %v, false_merges %v", res["core_gold"], res["false_merges"])
			}
			py := script(t)
			if py == "" {
				t.Skip("python3 or tools/score_events.py missing: Go side checked only")
			}
			want := runPython(t, py, gold, events, docs, true)
			if wantRes := lastJSON(t, want); !reflect.DeepEqual(res, wantRes) {
				t.Errorf("JSON differs:\n go: %s\n py: %s", lastLine(out), lastLine(want))
			}
			if out != want {
				t.Errorf("output differs:\n--- go\n%s--- python\n%s", out, want)
			}
		})
	}
}

func TestLoadGoldErrors(t *testing.T) {
	good := `{"id": "x1", "doc": "x.txt", "core": true, "event": ["AID"], "actor": null, "recipient": null, "date": ["2025-01-01", "2025-01-02"]}`
	cases := []struct{ name, events, docs, want string }{
		{"not json", good + "\n\n{oops\n", "", "events.jsonl:3: not JSON"},
		{"no core", `{"id": "x", "doc": "x.txt", "event": ["AID"], "date": ["2025-01-01", "2025-01-01"]}`, "", `events.jsonl:1: no "core"`},
		{"event string", `{"id": "x", "doc": "x.txt", "core": true, "event": "AID", "date": ["2025-01-01", "2025-01-01"]}`, "", `"event" is not a list`},
		{"bad date", good + "\n" + strings.Replace(good, "2025-01-02", "2025-02-30", 1), "", `events.jsonl:2: "date" holds a date`},
		{"short date", strings.Replace(good, `, "2025-01-02"]`, "]", 1), "", `events.jsonl:1: "date" is not a [from, to]`},
		{"party string", strings.Replace(good, `"actor": null`, `"actor": "USA"`, 1), "", `"actor" is neither`},
		{"country number", strings.Replace(good, `"actor": null`, `"actor": {"country": [840]}`, 1), "", `"actor.country" holds 840`},
		{"id number", strings.Replace(good, `"x1"`, `1`, 1), "", `events.jsonl:1: "id" is missing or not a string`},
		{"array line", "[1, 2]", "", "events.jsonl:1: not a JSON object"},
		{"conflict without window", good, `{"doc": "x.txt", "published": ["2025-01-01", "2025-01-01"], "date_conflict": true}`, `docs.jsonl:1: date_conflict is set`},
		{"doc without published", good, "\n" + `{"doc": "x.txt"}`, `docs.jsonl:2: "published" is not a [from, to]`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "events.jsonl"), []byte(c.events), 0o644); err != nil {
				t.Fatal(err)
			}
			if c.docs != "" {
				if err := os.WriteFile(filepath.Join(dir, "docs.jsonl"), []byte(c.docs), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			_, err := LoadGold(dir)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want one containing %q", err, c.want)
			}
			if !strings.Contains(err.Error(), dir) {
				t.Errorf("error %v does not name the file", err)
			}
		})
	}
	if _, err := LoadGold(t.TempDir()); err == nil {
		t.Error("a folder without events.jsonl loaded")
	}
}

func TestLoadGoldNoDocs(t *testing.T) {
	g, err := LoadGold(filepath.Join("testdata", "gold"))
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Events) != 14 || len(g.Docs) != 4 {
		t.Fatalf("got %d events, %d docs", len(g.Events), len(g.Docs))
	}
	a3 := g.Events[2]
	if a3.ID != "a3" || a3.Core || a3.Recipient.Country[1] != nil || *a3.Recipient.Country[0] != "IRQ" {
		t.Errorf("a3 read as %+v", a3)
	}
	if c2 := g.Events[12]; c2.Actor == nil || !c2.Actor.empty || c2.Actor.Country != nil {
		t.Errorf("c2 actor {} read as %+v", c2.Actor)
	}
}
