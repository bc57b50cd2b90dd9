package server

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// browser is a headless Chromium driving a test server, collecting what
// the pages report as errors (console, exceptions, CSP violations) and any
// dialog a script opens.
type browser struct {
	ctx  context.Context
	base string
	dir  string // screenshots

	mu       sync.Mutex
	problems []string
}

func newBrowser(t *testing.T) *browser {
	t.Helper()
	exe := ""
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			exe = p
			break
		}
	}
	if exe == "" {
		if os.Getenv("DYAD_TEST_BROWSER") == "1" {
			t.Fatal("DYAD_TEST_BROWSER=1 but chromium is not installed (apt-get install chromium)")
		}
		t.Skip("chromium not installed: browser tests skipped (set DYAD_TEST_BROWSER=1 to make them mandatory)")
	}
	dir := os.Getenv("DYAD_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshots in %s", dir)
	// The closed network here refuses Chromium's background connections:
	// switch them off so they neither hang nor log errors.
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelC(); cancelA() })
	b := &browser{ctx: ctx, dir: dir}
	// the first call starts the browser: no timeout on it (see chromedp.Run)
	err := chromedp.Listen(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning {
				var args []string
				for _, a := range ev.Args {
					args = append(args, string(a.Value)+a.Description)
				}
				b.report("console %s: %s", ev.Type, strings.Join(args, " "))
			}
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			b.report("exception: %s %s:%d", d.Text, d.URL, d.LineNumber)
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError || ev.Entry.Level == log.EntryLevelWarning {
				b.report("log %s (%s): %s %s", ev.Entry.Level, ev.Entry.Source, ev.Entry.Text, ev.Entry.URL)
			}
		case *page.EventJavascriptDialogOpening:
			b.report("a script opened a dialog: %q", ev.Message)
			// commands cannot run inside the listener
			go chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{})
		}
	})
	if err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	if _, err := chromedp.Call(ctx, log.Enable, cdp.Empty{}); err != nil {
		t.Fatalf("chromium: %v", err)
	}
	return b
}

func (b *browser) report(format string, a ...any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.problems = append(b.problems, fmt.Sprintf(format, a...))
}

// takeProblems returns and clears what the pages reported.
func (b *browser) takeProblems() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	p := b.problems
	b.problems = nil
	return p
}

