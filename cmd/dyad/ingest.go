package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/coder"
	"github.com/dyad-project/dyad/internal/pipeline"
	"github.com/dyad-project/dyad/internal/queue"
	"github.com/dyad-project/dyad/internal/source"
	"github.com/dyad-project/dyad/internal/store"
)

type ingestOptions struct {
	allowPrivate bool
	workers      int
	timeout      time.Duration
	maxBytes     int64
	delay        time.Duration
	retries      int
	stdin        io.Reader
	queue        string // publish to this NATS server instead of storing
	budget       time.Duration
}

func newIngestCmd(g *globals) *cobra.Command {
	o := &ingestOptions{}
	cmd := &cobra.Command{
		Use:   "ingest SOURCE...",
		Short: "Read articles from files, directories, globs, stdin (-), URLs, feeds or crawler JSONL into the store",
		Long: `Read articles into the store. A SOURCE is a file, a directory (read recursively), a glob,
"-" for standard input, an http(s) URL of a page or of an RSS/Atom feed (its items are followed),
or a JSON Lines file of crawler records (news-please fields url, title, date_publish, maintext,
source_domain, language; or url, title, published, text, outlet).

Ingest is idempotent: the same content twice is stored once; syndicated copies are linked.
A document that cannot be read, or whose text is not readable words (markup, a feed or SVG
read as a file, encoded data, one token or one word repeated, bytes valid in no charset), is
reported with its reason and skipped; the exit status is 1 when anything failed. Named pipes,
sockets and devices are refused; inside a directory they, dangling or looping links and links
to directories are reported as skipped and counted, without failing the run.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.stdin = cmd.InOrStdin()
			return runIngest(cmd.Context(), g, o, args, cmd.ErrOrStderr())
		},
	}
	addFetchFlags(cmd, o)
	cmd.Flags().StringVar(&o.queue, "queue", "", "publish the extracted documents to this NATS JetStream `URL` (nats://host:port[?stream=NAME]) for dyad worker instead of storing them")
	return cmd
}

// addFetchFlags declares the flags that govern reading sources.
func addFetchFlags(cmd *cobra.Command, o *ingestOptions) {
	f := cmd.Flags()
	f.BoolVar(&o.allowPrivate, "allow-private", false, "allow fetching from private, loopback and link-local addresses")
	f.IntVar(&o.workers, "workers", 0, "extraction workers (default: number of CPUs)")
	f.DurationVar(&o.timeout, "timeout", 30*time.Second, "per-request timeout for URLs")
	f.Int64Var(&o.maxBytes, "max-bytes", 10<<20, "largest document accepted, in bytes")
	f.DurationVar(&o.delay, "delay", time.Second, "minimum delay between two requests to the same host")
	f.IntVar(&o.retries, "retries", 3, "retries on timeouts, 429 and 5xx answers")
	f.DurationVar(&o.budget, "doc-timeout", pipeline.DefaultBudget, "longest time coding one document may take before it is skipped as failed (0: no limit)")
}

func newReader(o *ingestOptions) *source.Reader {
	// The source package reads zero as "use the default"; on the command
	// line 0 means none.
	delay, retries, stdin := o.delay, o.retries, o.stdin
	if stdin == nil {
		stdin = os.Stdin
	}
	if delay == 0 {
		delay = -1
	}
	if retries == 0 {
		retries = -1
	}
	return source.New(source.Options{
		AllowPrivate: o.allowPrivate, Timeout: o.timeout, MaxBytes: o.maxBytes,
		HostDelay: delay, Retries: retries, Stdin: stdin,
	})
}

func runIngest(ctx context.Context, g *globals, o *ingestOptions, args []string, stderr io.Writer) error {
	if o.queue != "" {
		return runPublish(ctx, g, o, args, stderr)
	}
	db, err := g.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	reader := newReader(o)
	var bar *progressbar.ProgressBar
	if !g.quiet && isTerminal(stderr) {
		bar = progressbar.NewOptions(-1, progressbar.OptionSetWriter(stderr), progressbar.OptionSetDescription("ingesting"),
			progressbar.OptionShowCount(), progressbar.OptionShowIts(), progressbar.OptionSetItsString("docs"),
			progressbar.OptionClearOnFinish())
	}
	progress := func(src string, _ store.PutResult, err error) {
		if bar != nil {
			bar.Add(1)
		}
		if err != nil {
			if bar != nil {
				bar.Clear()
			}
			reportDoc(stderr, err)
		}
	}
	c, err := loadCoder()
	if err != nil {
		return err
	}
	un := &uncoded{}
	notNews := 0
	opt := pipeline.Options{
		Workers:  o.workers,
		Budget:   cliBudget(o.budget),
		Progress: progress,
		Code:     codeFunc(c),
		// The article and its merged mentions in one transaction (worker.go),
		// the documents ready together in one batch when the store can.
		Batch: db,
		Store: func(ctx context.Context, a *article.Article, r any) (store.PutResult, error) {
			res, _ := r.(coder.Result) // none when the article was already stored
			put, err := storeCoded(ctx, db, a, res.Mentions)
			if err == nil && put.Created && !coder.Reads(a) {
				un.add(a.Language)
			}
			if err == nil && put.Created && a.NotNews != "" {
				notNews++ // Store runs in the pipeline's single writer
			}
			return put, err
		},
	}
	sum, err := pipeline.Ingest(ctx, reader, db, args, opt)
	if bar != nil {
		bar.Finish()
	}
	failed, skipped := tally(sum)
	if !g.quiet {
		fmt.Fprintf(stderr, "ingested into %s: %d new (%d near-duplicate), %d already stored, %d failed, %d skipped\n",
			db.Location(), sum.New, sum.NearDuplicate, sum.Duplicate, failed, skipped)
		un.report(stderr, "stored, not coded")
		reportNotNews(stderr, notNews, "stored, not coded")
	}
	if err != nil {
		return err
	}
	if failed > 0 {
		return errFailed
	}
	return nil
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// runPublish is `ingest --queue`: documents are extracted here and published;
// `dyad worker` codes, merges and stores them.
func runPublish(ctx context.Context, g *globals, o *ingestOptions, args []string, stderr io.Writer) error {
	cfg, err := queue.ParseURL(o.queue)
	if err != nil {
		return err
	}
	q, err := queue.Open(ctx, cfg)
	if err != nil {
		return err
	}
	defer q.Close()
	if !g.quiet && o.maxBytes > q.MaxPayload() {
		// Said at start-up, so that a run that used to fail on the server's
		// limit does not seem to lose large documents.
		fmt.Fprintf(stderr, "%s takes messages up to %d bytes: larger documents (--max-bytes %d) go through JetStream object store %s\n",
			o.queue, q.MaxPayload(), o.maxBytes, q.Bucket())
	}
	progress := func(_ string, _ store.PutResult, err error) {
		if err != nil {
			reportDoc(stderr, err)
		}
	}
	sum, err := pipeline.Ingest(ctx, newReader(o), q, args, pipeline.Options{Workers: o.workers, Progress: progress})
	failed, skipped := tally(sum)
	if !g.quiet {
		fmt.Fprintf(stderr, "published to %s: %d new, %d already queued, %d failed, %d skipped\n", o.queue, sum.New, sum.Duplicate, failed, skipped)
	}
	if err != nil {
		return err
	}
	if failed > 0 {
		return errFailed
	}
	return nil
}
