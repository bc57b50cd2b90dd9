package watch

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-project/dyad/internal/analyze"
	"github.com/dyad-project/dyad/internal/source"
	"github.com/dyad-project/dyad/internal/store/sqlite"
)

// scenario: a wire reports routine cooperation daily and a routine threat on
// days 2 and 6; on day 10 it reports four threats and an attack by named
// Iranian leaders and forces, and a second paper corroborates one threat.
func scenario() map[string][]item {
	wire := []item{}
	for d := 1; d <= 10; d++ {
		wire = append(wire, item{d, fmt.Sprintf("Prisoner deal, round %d", d),
			"The United States and Iran agreed to exchange prisoners."})
	}
	wire = append(wire,
		item{2, "Araghchi warns", "Iranian Foreign Minister Abbas Araghchi threatened the United States with retaliation."},
		item{6, "Araghchi warns again", "Iranian Foreign Minister Abbas Araghchi threatened the United States with retaliation."},
		item{10, "Araghchi threatens", "Iranian Foreign Minister Abbas Araghchi threatened the United States with retaliation."},
		item{10, "Pezeshkian warns", "Iranian President Masoud Pezeshkian warned the United States that Iran would strike American bases."},
		item{10, "Base attacked", "Iranian forces attacked a US base in Syria."},
		item{10, "Khamenei threat", "Supreme Leader Ali Khamenei threatened to close the Strait of Hormuz to American ships."},
	)
	paper := []item{{10, "Tehran threatens Washington",
		"Foreign Minister Abbas Araghchi of Iran threatened the United States with severe retaliation, the paper learnt."}}
	return map[string][]item{"wire": wire, "paper": paper}
}

const configYAML = `
feeds:
  - %[1]s/wire/feed.xml
  - %[1]s/paper/feed.xml
  - %[1]s/garbage.xml
  - %[1]s/slow.xml
interval: 1h
fetch:
  allow_private: true
  delay: 0s
  timeout: 200ms
  retries: 1
rules:
  - name: escalation
    dyad: USA:IRN
    events: [THREATEN, ASSAULT]
    window: 1d
    baseline_windows: 8
    escalation: 3
    cooldown: 24h
  - name: corroborated-threat
    events: [THREATEN]
    min_outlets: 2
    threshold: 1
    cooldown: 24h
    notify: [hook]
notify:
  - name: console
    type: log
  - name: file
    type: jsonl
    path: %[2]s
  - name: hook
    type: webhook
    url: %[3]s
    secret_env: DYAD_TEST_WEBHOOK_SECRET
    retries: 2
    backoff: 10ms
`

type harness struct {
	t       *testing.T
	clock   *clock
	feeds   *feedServer
	hook    *hookReceiver
	cfg     *Config
	dbPath  string
	alerts  string // the JSONL file
	console bytes.Buffer
}

func newHarness(t *testing.T) *harness {
	t.Setenv("DYAD_TEST_WEBHOOK_SECRET", "hunter2")
	h := &harness{t: t, clock: &clock{t: day1.Add(12 * time.Hour)}}
	h.feeds = newFeedServer(t, h.clock, scenario())
	h.hook = newHookReceiver(t, "hunter2")
	dir := t.TempDir()
	h.dbPath, h.alerts = filepath.Join(dir, "dyad.db"), filepath.Join(dir, "alerts.jsonl")
	cfg, err := Parse([]byte(fmt.Sprintf(configYAML, h.feeds.URL, h.alerts, h.hook.URL)))
	if err != nil {
		t.Fatal(err)
	}
	h.cfg = cfg
	return h
}

// start opens the store and a watcher on it, as `dyad watch` does on start.
func (h *harness) start() (*Watcher, func()) {
	h.t.Helper()
	db, err := sqlite.Open(context.Background(), h.dbPath)
	if err != nil {
		h.t.Fatal(err)
	}
	ns, err := h.cfg.Notifiers(&h.console)
	if err != nil {
		h.t.Fatal(err)
	}
	opt := h.cfg.SourceOptions()
	opt.Backoff = 5 * time.Millisecond // retries of the slow feed stay quick
	w := New(h.cfg, db, loadCoder(h.t), ns, Options{Now: h.clock.Now, Reader: source.New(opt), Workers: 2,
		Logger: slog.New(slog.DiscardHandler)})
	return w, func() { db.Close() }
}

func (h *harness) round(w *Watcher) Report {
	h.t.Helper()
	rep, err := w.Round(context.Background())
	if err != nil {
		h.t.Fatalf("round at %s: %v", h.clock.Now(), err)
	}
	return rep
}

func alertsByRule(as []analyze.Alert) map[string][]analyze.Alert {
	out := map[string][]analyze.Alert{}
	for _, a := range as {
		out[a.Rule] = append(out[a.Rule], a)
	}
	return out
}

