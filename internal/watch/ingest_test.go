package watch

import (
	"bytes"
	"context"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/coder"
	"github.com/dyad-project/dyad/internal/store/sqlite"
)

// TestIngestLogsNotNews: a new page the relevance gate held back is logged
// with its marks; a news page is not.
func TestIngestLogsNotNews(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "dyad.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var logged bytes.Buffer
	opt := ingestOptions(db, nil, 1, nil, slog.New(slog.NewTextHandler(&logged, nil)))
	for _, a := range []*article.Article{
		{Source: "https://wiki.example/velmora", Text: "Velmora is a republic.", NotNews: "encyclopedic (citation marks, life years, coordinates)"},
		{Source: "https://news.example/strike", Text: "Dock workers walked out on Tuesday, officials said."},
	} {
		a.Hash = article.ContentHash(a.Text)
		if _, err := opt.Store(ctx, a, coder.Result{}); err != nil {
			t.Fatal(err)
		}
	}
	out := logged.String()
	if !strings.Contains(out, "page not news-like: stored, not coded") || !strings.Contains(out, "wiki.example/velmora") ||
		!strings.Contains(out, "encyclopedic") || strings.Contains(out, "news.example") {
		t.Errorf("log: %s", out)
	}
}
