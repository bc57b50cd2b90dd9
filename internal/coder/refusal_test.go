package coder

import (
	"slices"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/internal/article"
)

// A refusal is made to whom it waits on: the subject of the "until" clause,
// even a party of no country, or the agent of its passive.
func TestRefusalWaitsOnParty(t *testing.T) {
	c := defaultCoder(t)
	for text, want := range map[string]string{
		"Peruvian miners will not end the strike until the authorities meet their demands.":      "authorities",
		"Peruvian miners will not end the strike until their demands are met by the government.": "government",
	} {
		res := c.Code(&article.Article{Source: "t.txt", Text: text, Published: day("2021-03-20")})
		found := false
		for _, m := range res.Mentions {
			found = found || m.Event == "REJECT" && m.Recipient.Text == want
		}
		if !found {
			t.Errorf("%q: mentions %+v, want REJECT to %q", text, res.Mentions, want)
		}
	}
}

// Stopping a fight is done to whom or where it was fought: "ended its war
// against Peru", "declared a ceasefire in Peru", "ceased operations in Lima".
func TestDeescalationRecipient(t *testing.T) {
	c := defaultCoder(t)
	for _, text := range []string{
		"Chile ended its war against Peru on Monday.",
		"The Chilean army declared a ceasefire in Peru on Monday.",
		"The Chilean army ceased its military operations in Arequipa on Monday.",
	} {
		got := summaries(c.Code(&article.Article{Source: "t.txt", Text: text, Published: day("2021-03-20")}))
		if !slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, "RETREAT CHL>PER") }) {
			t.Errorf("%q: mentions %q, want RETREAT CHL>PER", text, got)
		}
	}
}
