package export

import (
	"context"
	"fmt"
	"io"
	"strconv"

	"github.com/dyad-project/dyad/internal/analyze"
	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/store"
)

// What is the kind of record exported.
type What string

// The record kinds.
const (
	Events   What = "events"
	Stories  What = "stories"
	Articles What = "articles"
)

// ParseWhat reads a --what value.
func ParseWhat(s string) (What, error) {
	switch w := What(s); w {
	case Events, Stories, Articles:
		return w, nil
	}
	return "", fmt.Errorf("what %q: want events, stories or articles", s)
}

// Source is what an export reads from a store.
type Source interface {
	store.MentionIterator
	store.ArticleIterator
}

// Request says what to export and how.
type Request struct {
	Format   Format
	What     What
	Mentions store.MentionFilter // events and stories
	Articles store.ArticleFilter // articles
}

// Write exports the records req selects from src to w and returns how many
// rows it wrote. The GDELT format exports stories.
func Write(ctx context.Context, src Source, w io.Writer, req Request) (int, error) {
	switch {
	case req.Format == GDELT:
		return writeStories(ctx, src, w, req, gdeltRow)
	case req.What == Events && req.Format == JSONL:
		return writePLOVER(ctx, src, w, req.Mentions)
	case req.What == Events:
		return writeEvents(ctx, src, w, req)
	case req.What == Stories:
		return writeStories(ctx, src, w, req, storyRow)
	case req.What == Articles:
		return writeArticles(ctx, src, w, req)
	}
	return 0, fmt.Errorf("export: nothing to do for %q as %q", req.What, req.Format)
}

// writePLOVER writes PLOVER JSON Lines through the event package's own form.
func writePLOVER(ctx context.Context, src Source, w io.Writer, f store.MentionFilter) (int, error) {
	jw, n := newJSONLWriter[event.JSON](w), 0
	err := src.EachMention(ctx, f, func(m *event.Mention) error {
		n++
		// the stored mention id, as the API and `dyad events --json` give it
		return jw.Write(m.ToJSON(strconv.FormatInt(m.ID, 10)))
	})
	return n, wrap(err)
}

func writeEvents(ctx context.Context, src Source, w io.Writer, req Request) (int, error) {
	rw, err := newRowWriter[EventRow](w, req.Format)
	if err != nil {
		return 0, err
	}
	n := 0
	err = src.EachMention(ctx, req.Mentions, func(m *event.Mention) error {
		n++
		return rw.Write(eventRow(m))
	})
	return n, finish(rw, err)
}

// writeStories groups the selected mentions into stories first: a story is
// only complete once all its mentions are seen.
func writeStories[T any](ctx context.Context, src Source, w io.Writer, req Request, row func(*analyze.Story) T) (int, error) {
	format := req.Format
	if format == GDELT {
		format = CSV
	}
	rw, err := newRowWriter[T](w, format)
	if err != nil {
		return 0, err
	}
	g := analyze.NewGrouper()
	if err := src.EachMention(ctx, req.Mentions, func(m *event.Mention) error { g.Add(m); return nil }); err != nil {
		return 0, finish(rw, err)
	}
	stories := g.Stories()
	for i := range stories {
		if err := rw.Write(row(&stories[i])); err != nil {
			return i, finish(rw, err)
		}
	}
	return len(stories), finish(rw, nil)
}

func writeArticles(ctx context.Context, src Source, w io.Writer, req Request) (int, error) {
	rw, err := newRowWriter[ArticleRow](w, req.Format)
	if err != nil {
		return 0, err
	}
	n := 0
	err = src.EachArticle(ctx, req.Articles, func(a *article.Article) error {
		n++
		return rw.Write(articleRow(a))
	})
	return n, finish(rw, err)
}

// finish closes the writer (so a file is always well formed up to the
// error) and reports the first error.
func finish[T any](rw rowWriter[T], err error) error {
	if cerr := rw.Close(); err == nil {
		err = cerr
	}
	return wrap(err)
}

func wrap(err error) error {
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}