func TestWatchScenario(t *testing.T) {
	h := newHarness(t)
	w, stop := h.start()
	// Days 1-9: a quiet baseline; the two broken feeds fail every round and
	// are polled again, and the good ones keep ingesting.
	for d := 1; d <= 9; d++ {
		h.clock.Set(day1.AddDate(0, 0, d-1).Add(12 * time.Hour))
		rep := h.round(w)
		if len(rep.Alerts) != 0 {
			t.Fatalf("day %d: quiet baseline raised %+v", d, rep.Alerts)
		}
		wantNew := 1
		if d == 2 || d == 6 {
			wantNew = 2
		}
		if rep.Ingest.New != wantNew {
			t.Errorf("day %d: %d new articles, want %d (%+v)", d, rep.Ingest.New, wantNew, rep.Ingest)
		}
		if len(rep.FeedErrors) != 2 || rep.Polled != 4 {
			t.Fatalf("day %d: polled %d, feed errors %v", d, rep.Polled, rep.FeedErrors)
		}
		for _, fe := range rep.FeedErrors {
			if fe.Failures != d || !(strings.HasSuffix(fe.URL, "/garbage.xml") && strings.Contains(fe.Err.Error(), "parse feed") ||
				strings.HasSuffix(fe.URL, "/slow.xml") && strings.Contains(fe.Err.Error(), "timeout")) {
				t.Errorf("day %d: feed error %v", d, fe)
			}
		}
	}
	if n := h.feeds.count("/garbage.xml"); n != 9 {
		t.Errorf("garbage feed polled %d times in 9 rounds", n)
	}
	if n := h.feeds.count("/slow.xml"); n != 18 {
		t.Errorf("slow feed requested %d times in 9 rounds, want 18 (one retry each)", n)
	}
	// Day 10: the escalation.
	h.clock.Set(day1.AddDate(0, 0, 9).Add(12 * time.Hour))
	rep := h.round(w)
	by := alertsByRule(rep.Alerts)
	if len(rep.Alerts) != 2 || len(by["escalation"]) != 1 || len(by["corroborated-threat"]) != 1 {
		t.Fatalf("day 10: want one alert per rule, got %+v", rep.Alerts)
	}
	esc := by["escalation"][0]
	if esc.Dyad != "IRN:USA" || esc.Value < 4 || esc.Score < 3 || esc.Baseline.Median != 0 || len(esc.Stories) != int(esc.Value) {
		t.Errorf("escalation alert: %+v", esc)
	}
	cor := by["corroborated-threat"][0]
	if len(cor.Stories) != 1 || cor.Stories[0].Outlets != 2 || len(cor.Stories[0].OutletNames) != 2 || len(cor.Stories[0].Evidence) != 2 {
		t.Errorf("corroborated alert: %+v", cor)
	}
	checkEvidence(t, esc, "Abbas Araghchi threatened", "Iranian forces attacked a US base in Syria.")
	// Same day, an hour later: the feeds answer 304 and the cool-down holds.
	h.clock.Set(h.clock.Now().Add(time.Hour))
	rep = h.round(w)
	if len(rep.Alerts) != 0 || rep.NotModified != 2 || rep.Suppressed != 2 || rep.Ingest.New != 0 {
		t.Fatalf("second round of day 10: %d alerts, %d not modified, %d suppressed, %d new", len(rep.Alerts), rep.NotModified, rep.Suppressed, rep.Ingest.New)
	}
	stop()
	// A restart re-alerts nothing: validators and alerts come from the store.
	w, stop = h.start()
	defer stop()
	h.clock.Set(h.clock.Now().Add(time.Hour))
	rep = h.round(w)
	if len(rep.Alerts) != 0 || rep.NotModified != 2 || rep.Suppressed != 2 {
		t.Fatalf("after restart: %d alerts, %d not modified, %d suppressed", len(rep.Alerts), rep.NotModified, rep.Suppressed)
	}
	// After the cool-down, nothing new is still nothing to say.
	h.clock.Set(h.clock.Now().Add(25 * time.Hour))
	if rep = h.round(w); len(rep.Alerts) != 0 {
		t.Fatalf("day 11: %+v", rep.Alerts)
	}
	// What the notifiers saw: the webhook both alerts (signed), the file and
	// the console only the escalation (the other rule notifies the hook).
	got, bad := h.hook.received()
	if bad != 0 || len(got) != 2 {
		t.Fatalf("webhook: %d alerts, %d badly signed", len(got), bad)
	}
	for _, a := range got {
		checkEvidence(t, a, "Abbas Araghchi")
	}
	if lines := readJSONL(t, h.alerts); len(lines) != 1 || lines[0].Rule != "escalation" || lines[0].ID == 0 {
		t.Errorf("alerts file: %+v", lines)
	}
	if out := h.console.String(); strings.Count(out, "ALERT ") != 1 || !strings.Contains(out, "Iranian forces attacked a US base in Syria.") {
		t.Errorf("console:\n%s", out)
	}
}

// checkEvidence fails unless every fragment is in some evidence sentence.
func checkEvidence(t *testing.T, a analyze.Alert, fragments ...string) {
	t.Helper()
	var all []string
	for _, s := range a.Stories {
		for _, e := range s.Evidence {
			all = append(all, e.Sentence)
		}
	}
	joined := strings.Join(all, "\n")
	for _, f := range fragments {
		if !strings.Contains(joined, f) {
			t.Errorf("alert %s lacks evidence %q; has:\n%s", a.Rule, f, joined)
		}
	}
}

func readJSONL(t *testing.T, path string) []analyze.Alert {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []analyze.Alert
	for sc := bufio.NewScanner(f); sc.Scan(); {
		var a analyze.Alert
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		out = append(out, a)
	}
	return out
}

func TestRunStopsOnCancel(t *testing.T) {
	h := newHarness(t)
	h.cfg.Interval = analyze.Duration(time.Second)
	h.cfg.Feeds = h.cfg.Feeds[:1]
	w, stop := h.start()
	defer stop()
	ctx, cancel := context.WithCancel(context.Background())
	rounds := 0
	done := make(chan error, 1)
	go func() {
		done <- w.Run(ctx, func(rep Report, err error) {
			rounds++
			if err != nil || rep.Polled != 1 {
				t.Errorf("round %d: %+v %v", rounds, rep, err)
			}
			cancel() // as SIGINT does
		})
	}()
	select {
	case err := <-done:
		if err != nil || rounds != 1 {
			t.Fatalf("Run returned %v after %d rounds", err, rounds)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("Run did not stop")
	}
}
