package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/coder"
	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/merge"
	"github.com/dyad-project/dyad/internal/pipeline"
	"github.com/dyad-project/dyad/internal/store"
)

type codeOptions struct {
	ingestOptions
	eventsOut, docsOut string
}

func newCodeCmd(g *globals) *cobra.Command {
	o := &codeOptions{}
	cmd := &cobra.Command{
		Use:   "code SOURCE...",
		Short: "Code articles into PLOVER events in one pass, without a database",
		Long: `Read the sources (as dyad ingest does), code every article and merge the mentions into
stories, all in memory. Writes one PLOVER JSON mention per line (--events-out, default standard
output) and, with --docs-out, one JSON line per document with its publication date and the
date check of its content.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.stdin = cmd.InOrStdin()
			return runCode(cmd.Context(), g, o, args, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.eventsOut, "events-out", "-", "file for the event mentions (JSON Lines); - for standard output")
	f.StringVar(&o.docsOut, "docs-out", "", "file for one JSON line per document")
	addFetchFlags(cmd, &o.ingestOptions)
	return cmd
}

// coded is one article with what the coder made of it.
type coded struct {
	art      *article.Article
	res      coder.Result // its Mentions move to codeAll's list of all mentions
	mentions int
	uncoded  bool // a language the coder does not read
}

// memSink keeps articles in memory for one-shot coding, idempotent by
// content hash like the real store.
type memSink struct {
	mu     sync.Mutex
	byHash map[string]int64
	next   int64
}

func (s *memSink) PutArticle(_ context.Context, a *article.Article) (store.PutResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if a.Hash == "" {
		a.Hash = article.ContentHash(a.Text)
	}
	if id, ok := s.byHash[a.Hash]; ok {
		return store.PutResult{ID: id}, nil
	}
	s.next++
	s.byHash[a.Hash] = s.next
	a.ID = s.next
	return store.PutResult{ID: s.next, Created: true}, nil
}

// codeAll reads and codes the sources in memory and merges the mentions.
func codeAll(ctx context.Context, o *ingestOptions, args []string, stderr io.Writer) ([]coded, []event.Mention, []*merge.Story, pipeline.Summary, error) {
	c, err := loadCoder()
	if err != nil {
		return nil, nil, nil, pipeline.Summary{}, err
	}
	var docs []coded
	sink := &memSink{byHash: map[string]int64{}}
	opt := pipeline.Options{
		Workers: o.workers,
		Budget:  cliBudget(o.budget),
		Code:    codeFunc(c),
		// nothing here looks for near-duplicates: the memory sink keys
		// on the content hash alone
		NoSimHash: true,
		After: func(_ context.Context, a *article.Article, r any) error {
			un := !coder.Reads(a)
			res := r.(coder.Result)
			a.Text = "" // mentions keep their sentences; memory stays flat
			detach(a, &res)
			docs = append(docs, coded{art: a, res: res, mentions: len(res.Mentions), uncoded: un})
			return nil
		},
		Progress: func(_ string, _ store.PutResult, err error) {
			if err != nil {
				reportDoc(stderr, err)
			}
		},
	}
	sum, err := pipeline.Ingest(ctx, newReader(o), sink, args, opt)
	if err != nil {
		return nil, nil, nil, sum, err
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i].art.Source < docs[j].art.Source })
	// One allocation for all the mentions: appending to a growing slice of
	// ~400-byte mentions copied them about twice over and asked the OS for
	// ever larger blocks, on the one goroutine everything then waits for.
	n := 0
	for i := range docs {
		n += len(docs[i].res.Mentions)
	}
	all := make([]event.Mention, 0, n)
	for i := range docs {
		all = append(all, docs[i].res.Mentions...)
		docs[i].res.Mentions = nil // one copy of every mention is kept, not two
	}
	stories := merge.Merge(all)
	return docs, all, stories, sum, nil
}

// detach copies the strings a coded article keeps until the end of the
// run out of the texts they were cut from: a sentence, a title or a name
// that is a slice of the article's text (or of the page it was decoded
// from) would keep the whole text alive, several KB a document, and the
// live heap the collector marks on every cycle would grow with the run.
func detach(a *article.Article, r *coder.Result) {
	a.Title, a.Outlet, a.Author, a.URL = strings.Clone(a.Title), strings.Clone(a.Outlet), strings.Clone(a.Author), strings.Clone(a.URL)
	sentences := map[int]string{} // several mentions share a sentence
	for i := range r.Mentions {
		m := &r.Mentions[i]
		s, ok := sentences[m.SentStart]
		if !ok || s != m.Sentence {
			s = strings.Clone(m.Sentence)
			sentences[m.SentStart] = s
		}
		m.Sentence = s
		m.Trigger, m.DateText = strings.Clone(m.Trigger), strings.Clone(m.DateText)
		m.Doc, m.Outlet, m.Location = a.Source, a.Outlet, strings.Clone(m.Location)
		m.Actor.Text, m.Recipient.Text = strings.Clone(m.Actor.Text), strings.Clone(m.Recipient.Text)
		for j := range m.ReportedBy {
			m.ReportedBy[j] = strings.Clone(m.ReportedBy[j])
		}
	}
	for i := range r.Check.Reasons {
		r.Check.Reasons[i] = strings.Clone(r.Check.Reasons[i])
	}
	for i := range r.Check.Inconsistent {
		r.Check.Inconsistent[i] = strings.Clone(r.Check.Inconsistent[i])
	}
}

func mentionID(m *event.Mention, i int) string { return fmt.Sprintf("%s-%d", baseName(m.Doc), i) }

func runCode(ctx context.Context, g *globals, o *codeOptions, args []string, stdout, stderr io.Writer) error {
	docs, all, stories, sum, err := codeAll(ctx, &o.ingestOptions, args, stderr)
	if err != nil {
		return err
	}
	if err := writeJSONL(o.eventsOut, stdout, func(enc *json.Encoder) error {
		for i := range all {
			if err := enc.Encode(all[i].ToJSON(mentionID(&all[i], i))); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	if o.docsOut != "" {
		if err := writeJSONL(o.docsOut, stdout, func(enc *json.Encoder) error {
			for _, d := range docs {
				if err := enc.Encode(docJSON(d)); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			return err
		}
	}
	failed, skipped := tally(sum)
	if !g.quiet {
		fmt.Fprintf(stderr, "coded %d documents: %d event mentions in %d stories; %d duplicate, %d failed, %d skipped\n",
			len(docs), len(all), len(stories), sum.Duplicate, failed, skipped)
		un := &uncoded{}
		for _, d := range docs {
			if d.uncoded {
				un.add(d.art.Language)
			}
		}
		un.report(stderr, "not coded")
		notNews := 0
		for _, d := range docs {
			if d.art.NotNews != "" {
				notNews++
			}
		}
		reportNotNews(stderr, notNews, "not coded")
	}
	if failed > 0 {
		return errFailed
	}
	return nil
}

// docLine is the per-document output of dyad code.
type docLine struct {
	Doc              string   `json:"doc"`
	Source           string   `json:"source"`
	Title            string   `json:"title"`
	Outlet           string   `json:"outlet"`
	Published        *string  `json:"published"`
	PublishedFrom    string   `json:"published_from"`
	Updated          *string  `json:"updated,omitempty"`
	Language         string   `json:"language"`
	DateConflict     bool     `json:"date_conflict"`
	ContentDateStart *string  `json:"content_date_start"`
	ContentDateEnd   *string  `json:"content_date_end"`
	DateReasons      []string `json:"date_reasons,omitempty"`
	Inconsistencies  []string `json:"inconsistencies,omitempty"`
	Mentions         int      `json:"mentions"`
	// NotNews is why the relevance gate did not code the document.
	NotNews string `json:"not_news,omitempty"`
}

func docJSON(d coded) docLine {
	a := d.art
	j := toJSON(a, false)
	l := docLine{Doc: baseName(a.Source), Source: a.Source, Title: a.Title, Outlet: a.Outlet, Published: j.Published,
		PublishedFrom: j.PublishedFrom, Language: a.Language, DateConflict: d.res.Check.Conflict,
		DateReasons: d.res.Check.Reasons, Inconsistencies: d.res.Check.Inconsistent, Mentions: d.mentions,
		Updated: dayPtr(a.Updated), NotNews: a.NotNews}
	if d.res.Check.Conflict {
		s, e := d.res.Check.Start.Format(time.DateOnly), d.res.Check.End.Format(time.DateOnly)
		l.ContentDateStart, l.ContentDateEnd = &s, &e
	}
	return l
}

func writeJSONL(path string, stdout io.Writer, fn func(*json.Encoder) error) error {
	w := stdout
	var f *os.File
	if path != "-" && path != "" {
		var err error
		if f, err = os.Create(path); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	if err := fn(enc); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if f != nil {
		return f.Close()
	}
	return nil
}
