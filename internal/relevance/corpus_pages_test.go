// The race detector makes extraction of the 160 corpus pages take minutes
// (about 9s without it), so this figure runs in plain go test only; `make
// test` still runs TestCorpusNews and the unit tests under -race.

//go:build !race

package relevance

import (
	"bufio"
	"context"
	"github.com/dyad-project/dyad/internal/testutil"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/internal/extract"
)

// pageKinds reads testdata/pages.tsv: what each English corpus page is.
func pageKinds(t *testing.T) map[string]string {
	f, err := os.Open(filepath.Join("testdata", "pages.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	kinds := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := sc.Text(); l != "" && !strings.HasPrefix(l, "#") {
			p := strings.Split(l, "\t")
			kinds[p[0]] = p[1]
		}
	}
	return kinds
}

// pagePath is where a page of pages.tsv is in ../shared/corpus/pages.
func pagePath(root, name string) string {
	if n, ok := strings.CutPrefix(name, "r-"); ok {
		return filepath.Join(root, "readability/test/test-pages", n, "source.html")
	}
	return filepath.Join(root, "newspaper4k/tests/data/html", strings.TrimPrefix(name, "n-")+".html")
}

// TestCorpusPages runs the gate on the English pages of the shared corpus:
// no news page may be held back, and most pages that are not news must be.
// The figures:
//
//	go test ./internal/relevance -run TestCorpus -v
func TestCorpusPages(t *testing.T) {
	root := testutil.SharedDir(t, "corpus/pages")
	held := map[string]int{}
	total := map[string]int{}
	for name, kind := range pageKinds(t) {
		b, err := os.ReadFile(pagePath(root, name))
		if err != nil {
			t.Fatal(err)
		}
		a, err := extract.Extract(context.Background(), extract.Input{Source: name, Body: b, ContentType: "text/html"})
		if err != nil {
			continue // not an article at all (an empty test page)
		}
		total[kind]++
		v := Judge(a)
		if v.News {
			continue
		}
		held[kind]++
		t.Logf("%s (%s): not news: %s (margin %.2f)", name, kind, v.Reason, v.Margin)
		if kind == "news" {
			t.Errorf("news page %s held back: %s", name, v.Reason)
		}
	}
	t.Logf("held back: %d of %d pages that are not news, %d of %d features, %d of %d news",
		held["notnews"], total["notnews"], held["feature"], total["feature"], held["news"], total["news"])
	if held["notnews"] < total["notnews"]*2/3 {
		t.Errorf("only %d of %d pages that are not news held back", held["notnews"], total["notnews"])
	}
}
