package storetest

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/store"
)

// Transactor is the optional capability of running several calls as one
// transaction; stores that have it are also checked for atomicity.
type Transactor interface {
	InTx(ctx context.Context, locks []string, fn func(ctx context.Context, tx store.Store) error) error
}

// Run checks that the stores open returns keep every promise of the
// store interfaces. open must return an empty store for each call.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s store.Store)
	}{
		{"PutArticleIdempotent", testPutArticleIdempotent},
		{"NearDuplicateLinked", testNearDuplicate},
		{"ListArticlesFilters", testListArticles},
		{"MentionsRoundTrip", testMentionsRoundTrip},
		{"PutMentionsReplaces", testPutMentionsReplaces},
		{"RenameStory", testRenameStory},
		{"ListMentionsFilters", testListMentions},
		{"SyndicatedOutlet", testSyndicatedOutlet},
		{"TransactionAtomic", testTransaction},
		{"DateCheckKept", testDateCheck},
		{"NotNewsKept", testNotNews},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() { s.Close() })
			tc.fn(t, s)
		})
	}
}

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

func put(t *testing.T, s store.Store, a *article.Article) store.PutResult {
	t.Helper()
	r, err := s.PutArticle(context.Background(), a)
	if err != nil {
		t.Fatalf("PutArticle %s: %v", a.Source, err)
	}
	return r
}

func testPutArticleIdempotent(t *testing.T, s store.Store) {
	ctx := context.Background()
	a := &article.Article{Source: "a.txt", URL: "https://ex.org/a", Outlet: "Ex", Title: "T", Author: "W",
		Text: "Iraq and Iran met.", SimHash: 0xdeadbeef, Language: "en",
		Published: day("2025-11-04"), DateFrom: article.DateLine}
	r1 := put(t, s, a)
	if !r1.Created || r1.ID == 0 || a.ID != r1.ID {
		t.Fatalf("first put: %+v (a.ID %d)", r1, a.ID)
	}
	// Same words, other spacing and case: the same content.
	r2 := put(t, s, &article.Article{Source: "b.txt", Text: "iraq  and IRAN met.", SimHash: 0xdeadbeef})
	if r2.Created || r2.ID != r1.ID {
		t.Fatalf("second put should find the first: %+v", r2)
	}
	if n, err := s.CountArticles(ctx); err != nil || n != 1 {
		t.Fatalf("count = %d (%v), want 1", n, err)
	}
	got, err := s.Article(ctx, r1.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.PublishedString() != "2025-11-04" || got.DateFrom != article.DateLine || got.Title != "T" ||
		got.URL != a.URL || got.Outlet != "Ex" || got.Author != "W" || got.Language != "en" ||
		got.SimHash != 0xdeadbeef || got.Hash != article.ContentHash(a.Text) || got.Text != a.Text || got.Ingested.IsZero() {
		t.Fatalf("round trip lost fields: %+v", got)
	}
	if _, err := s.Article(ctx, r1.ID+1000); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("missing article: %v, want ErrNotFound", err)
	}
	for hash, want := range map[string]bool{a.Hash: true, article.ContentHash("other"): false} {
		if has, err := s.HasHash(ctx, hash); err != nil || has != want {
			t.Errorf("HasHash(%.8s) = %v, %v; want %v", hash, has, err, want)
		}
	}
	// A SimHash with the top bit set must survive a signed 64-bit column.
	big := &article.Article{Source: "c", Text: "c", SimHash: 0xfedcba9876543210}
	put(t, s, big)
	if got, _ := s.Article(ctx, big.ID); got == nil || got.SimHash != big.SimHash {
		t.Fatalf("simhash round trip: %+v", got)
	}
}

func testNearDuplicate(t *testing.T, s store.Store) {
	orig := put(t, s, &article.Article{Source: "site1", Text: "one", SimHash: 0xffff0000ffff0000})
	copy1 := put(t, s, &article.Article{Source: "site2", Text: "one with chrome", SimHash: 0xffff0000ffff0007})  // 3 bits off
	copy2 := put(t, s, &article.Article{Source: "site3", Text: "one, more chrome", SimHash: 0xffff0000ffff000f}) // 4 off orig, 1 off copy1
	other := put(t, s, &article.Article{Source: "site4", Text: "different", SimHash: 0x0f0f0f0f0f0f0f0f})
	far := put(t, s, &article.Article{Source: "site5", Text: "far", SimHash: 0xffff0000ffff00ff}) // shares bands, 8 bits off
	if !copy1.Created || copy1.NearDupOf != orig.ID {
		t.Errorf("syndicated copy not linked: %+v (orig %d)", copy1, orig.ID)
	}
	if copy2.NearDupOf != orig.ID {
		t.Errorf("copy of a copy links to %d, want the earliest %d", copy2.NearDupOf, orig.ID)
	}
	if other.NearDupOf != 0 || far.NearDupOf != 0 {
		t.Errorf("different texts linked: %+v %+v", other, far)
	}
	got, err := s.Article(context.Background(), copy1.ID)
	if err != nil || got.DupOf != orig.ID {
		t.Errorf("stored DupOf = %v (%v), want %d", got, err, orig.ID)
	}
}

func testListArticles(t *testing.T, s store.Store) {
	ctx := context.Background()
	for i, a := range []struct{ date, outlet string }{
		{"2020-01-01", "A"}, {"2021-06-01", "B"}, {"", "A"}, {"2021-06-30", "A"},
	} {
		art := &article.Article{Source: "s", Outlet: a.outlet, Text: "text " + string(rune('a'+i)), SimHash: uint64(i+1) << 20}
		if a.date != "" {
			art.Published = day(a.date)
		}
		put(t, s, art)
	}
	pubs := func(as []article.Article) []string {
		var out []string
		for _, a := range as {
			out = append(out, a.PublishedString())
		}
		return out
	}
	cases := []struct {
		name string
		f    store.ArticleFilter
		want []string
	}{
		{"all, in ingest order, unknown date kept", store.ArticleFilter{}, []string{"2020-01-01", "2021-06-01", "", "2021-06-30"}},
		{"since inclusive", store.ArticleFilter{Since: day("2021-06-01")}, []string{"2021-06-01", "2021-06-30"}},
		{"until inclusive", store.ArticleFilter{Until: day("2021-06-01")}, []string{"2020-01-01", "2021-06-01"}},
		{"outlet", store.ArticleFilter{Outlet: "A"}, []string{"2020-01-01", "", "2021-06-30"}},
		{"outlet and since", store.ArticleFilter{Outlet: "A", Since: day("2021-01-01")}, []string{"2021-06-30"}},
		{"limit", store.ArticleFilter{Limit: 2}, []string{"2020-01-01", "2021-06-01"}},
	}
	for _, c := range cases {
		got, err := s.ListArticles(ctx, c.f)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if g := pubs(got); !equal(g, c.want) {
			t.Errorf("%s: %q, want %q", c.name, g, c.want)
		}
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
