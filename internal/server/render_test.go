package server

import (
	"fmt"
	"strings"
	"testing"
)

func TestHighlight(t *testing.T) {
	text := "Héllo wörld. Second sentence here. Third."
	at := func(sub string, id int64) mark {
		i := strings.Index(text, sub)
		return mark{i, i + len(sub), id}
	}
	tests := []struct {
		name  string
		marks []mark
		want  string
	}{
		{"one", []mark{at("Second sentence here.", 1)}, "Héllo wörld. [Second sentence here.] Third."},
		{"two, out of order", []mark{at("Third.", 2), at("Héllo wörld.", 1)}, "[Héllo wörld.] Second sentence here. [Third.]"},
		{"overlap keeps the first", []mark{at("Héllo wörld. Second", 1), at("Second sentence here.", 2)}, "[Héllo wörld. Second] sentence here. Third."},
		{"inside a rune", []mark{{2, 6, 1}}, "Hé[llo] wörld. Second sentence here. Third."},
		{"out of range", []mark{{-5, 3, 1}, {len(text) - 2, 400, 2}, {30, 10, 3}}, "[Hé]llo wörld. Second sentence here. Thir[d.]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			for _, s := range highlight(text, tt.marks) {
				if s.Mark {
					fmt.Fprintf(&b, "[%s]", s.Text)
				} else {
					b.WriteString(s.Text)
				}
			}
			if b.String() != tt.want {
				t.Fatalf("got  %q\nwant %q", b.String(), tt.want)
			}
		})
	}
}

func TestExcerpt(t *testing.T) {
	text := strings.Repeat("word ", 100) + "The evidence sentence. " + strings.Repeat("more ", 100)
	start := strings.Index(text, "The")
	segs := excerpt(text, start, start+len("The evidence sentence."), 7)
	if len(segs) != 3 || !segs[1].Mark || segs[1].Text != "The evidence sentence." || segs[1].ID != 7 {
		t.Fatalf("segments: %+v", segs)
	}
	if !strings.HasPrefix(segs[0].Text, "…word") || !strings.HasSuffix(segs[2].Text, "more…") || len(segs[0].Text) > excerptContext+5 {
		t.Fatalf("context: %q … %q", segs[0].Text, segs[2].Text)
	}
	if excerpt(text, 10, 5, 1) != nil {
		t.Fatal("an empty span gave an excerpt")
	}
}

func TestWorldMap(t *testing.T) {
	w, err := loadWorld()
	if err != nil {
		t.Fatal(err)
	}
	if len(w.countries) < 170 {
		t.Fatalf("%d countries", len(w.countries))
	}
	m := w.render([]intensityJSON{{Country: "IRQ", Events: 100, Conflict: 60}, {Country: "USA", Events: 10}, {Country: "ISR", Events: 1}})
	class := map[string]int{}
	for _, c := range m.Countries {
		class[c.Code] = c.Class
		if c.Code == "IRQ" && (!strings.HasPrefix(c.D, "M") || !strings.HasSuffix(c.D, "Z") || !strings.Contains(c.Label, "100 events")) {
			t.Fatalf("Iraq: %q %q", c.D[:min(40, len(c.D))], c.Label)
		}
	}
	if class["IRQ"] != 5 || class["USA"] < 2 || class["USA"] > 4 || class["ISR"] != 1 || class["FRA"] != 0 {
		t.Fatalf("classes: IRQ %d USA %d ISR %d FRA %d", class["IRQ"], class["USA"], class["ISR"], class["FRA"])
	}
	if _, ok := class["ATA"]; ok {
		t.Fatal("Antarctica is drawn")
	}
}
