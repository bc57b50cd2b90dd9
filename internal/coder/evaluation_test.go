package coder

import (
	"slices"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/internal/article"
)

// A speaker who judges what a party did harshly accuses that party.
func TestHarshJudgementAccuses(t *testing.T) {
	c := defaultCoder(t)
	for _, text := range []string{
		"The Bolivian foreign minister said on Monday that Chile's refusal to meet was disappointing.",
		"The Bolivian foreign minister said on Monday that Chile's new law was unconstitutional.",
		"\"We will expose the crimes of the Chilean government,\" the Bolivian foreign minister said on Monday.",
	} {
		got := summaries(c.Code(&article.Article{Source: "t.txt", Text: text, Published: day("2021-03-20")}))
		if !slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, "ACCUSE BOL>CHL 2021-03-15..2021-03-15") }) {
			t.Errorf("%q: mentions %q, want ACCUSE BOL>CHL", text, got)
		}
	}
}
