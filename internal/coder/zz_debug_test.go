package coder

import (
	"fmt"
	"os"
	"testing"

	"github.com/dyad-project/dyad/internal/actors"
	"github.com/dyad-project/dyad/internal/extract"
	"github.com/dyad-project/dyad/internal/lexicon"
	"github.com/dyad-project/dyad/internal/nlp"
	"context"
)

func TestZZDebug(t *testing.T) {
	path := os.Getenv("DBG")
	if path == "" {
		t.Skip()
	}
	kb, _ := actors.Default()
	lex, _ := lexicon.Default()
	body, _ := os.ReadFile(path)
	a, err := extract.Extract(context.Background(), extract.Input{Source: path, Body: body})
	if err != nil {
		t.Fatal(err)
	}
	c := New(kb, lex)
	ms := keepIntroduced(kb.Scan(a.Text))
	chunks := chunkMatches(a.Text, ms)
	for i := range chunks {
		c.resolve(a.Text, &chunks[i], a.Published, "")
	}
	k := 0
	for _, sp := range nlp.Split(a.Text) {
		fmt.Printf("\n## %s\n", a.Text[sp.Start:sp.End])
		for ; k < len(chunks) && chunks[k].start < sp.End; k++ {
			ch := chunks[k]
			fmt.Printf("   [%s] code=%s sec=%s ent=%s kinds=", a.Text[ch.start:ch.end], ch.party.Code, ch.party.Sector, ch.party.Entity)
			for _, m := range ch.matches {
				fmt.Printf("%s:%q ", m.Kind, m.Text)
			}
			fmt.Println()
		}
		toks := lexicon.Tokenize(a.Text[sp.Start:sp.End])
		for _, tr := range lex.Triggers(toks) {
			fmt.Printf("   TRIG %s %s %q noun=%v\n", tr.Entry.Event, tr.Entry.Mode, a.Text[sp.Start+tr.Start:sp.Start+tr.End], tr.IsNoun)
		}
		for _, tr := range lex.Speech(toks) {
			fmt.Printf("   SPEECH %q %s\n", tr.Lemma, tr.Entry.Claim)
		}
	}
	res := c.Code(a)
	for _, m := range res.Mentions {
		fmt.Printf("M %s %s(%s)->%s(%s) %s..%s %s %q\n", m.Event, m.Actor.Code, m.Actor.Text, m.Recipient.Code, m.Recipient.Text, m.DateStart.Format("2006-01-02"), m.DateEnd.Format("2006-01-02"), m.Claim, m.Trigger)
	}
}
