package coder

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/dyad-project/dyad/internal/article"
)

// FuzzCode: any text codes without panicking, in time linear in its size,
// and every mention's evidence is the article's own text at the offsets it
// gives. Its run counter used to freeze for two reasons: long run-on
// sentences cost the cube of their length before sentences were bounded,
// and the fuzzer minimises every new interesting input for up to a minute
// without counting those runs, which takes long on the 64 KB seeds. Use
// -fuzzminimizetime 0 (or a few seconds) to keep it counting:
//
//	go test ./internal/coder -run '^$' -fuzz FuzzCode -fuzztime 60s -fuzzminimizetime 0
func FuzzCode(f *testing.F) {
	f.Add("Chilean Foreign Minister Varo Tenzi on Tuesday called on Peru to disarm its border militias.")
	f.Add("“Three days later, Lima received a warning from Tenzi,” he said. He was detained.")
	f.Add("In June, Peruvian rebels freed Lino Garat. Garat was abducted in April 2019 by them.")
	f.Add("QUITO — Peru, Chile and Bolivia met; they didn't agree. Morales called Peru's offer “a trick”")
	f.Add(runOn(64 << 10))
	f.Add(strings.Repeat("Iran, ", 5000))
	c := defaultCoder(f)
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return // extraction repairs encodings before coding
		}
		began := time.Now()
		res := c.Code(&article.Article{Source: "f.txt", Text: text, Published: day("2025-11-04")})
		// About 1 µs a byte is measured (BenchmarkRunOn); 100 µs leaves room
		// for the race detector and a loaded machine, and still catches a
		// cost that grows faster than the input.
		if took := time.Since(began); len(text) > 4096 && took > time.Duration(len(text))*100*time.Microsecond {
			t.Fatalf("%d bytes took %s", len(text), took)
		}
		for _, m := range res.Mentions {
			if m.SentStart < 0 || m.SentEnd > len(text) || m.SentStart > m.SentEnd || text[m.SentStart:m.SentEnd] != m.Sentence {
				t.Fatalf("evidence offsets %d..%d do not point at %q", m.SentStart, m.SentEnd, m.Sentence)
			}
			if m.Event == "" || m.Actor.Code == "" && m.Actor.Text == "" {
				t.Fatalf("mention without type or actor: %+v", m)
			}
			if !m.DateStart.IsZero() && m.DateEnd.Before(m.DateStart) {
				t.Fatalf("inverted window %v..%v", m.DateStart, m.DateEnd)
			}
		}
	})
}
