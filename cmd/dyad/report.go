package main

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"

	"github.com/dyad-project/dyad/internal/pipeline"
	"github.com/dyad-project/dyad/internal/source"
)

// reportDoc prints the one line a document that did not make it gets:
// "skipped:" for a directory entry that is no document (a pipe, a dangling
// link), "failed:" for the rest.
func reportDoc(w io.Writer, err error) {
	if errors.Is(err, source.ErrSkipped) {
		fmt.Fprintf(w, "skipped: %v\n", err)
		return
	}
	fmt.Fprintf(w, "failed: %v\n", err)
}

// tally counts a run's failed documents and its skipped entries apart:
// only failures make the exit status non-zero.
func tally(sum pipeline.Summary) (failed, skipped int) {
	for _, f := range sum.Failed {
		if errors.Is(f.Err, source.ErrSkipped) {
			skipped++
		} else {
			failed++
		}
	}
	return failed, skipped
}

// uncoded counts the articles stored but not coded because the coder does
// not read their language, so a run can say so instead of yielding
// nothing in silence.
type uncoded struct {
	mu     sync.Mutex
	byLang map[string]int
}

func (u *uncoded) add(lang string) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.byLang == nil {
		u.byLang = map[string]int{}
	}
	u.byLang[lang]++
}

// report prints "29 articles in ar, 1 in fr: not coded — English only for
// now" (verb: "stored, not coded" or "not coded"), or nothing.
func (u *uncoded) report(w io.Writer, verb string) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if len(u.byLang) == 0 {
		return
	}
	langs := make([]string, 0, len(u.byLang))
	for l := range u.byLang {
		langs = append(langs, l)
	}
	sort.Slice(langs, func(i, j int) bool {
		if u.byLang[langs[i]] != u.byLang[langs[j]] {
			return u.byLang[langs[i]] > u.byLang[langs[j]]
		}
		return langs[i] < langs[j]
	})
	parts := make([]string, len(langs))
	for i, l := range langs {
		n := u.byLang[l]
		parts[i] = fmt.Sprintf("%d in %s", n, l)
		if i == 0 {
			noun := "articles"
			if n == 1 {
				noun = "article"
			}
			parts[i] = fmt.Sprintf("%d %s in %s", n, noun, l)
		}
	}
	fmt.Fprintf(w, "%s: %s — English only for now\n", strings.Join(parts, ", "), verb)
}

// reportNotNews prints "3 pages not news-like: not coded (see not_news in
// --docs-out)" when the relevance gate held pages back, so that a run
// yielding few events from many pages says why.
func reportNotNews(w io.Writer, n int, verb string) {
	if n == 0 {
		return
	}
	noun := "pages"
	if n == 1 {
		noun = "page"
	}
	fmt.Fprintf(w, "%d %s not news-like (encyclopedia, manual, fiction, how-to…): %s\n", n, noun, verb)
}