func (b *browser) run(t *testing.T, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// value runs one action and returns its value.
func value[T any](t *testing.T, b *browser, a chromedp.Action[T]) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func (b *browser) screenshot(t *testing.T, name string) {
	t.Helper()
	png := value(t, b, chromedp.FullScreenshot(100))
	path := filepath.Join(b.dir, name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// settle waits for the page's scripts to finish drawing.
func settle() chromedp.Action[chromedp.Void] { return chromedp.Sleep(300 * time.Millisecond) }

func count(t *testing.T, b *browser, sel string) int {
	t.Helper()
	return value(t, b, chromedp.Evaluate[int](fmt.Sprintf("document.querySelectorAll(%q).length", sel)))
}

// waitRows waits until the timeline shows n rows.
func waitRows(n int) chromedp.Action[chromedp.Void] {
	return chromedp.Poll[chromedp.Void](fmt.Sprintf("document.querySelectorAll('table.events tbody tr').length === %d", n),
		chromedp.WithPollingTimeout(10*time.Second))
}

func TestBrowser(t *testing.T) {
	b := newBrowser(t)
	srv := httptest.NewServer(newServer(t, Config{Token: testToken, RulesPath: filepath.Join(t.TempDir(), "watch.yaml")}))
	defer srv.Close()
	b.base = srv.URL

	t.Run("pages load without errors", func(t *testing.T) {
		pages := []struct{ name, path, ready string }{
			{"overview", "/", "table.stories"},
			{"timeline", "/timeline", "table.events"},
			{"dyads", "/dyads", "table.dyads"},
			{"dyad", "/dyads/USA/IRQ", "#series-chart .uplot canvas"},
			{"network", "/network?since=2025-10-01&until=2025-11-30", "#network canvas"},
			{"map", "/map", "svg.worldmap path.c5"},
			{"story", "/stories/S1", "mark.evidence"},
			{"articles", "/articles", "table.articles"},
			{"article", "/articles/1", "article.text mark.evidence"},
			{"alerts", "/alerts", "form.edit textarea"},
			{"ingest", "/ingest", "form.edit input[name=url]"},
		}
		for _, p := range pages {
			ctx, cancel := context.WithTimeout(b.ctx, 15*time.Second)
			err := chromedp.Do(ctx, chromedp.Navigate(b.base+p.path), chromedp.WaitVisible(p.ready), settle())
			cancel()
			if err != nil {
				t.Fatalf("%s: waiting for %s: %v (%v)", p.path, p.ready, err, b.takeProblems())
			}
			b.screenshot(t, p.name)
			if probs := b.takeProblems(); len(probs) > 0 {
				t.Errorf("%s: %v", p.path, probs)
			}
		}
	})

	t.Run("filters change what is shown", func(t *testing.T) {
		b.run(t, chromedp.Navigate(b.base+"/timeline"), chromedp.WaitVisible("table.events"))
		before := count(t, b, "table.events tbody tr")
		// choosing a quad class re-queries through htmx, without a reload
		b.run(t, chromedp.Evaluate[chromedp.Void](`(() => { const s = document.querySelector('select[name=quad]'); s.value = '1'; s.dispatchEvent(new Event('change', {bubbles: true})); })()`),
			waitRows(1))
		loc := value(t, b, chromedp.Location())
		if before != 4 || !strings.Contains(loc, "quad=1") {
			t.Fatalf("rows %d before, URL %s after", before, loc)
		}
		if got := value(t, b, chromedp.Text("table.events tbody")); !strings.Contains(got, "Iraq consulted the US envoy") {
			t.Fatalf("the cooperation event is not shown: %q", got)
		}
		b.screenshot(t, "timeline-filtered")
		b.run(t, chromedp.Navigate(b.base+"/timeline"), chromedp.WaitVisible("#filters input[name=q]"),
			chromedp.SendKeys("#filters input[name=q]", "militias\n"), waitRows(2))
		if probs := b.takeProblems(); len(probs) > 0 {
			t.Errorf("timeline: %v", probs)
		}
	})

	t.Run("a story shows its evidence", func(t *testing.T) {
		b.run(t, chromedp.Navigate(b.base+"/stories/S1"), chromedp.WaitVisible("mark.evidence"))
		marks := value(t, b, chromedp.Evaluate[[]string](`[...document.querySelectorAll('mark.evidence')].map(m => m.textContent)`))
		chain := value(t, b, chromedp.Text(".chain"))
		if len(marks) != 2 || marks[0] != "Washington warned Baghdad over the militias." || marks[1] != "Officials said Washington threatened Baghdad." {
			t.Fatalf("evidence: %q", marks)
		}
		if !strings.Contains(chain, "AP ← officials") {
			t.Fatalf("chain of sources: %q", chain)
		}
	})

	t.Run("the dyad chart plots days without events as zero", func(t *testing.T) {
		b.run(t, chromedp.Navigate(b.base+"/dyads/USA/IRQ?bucket=day"), chromedp.WaitVisible("#series-chart .uplot canvas"), settle())
		// what the chart was drawn from: every day from the first event to
		// the last, zeros included; the figures table lists the busy days
		days := value(t, b, chromedp.Evaluate[[]int](`JSON.parse(document.getElementById('series-data').textContent).points.map(p => p.mentions)`))
		rows := count(t, b, "table.series tbody tr")
		b.screenshot(t, "dyad-daily")
		zeros := 0
		for _, n := range days {
			if n == 0 {
				zeros++
			}
		}
		if len(days) != 21 || zeros != 18 || rows != 3 {
			t.Fatalf("chart data %v (%d zeros), %d figure rows; want 21 days, 18 zeros, 3 rows", days, zeros, rows)
		}
		if probs := b.takeProblems(); len(probs) > 0 {
			t.Errorf("dyad page: %v", probs)
		}
	})

	t.Run("an article whose printed date is wrong says so", func(t *testing.T) {
		s, id := withConflict(t)
		other := httptest.NewServer(s)
		defer other.Close()
		b.run(t, chromedp.Navigate(fmt.Sprintf("%s/articles/%d", other.URL, id)), chromedp.WaitVisible(".datecheck.conflict"), settle())
		note := value(t, b, chromedp.Text(".datecheck.conflict"))
		b.run(t, chromedp.Navigate(other.URL+"/timeline?dyad=USA:IRQ"), chromedp.WaitVisible("table.events"))
		marked := count(t, b, "table.events tbody tr .tag.datedby")
		b.screenshot(t, "timeline-dated-by-content")
		if !strings.Contains(note, "the content belongs to 2020-05-07…2021-01-20") || !strings.Contains(note, "Mike Pompeo") {
			t.Fatalf("article page note: %q", note)
		}
		if marked != 1 {
			t.Errorf("timeline: %d events tagged as dated by the content, want 1", marked)
		}
		if probs := b.takeProblems(); len(probs) > 0 {
			t.Errorf("date check pages: %v", probs)
		}
	})

	t.Run("an article held back as not news says so", func(t *testing.T) {
		s, id := withNotNews(t)
		other := httptest.NewServer(s)
		defer other.Close()
		b.run(t, chromedp.Navigate(fmt.Sprintf("%s/articles/%d", other.URL, id)), chromedp.WaitVisible(".datecheck.notnews"), settle())
		note := value(t, b, chromedp.Text(".datecheck.notnews"))
		b.screenshot(t, "article-not-news")
		b.run(t, chromedp.Navigate(other.URL+"/articles"), chromedp.WaitVisible("table.articles"))
		tags := count(t, b, "table.articles tbody tr .tag.notnews")
		if !strings.Contains(note, "Not news") || !strings.Contains(note, heldBack) || !strings.Contains(note, "not coded") {
			t.Fatalf("article page note: %q", note)
		}
		if tags != 1 {
			t.Errorf("articles page: %d articles tagged as not news, want 1", tags)
		}
		if probs := b.takeProblems(); len(probs) > 0 {
			t.Errorf("not-news pages: %v", probs)
		}
	})

	t.Run("an Arabic article reads right to left and says it is not coded", func(t *testing.T) {
		s, id := withArabic(t)
		other := httptest.NewServer(s)
		defer other.Close()
		b.run(t, chromedp.Navigate(fmt.Sprintf("%s/articles/%d", other.URL, id)), chromedp.WaitVisible("article.text"), settle())
		dir := value(t, b, chromedp.Evaluate[string](`getComputedStyle(document.querySelector('article.text')).direction`))
		note := value(t, b, chromedp.Text(".datecheck.notnews"))
		b.screenshot(t, "article-arabic")
		if dir != "rtl" {
			t.Errorf("the Arabic text's direction is %q", dir)
		}
		if !strings.Contains(note, "Not coded") || !strings.Contains(note, "ar") {
			t.Errorf("article page note: %q", note)
		}
		if probs := b.takeProblems(); len(probs) > 0 {
			t.Errorf("Arabic page: %v", probs)
		}
	})

	t.Run("an actor page lists the events that quote the person", func(t *testing.T) {
		db, kb := actorFixture(t)
		other := httptest.NewServer(newServer(t, Config{Store: db, Actors: kb}))
		defer other.Close()
		b.run(t, chromedp.Navigate(other.URL+"/actors/thabet-al-abbasi"), chromedp.WaitVisible("table.events"), settle())
		tables := value(t, b, chromedp.Evaluate[[]int](`[...document.querySelectorAll('table.events')].map(t => t.querySelectorAll('tbody tr td.evidence').length)`))
		heads := value(t, b, chromedp.Evaluate[[]string](`[...document.querySelectorAll('h2')].map(h => h.textContent)`))
		b.screenshot(t, "actor-named")
		if len(tables) != 2 || tables[0] != 0 || tables[1] != 2 || !slices.Contains(heads, "Quoted or named in") {
			t.Fatalf("actor page: evidence rows per table %v, headings %q; want none as a party and 2 quoting him", tables, heads)
		}
		if probs := b.takeProblems(); len(probs) > 0 {
			t.Errorf("actor page: %v", probs)
		}
	})

	t.Run("a malicious article renders inert", func(t *testing.T) {
		b.run(t, chromedp.Navigate(b.base+"/articles/3"), chromedp.WaitVisible("article.text"), settle())
		active := count(t, b, "article.text *:not(mark), h1 *, .facts *, script:not([src]):not([type='application/json'])")
		handlers := count(t, b, `[onerror], [onload], [onmouseover], a[href^="javascript:"]`)
		text := value(t, b, chromedp.Text("article.text"))
		title := value(t, b, chromedp.Text("h1"))
		b.screenshot(t, "article-malicious")
		if active != 0 || handlers != 0 {
			t.Fatalf("the article's markup became %d elements and %d handlers", active, handlers)
		}
		if !strings.Contains(text, `<script>alert("xss")</script>`) || !strings.Contains(title, `<script>alert("title")</script>`) {
			t.Fatalf("the text is not shown as written: %q / %q", title, text)
		}
		if probs := b.takeProblems(); len(probs) > 0 {
			t.Errorf("malicious article: %v", probs)
		}
	})
}
