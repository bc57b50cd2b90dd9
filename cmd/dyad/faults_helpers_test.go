package main

import (
	"context"
	"fmt"
	"github.com/dyad-project/dyad/internal/testutil"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/store"
)

// buildDyad builds the command into the test's temp dir, for tests that
// kill it with SIGKILL.
func buildDyad(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "dyad")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// faultCorpus is the material the fault tests ingest: the seeds, news-dev
// (several outlets on the same events, so stories merge) and news-ar.
func faultCorpus(t testing.TB) []string {
	return []string{testutil.SharedDir(t, "corpus/seeds"), testutil.SharedDir(t, "corpus/news-dev"), testutil.SharedDir(t, "corpus/news-ar")}
}

// snapshot is a store's content in a form that does not depend on the order
// it was written in: each article (by content hash) with its mentions, and
// the stories as sets of mentions.
type snapshot struct {
	articles map[string][]string // hash → mentions in article order
	stories  []string            // each story: its sorted mention keys; sorted
}

func takeSnapshot(t *testing.T, db store.Store) snapshot {
	t.Helper()
	ctx := context.Background()
	arts, err := db.ListArticles(ctx, store.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	hashOf := map[int64]string{}
	s := snapshot{articles: map[string][]string{}}
	for _, a := range arts {
		if _, dup := s.articles[a.Hash]; dup {
			t.Errorf("article %s stored twice", a.Hash[:12])
		}
		hashOf[a.ID] = a.Hash
		s.articles[a.Hash] = nil
	}
	ms, err := db.ListMentions(ctx, store.MentionFilter{})
	if err != nil {
		t.Fatal(err)
	}
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].ArticleID != ms[j].ArticleID {
			return ms[i].ArticleID < ms[j].ArticleID
		}
		return ms[i].SentStart < ms[j].SentStart
	})
	byStory := map[string][]string{}
	for _, m := range ms {
		k := mentionKey(hashOf[m.ArticleID], m)
		s.articles[hashOf[m.ArticleID]] = append(s.articles[hashOf[m.ArticleID]], k)
		if m.StoryID != "" {
			byStory[m.StoryID] = append(byStory[m.StoryID], k)
		}
	}
	for _, keys := range byStory {
		sort.Strings(keys)
		s.stories = append(s.stories, strings.Join(keys, " + "))
	}
	sort.Strings(s.stories)
	return s
}

func mentionKey(hash string, m event.Mention) string {
	return fmt.Sprintf("%.10s@%d:%s:%s>%s", hash, m.SentStart, m.Event, m.Actor.Code, m.Recipient.Code)
}

// compareSnapshots reports how got differs from want.
func compareSnapshots(t *testing.T, what string, got, want snapshot) {
	t.Helper()
	if len(got.articles) != len(want.articles) {
		t.Errorf("%s: %d articles, want %d", what, len(got.articles), len(want.articles))
	}
	bad := 0
	for h, w := range want.articles {
		g, ok := got.articles[h]
		if !ok || strings.Join(g, "|") != strings.Join(w, "|") {
			if bad++; bad <= 3 {
				t.Errorf("%s: article %.12s: mentions %q, want %q", what, h, g, w)
			}
		}
	}
	if bad > 3 {
		t.Errorf("%s: %d articles differ in all", what, bad)
	}
	if strings.Join(got.stories, "\n") != strings.Join(want.stories, "\n") {
		t.Errorf("%s: stories differ:\n%s", what, diffLines(got.stories, want.stories))
	}
}

func diffLines(got, want []string) string {
	in := func(xs []string) map[string]bool {
		m := map[string]bool{}
		for _, x := range xs {
			m[x] = true
		}
		return m
	}
	g, w := in(got), in(want)
	var b strings.Builder
	for _, x := range got {
		if !w[x] {
			fmt.Fprintf(&b, "  extra:   %s\n", x)
		}
	}
	for _, x := range want {
		if !g[x] {
			fmt.Fprintf(&b, "  missing: %s\n", x)
		}
	}
	return b.String()
}
