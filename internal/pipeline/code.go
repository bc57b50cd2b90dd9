package pipeline

import (
	"context"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/coder"
	"github.com/dyad-project/dyad/internal/relevance"
)

// ArticleCoder codes one article (coder.Coder).
type ArticleCoder interface {
	CodeContext(ctx context.Context, a *article.Article) (coder.Result, error)
}

// Code codes a with c and keeps the coder's date check on the article, so
// that the store holds it beside the printed date: every way in (ingest,
// worker, watch, the dashboard) stores what `dyad code --docs-out` prints.
// Mentions dated after the article was written become plans (MarkPlanned).
// A text the relevance gate finds is not news (an encyclopedia article, a
// manual, fiction) is not coded; a.NotNews says why.
func Code(ctx context.Context, c ArticleCoder, a *article.Article) (coder.Result, error) {
	if coder.Reads(a) {
		if v := relevance.Judge(a); !v.News {
			a.NotNews = v.Reason
			return coder.Result{}, ctx.Err()
		}
	}
	res, err := c.CodeContext(ctx, a)
	if err != nil || !coder.Reads(a) {
		return res, err // not read: nothing is known about its date
	}
	a.Check = CheckOf(res.Check)
	for i := range res.Mentions {
		res.Mentions[i].ArticleDateConflict = res.Check.Conflict
	}
	MarkPlanned(a, res.Mentions)
	return res, nil
}

// CheckOf is the coder's date check as an article keeps it.
func CheckOf(c coder.DateCheck) article.DateCheck {
	return article.DateCheck{Checked: true, Conflict: c.Conflict, Start: c.Start, End: c.End,
		Reasons: c.Reasons, Inconsistent: c.Inconsistent}
}
