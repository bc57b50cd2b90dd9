// Package relevance is the gate before event coding: it judges whether a
// text reads as news, so that an encyclopedia article, a software manual,
// a how-to or a story is not coded as if it reported events. It reads
// general marks of the genre (attribution, near dates, datelines, declared
// page type against reference marks, second-person instructions, first-
// person narration, dialogue, program text), never names of entities.
package relevance

import (
	"sort"
	"strings"

	"github.com/dyad-project/dyad/internal/article"
)

// Verdict is the gate's judgement on one text.
type Verdict struct {
	News bool
	// Margin is how far the marks of other genres outweigh the marks of
	// news; the text is not news from Threshold up.
	Margin float64
	// Reason says why a text is not news, in words a user reads in a log:
	// "encyclopedic (citation marks, life years)".
	Reason  string
	Signals Signals
}

// MinWords and MinSentences are the size under which a text is always
// coded: a sentence, a feed snippet or a short brief carries too few marks
// to judge its genre (PLV's one-sentence documents among them).
const (
	MinWords     = 80
	MinSentences = 6
)

// Judge reads the signals of a and weighs the marks of other genres
// against the marks of news. Each mark counts up to a cap, so that one
// very strong mark (a page full of citation brackets) decides alone but a
// weak one (a news report quoting a "you") does not.
func Judge(a *article.Article) Verdict {
	s := Read(a)
	v := Verdict{News: true, Signals: s}
	if s.Words < MinWords || s.Sentences < MinSentences {
		return v
	}
	news := capped(s.Reporting/0.15, 2) + capped(s.Recent/0.08, 2)
	if s.Dateline {
		news++
	}
	if s.NewsType {
		news += 0.5
	}
	other := map[string]float64{
		"encyclopedic (citation marks, life years, coordinates)": capped(s.Reference/0.03, 3),
		"dialogue, as in fiction":                                capped(s.Dialogue/0.2, 3),
		"addressed to the reader (you, your)":                    capped(s.You/2, 3),
		"first-person narration":                                 capped(s.I/2, 3),
		"program text":                                           capped(s.Code/0.08, 3),
	}
	if s.Words >= 1500 && s.Reporting < 0.05 && s.Recent < 0.03 && !s.Dateline {
		other["no attribution or recent dates over a long text"] = 2
	}
	if s.OtherType {
		other["declared a page that is not an article"] = 1
	}
	var sum float64
	for _, w := range other {
		sum += w
	}
	v.Margin = sum - news
	if v.Margin < Threshold {
		return v
	}
	v.News = false
	v.Reason = reasons(other)
	return v
}

// threshold is how far the marks of other genres must outweigh the marks
// of news for a text not to be coded.
const Threshold = 1.5

func capped(x, limit float64) float64 { return min(x, limit) }

// reasons names the marks that weigh most, strongest first.
func reasons(other map[string]float64) string {
	type kv struct {
		k string
		w float64
	}
	var all []kv
	for k, w := range other {
		if w >= 0.5 {
			all = append(all, kv{k, w})
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].w > all[j].w || all[i].w == all[j].w && all[i].k < all[j].k })
	var names []string
	for _, e := range all {
		names = append(names, e.k)
	}
	if len(names) == 0 {
		return "few marks of news"
	}
	return strings.Join(names, "; ")
}
