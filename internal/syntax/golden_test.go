package syntax

import (
	"strings"
	"testing"
)

// The golden sentences are invented, news-style, and check the relations
// the coder will read. Each want entry is "rel head dependent", words named
// by their form (the first occurrence).
// known marks a construction the committed model still gets wrong: its
// misses are logged, not failed, so that they stay visible in -v output and
// a model that fixes them shows it.
var golden = []struct {
	name, text string
	want       []string
	known      bool
}{
	{"passive with agent", "The convoy was attacked by militants near the border.",
		[]string{"nsubj:pass attacked convoy", "aux:pass attacked was", "obl:agent attacked militants", "case militants by"}, false},
	{"coordinated subjects", "Iran and Syria condemned the air strike.",
		[]string{"nsubj condemned Iran", "conj Iran Syria", "cc Syria and", "obj condemned strike", "compound strike air"}, false},
	{"coordinated verbs", "Police arrested the suspects and seized their weapons.",
		[]string{"nsubj arrested Police", "obj arrested suspects", "conj arrested seized", "obj seized weapons", "nmod:poss weapons their"}, false},
	{"relative clause", "The soldiers who fired on the crowd were arrested on Monday.",
		[]string{"acl:relcl soldiers fired", "nsubj fired who", "nsubj:pass arrested soldiers", "obl fired crowd"}, false},
	{"reported speech", "The minister said that the talks had failed.",
		[]string{"nsubj said minister", "ccomp said failed", "mark failed that", "nsubj failed talks"}, false},
	{"possessive event noun", "The general's killing angered his supporters.",
		[]string{"nmod:poss killing general", "case general 's", "nsubj angered killing", "obj angered supporters"}, false},
	{"calls by X for Y", "Calls by the opposition for new elections were rejected.",
		[]string{"nsubj:pass rejected Calls", "nmod Calls opposition", "case opposition by", "nmod Calls elections", "case elections for"}, true},
	{"urged X to", "The United Nations urged both sides to end the fighting.",
		[]string{"nsubj urged Nations", "obj urged sides", "xcomp urged end", "mark end to", "obj end fighting"}, false},
	{"urged X to, named object", "The UN urged Iran to release the prisoners.",
		[]string{"nsubj urged UN", "obj urged Iran", "xcomp urged release", "mark release to", "obj release prisoners"}, true},
	{"calls by X for Y, short", "Calls by Iraq for a ceasefire were ignored.",
		[]string{"nsubj:pass ignored Calls", "nmod Calls Iraq", "case Iraq by", "nmod Calls ceasefire", "case ceasefire for"}, true},
	{"reported speech around a relative clause", "He said the attack, which killed two soldiers, was planned in Iran.",
		[]string{"ccomp said planned", "nsubj:pass planned attack", "acl:relcl attack killed", "nsubj killed which"}, true},
	{"negation", "The government did not confirm the report.",
		[]string{"advmod confirm not", "aux confirm did", "nsubj confirm government", "obj confirm report"}, false},
	{"wh-question", "Who attacked the embassy?",
		[]string{"nsubj attacked Who", "obj attacked embassy", "punct attacked ?"}, false},
	{"yes-no question", "Did the rebels attack the convoy?",
		[]string{"aux attack Did", "nsubj attack rebels", "obj attack convoy"}, false},
	{"clitic negation", "Officials didn't say who fired the rockets.",
		[]string{"advmod say n't", "nsubj say Officials", "ccomp say fired", "nsubj fired who", "obj fired rockets"}, false},
	{"appositive", "Ali Hassan, a local official, was detained by U.S. forces.",
		[]string{"flat Ali Hassan", "appos Ali official", "nsubj:pass detained Ali", "obl:agent detained forces", "compound forces U.S."}, false},
}

func TestGolden(t *testing.T) {
	m := loadModel(t)
	for _, g := range golden {
		t.Run(g.name, func(t *testing.T) {
			s := m.Parse(g.text)
			checkTree(t, s)
			for _, w := range g.want {
				f := strings.Fields(w)
				dep := find(s, f[2])
				if dep < 0 {
					t.Fatalf("no token %q in %s", f[2], g.text)
				}
				tok := s.Tokens[dep]
				head := "ROOT"
				if tok.Head > 0 {
					head = s.Tokens[tok.Head-1].Form
				}
				if tok.Rel == f[0] && head == f[1] {
					continue
				}
				if g.known {
					t.Logf("known miss: %s: got %s(%s, %s), want %s(%s, %s)", g.text, tok.Rel, head, tok.Form, f[0], f[1], f[2])
					continue
				}
				t.Errorf("%s: got %s(%s, %s), want %s(%s, %s)\n%s", g.text, tok.Rel, head, tok.Form, f[0], f[1], f[2], conll(s))
			}
		})
	}
}

func find(s Sentence, form string) int {
	for i, t := range s.Tokens {
		if t.Form == form {
			return i
		}
	}
	return -1
}

func conll(s Sentence) string {
	var b strings.Builder
	WriteCoNLLU(&b, []Sentence{s})
	return b.String()
}
