package syntax

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Sentence is one analysed sentence: its text and its words in order. Token
// heads are 1-based indices into Tokens, 0 for the root, as in CoNLL-U.
type Sentence struct {
	Text   string
	Tokens []Token
}

// Token is one syntactic word. Start and End are byte offsets into the text
// given to Parse (shifted by its offset); both are 0 for ParseTokens.
type Token struct {
	Form, Lemma, UPOS, XPOS string
	Head                    int
	Rel                     string
	Start, End              int
}

// ReadCoNLLU reads the word lines of a CoNLL-U stream. Multiword-token
// ranges (1-2) and empty nodes (8.1) are skipped: the basic tree is over the
// word lines only.
func ReadCoNLLU(r io.Reader) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var out []Sentence
	var cur Sentence
	line := 0
	flush := func() {
		if len(cur.Tokens) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	for sc.Scan() {
		line++
		s := sc.Text()
		switch {
		case s == "":
			flush()
			continue
		case strings.HasPrefix(s, "# text = "):
			cur.Text = s[len("# text = "):]
			continue
		case strings.HasPrefix(s, "#"):
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) != 10 {
			return nil, fmt.Errorf("conllu line %d: %d fields, want 10", line, len(f))
		}
		if strings.ContainsAny(f[0], "-.") {
			continue
		}
		head, err := strconv.Atoi(f[6])
		if err != nil {
			return nil, fmt.Errorf("conllu line %d: head %q", line, f[6])
		}
		cur.Tokens = append(cur.Tokens, Token{Form: f[1], Lemma: f[2], UPOS: f[3], XPOS: f[4], Head: head, Rel: f[7]})
	}
	flush()
	return out, sc.Err()
}

// WriteCoNLLU writes sentences as CoNLL-U with the text and, when the tokens
// carry offsets, SpaceAfter=No where the next word follows without a gap.
func WriteCoNLLU(w io.Writer, sents []Sentence) error {
	bw := bufio.NewWriter(w)
	for i, s := range sents {
		fmt.Fprintf(bw, "# sent_id = %d\n# text = %s\n", i+1, oneLine(s.Text))
		for j, t := range s.Tokens {
			misc := "_"
			if j+1 < len(s.Tokens) && t.End > t.Start && s.Tokens[j+1].Start == t.End {
				misc = "SpaceAfter=No"
			}
			fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t_\t%d\t%s\t_\t%s\n", j+1, field(t.Form), field(t.Lemma), t.UPOS, t.XPOS, t.Head, t.Rel, misc)
		}
		bw.WriteString("\n")
	}
	return bw.Flush()
}

// field keeps a CoNLL-U column well formed whatever the word holds.
func field(s string) string {
	if s == "" {
		return "_"
	}
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
