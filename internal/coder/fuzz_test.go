package coder

import (
	"testing"
	"unicode/utf8"

	"github.com/dyad-project/dyad/internal/article"
)

// FuzzCode: any text codes without panicking, and every mention's evidence
// is the article's own text at the offsets it gives.
func FuzzCode(f *testing.F) {
	f.Add("US Secretary of State Antony Blinken on Tuesday called on Iraq to rein in armed groups.")
	f.Add("“Two days after, Baghdad received a warning from Hegseth,” he said. He was arrested.")
	f.Add("In September, Kataib Hezbollah freed Elizabeth Tsurkov. Elizabeth was kidnapped in March 2023 by them.")
	f.Add("BAGHDAD — Iran, Iraq and the U.S. met; they didn't agree. Rubio called Iran's offer “a stunt”")
	c := defaultCoder(f)
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return // extraction repairs encodings before coding
		}
		res := c.Code(&article.Article{Source: "f.txt", Text: text, Published: day("2025-11-04")})
		for _, m := range res.Mentions {
			if m.SentStart < 0 || m.SentEnd > len(text) || m.SentStart > m.SentEnd || text[m.SentStart:m.SentEnd] != m.Sentence {
				t.Fatalf("evidence offsets %d..%d do not point at %q", m.SentStart, m.SentEnd, m.Sentence)
			}
			if m.Event == "" || m.Actor.Code == "" {
				t.Fatalf("mention without type or actor: %+v", m)
			}
			if !m.DateStart.IsZero() && m.DateEnd.Before(m.DateStart) {
				t.Fatalf("inverted window %v..%v", m.DateStart, m.DateEnd)
			}
		}
	})
}
