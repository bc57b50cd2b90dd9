package extract

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

func TestTmp(t *testing.T) {
	dir := sharedDir(t, "corpus/news-dev")
	a := ParseText(string(readFile(t, filepath.Join(dir, "news-017.txt")))).Text
	b := ParseText(string(readFile(t, filepath.Join(dir, "news-019.txt")))).Text
	syn := "Reprinted from The New York Times\n\n" + strings.ReplaceAll(a, "\n\n", "\n") + "\n\nSign up for our daily briefing. Copyright 2015 The New York Times Company. All rights reserved."
	t.Logf("syn %d diff %d", hamming(SimHash(a), SimHash(syn)), hamming(SimHash(a), SimHash(b)))
	files, _ := filepath.Glob(filepath.Join(sharedDir(t, "corpus/news-ar"), "ar*.txt"))
	for _, f := range files {
		raw := string(readFile(t, f))
		x, _ := Extract(context.Background(), Input{Source: f, Body: []byte(raw)})
		t.Logf("%s in=%d out=%d title=%.40q date=%s", filepath.Base(f), wordCount(raw), wordCount(x.Text), x.Title, x.PublishedString())
	}
}
