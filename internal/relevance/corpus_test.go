package relevance

import (
	"context"
	"github.com/dyad-project/dyad/internal/testutil"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/internal/extract"
)

// TestCorpusNews: every development news text and seed page is coded.
func TestCorpusNews(t *testing.T) {
	for _, set := range []string{"corpus/news-dev", "corpus/seeds"} {
		files, _ := filepath.Glob(filepath.Join(testutil.SharedDir(t, set), "*"))
		for _, f := range files {
			if strings.HasSuffix(f, ".md") || strings.HasSuffix(f, ".tsv") {
				continue
			}
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			a, err := extract.Extract(context.Background(), extract.Input{Source: f, Body: b})
			if err != nil {
				t.Fatal(err)
			}
			if v := Judge(a); !v.News {
				t.Errorf("%s held back: %s (margin %.2f)", filepath.Base(f), v.Reason, v.Margin)
			}
		}
	}
}
