package server

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dyad-project/dyad/internal/store/sqlite"
)

// The benchmark corpus: benchEvents mentions in SQLite, generated once and
// kept in $DYAD_BENCH_DB (default: the system temp directory), because
// building it (through the FTS and story triggers) takes minutes.
const (
	benchEvents     = 1_000_000
	benchPerArticle = 10
	benchVersion    = "v2" // change when the generator or the schema changes
)

var benchCountries = []string{"USA", "IRN", "IRQ", "ISR", "SYR", "RUS", "UKR", "CHN", "TUR", "SAU", "LBN", "YEM", "GBR",
	"FRA", "DEU", "EGY", "JOR", "QAT", "ARE", "PAK", "AFG", "IND", "PSE", "KWT", "BHR", "OMN", "LBY", "SDN", "ETH", "IGO"}

var benchTypes = []struct {
	event string
	quad  int
	score float64
}{{"CONSULT", 1, 1}, {"AGREE", 1, 3}, {"SUPPORT", 1, 4}, {"AID", 2, 6}, {"COOPERATE", 2, 5}, {"DEMAND", 3, -3},
	{"DISAPPROVE", 3, -2}, {"THREATEN", 3, -5}, {"REJECT", 3, -4}, {"SANCTION", 4, -6}, {"MOBILIZE", 4, -6},
	{"ASSAULT", 4, -9}, {"COERCE", 4, -7}}

var benchClaims = []string{"asserted", "asserted", "asserted", "asserted", "asserted", "asserted", "reported", "reported",
	"reported", "alleged", "denied", "planned"}

func benchDB(b *testing.B) *sqlite.DB {
	b.Helper()
	path := os.Getenv("DYAD_BENCH_DB")
	if path == "" {
		path = filepath.Join(os.TempDir(), "dyad-bench-1m-"+benchVersion+".db")
	}
	ctx := context.Background()
	if _, err := os.Stat(path); err != nil {
		b.Logf("generating %d events into %s (once)", benchEvents, path)
		start := time.Now()
		if err := generate(ctx, path+".tmp"); err != nil {
			b.Fatal(err)
		}
		for _, ext := range []string{"-wal", "-shm"} {
			os.Remove(path + ".tmp" + ext)
		}
		if err := os.Rename(path+".tmp", path); err != nil {
			b.Fatal(err)
		}
		b.Logf("generated in %s", time.Since(start).Round(time.Second))
	}
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db
}

// zipf picks index i of n with weight 1/(i+1): a few countries dominate
// the news, as they do.
func zipf(r *rand.Rand, n int) int {
	h := 0.0
	for i := range n {
		h += 1 / float64(i+1)
	}
	x := r.Float64() * h
	for i := range n {
		x -= 1 / float64(i+1)
		if x <= 0 {
			return i
		}
	}
	return n - 1
}

var benchWords = strings.Fields(`militia rocket embassy sanctions talks ceasefire drone strike minister warned envoy
	border troops convoy aid deal summit protest parliament election oil pipeline nuclear inspectors missile
	port blockade refugees camp hostage negotiations accord condemned denied accused urged visited pledged`)

func sentence(r *rand.Rand) string {
	n := 8 + r.IntN(12)
	w := make([]string, n)
	for i := range w {
		if r.IntN(3) == 0 {
			w[i] = benchWords[r.IntN(len(benchWords))]
		} else {
			w[i] = fmt.Sprintf("w%d", r.IntN(5000))
		}
	}
	return strings.Join(w, " ") + "."
}

// generate writes the corpus through the schema's own triggers (stories,
// full-text indexes), as ingest would, in one transaction.
func generate(ctx context.Context, path string) error {
	os.Remove(path)
	db, err := sqlite.Open(ctx, path) // creates the schema
	if err != nil {
		return err
	}
	db.Close()
	raw, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(WAL)&_pragma=synchronous(OFF)")
	if err != nil {
		return err
	}
	defer raw.Close()
	tx, err := raw.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	art, err := tx.PrepareContext(ctx, `INSERT INTO articles (id, source, outlet, title, published, published_from, text, hash,
		simhash, band0, band1, band2, band3, ingested) VALUES (?,?,?,?,?,'metadata',?,?,0,0,0,0,0,'2025-01-01T00:00:00Z')`)
	if err != nil {
		return err
	}
	men, err := tx.PrepareContext(ctx, `INSERT INTO mentions (article_id, seq, event, quad, score, actor_text, actor_entity,
		actor_name, actor_code, recip_text, recip_code, date_start, date_end, precision, background, claim, sentence,
		sent_start, sent_end, story_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,'day',?,?,?,0,?,?)`)
	if err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(1, 2))
	g := &generator{r: r, epoch: time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)}
	type row struct {
		st       *story
		sentence string
		entity   string
	}
	for aid := int64(1); int(aid-1)*benchPerArticle < benchEvents; aid++ {
		rows := make([]row, benchPerArticle)
		var text strings.Builder
		for i := range rows {
			rows[i].st = g.next(aid)
			rows[i].sentence = sentence(r)
			if r.IntN(10) == 0 {
				rows[i].entity = fmt.Sprintf("%s-person-%d", strings.ToLower(rows[i].st.a), r.IntN(20))
			}
			text.WriteString(rows[i].sentence + " ")
		}
		outlet := fmt.Sprintf("outlet%d", zipf(r, 60))
		if _, err := art.ExecContext(ctx, aid, fmt.Sprintf("https://%s.example/%d", outlet, aid), outlet,
			"Title "+rows[0].sentence, rows[0].st.date, text.String(), fmt.Sprintf("h%d", aid)); err != nil {
			return err
		}
		for seq, m := range rows {
			ty := benchTypes[m.st.t]
			if _, err := men.ExecContext(ctx, aid, seq, ty.event, ty.quad, ty.score, m.st.a, m.entity, m.entity, m.st.a,
				m.st.b, m.st.b, m.st.date, m.st.date, r.IntN(20) == 0, benchClaims[r.IntN(len(benchClaims))], m.sentence,
				len(m.sentence), m.st.id); err != nil {
				return err
			}
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	_, err = raw.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
	return err
}

type story struct {
	id, date, a, b string
	t, left        int
}

// generator hands out stories: two in three mentions join a story still
// open, so stories have several mentions from several articles and outlets.
type generator struct {
	r     *rand.Rand
	epoch time.Time
	open  []*story
	n     int
}

func (g *generator) next(aid int64) *story {
	r := g.r
	if len(g.open) > 0 && r.IntN(3) > 0 {
		i := r.IntN(len(g.open))
		st := g.open[i]
		if st.left--; st.left == 0 {
			g.open = slices.Delete(g.open, i, i+1)
		}
		return st
	}
	a, b := zipf(r, len(benchCountries)), zipf(r, len(benchCountries))
	if a == b {
		b = (b + 1 + r.IntN(len(benchCountries)-1)) % len(benchCountries)
	}
	g.n++
	// ten years of news: later articles report later events
	day := g.epoch.AddDate(0, 0, int(aid)*3650/(benchEvents/benchPerArticle)-r.IntN(3))
	st := &story{id: fmt.Sprintf("S%07d", g.n), date: day.Format(time.DateOnly), a: benchCountries[a], b: benchCountries[b],
		t: r.IntN(len(benchTypes)), left: r.IntN(6)}
	if st.left > 0 {
		g.open = append(g.open, st)
		if len(g.open) > 200 {
			g.open = g.open[1:]
		}
	}
	return st
}

// latencies serves each URL rounds times and returns the durations sorted.
func latencies(b *testing.B, h http.Handler, urls []string, rounds int) []time.Duration {
	var out []time.Duration
	for range rounds {
		for _, u := range urls {
			start := time.Now()
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, u, nil))
			out = append(out, time.Since(start))
			if rec.Code != http.StatusOK {
				b.Fatalf("%s: %d %s", u, rec.Code, rec.Body)
			}
		}
	}
	slices.Sort(out)
	return out
}

func pct(ds []time.Duration, p float64) float64 {
	return float64(ds[min(len(ds)-1, int(p*float64(len(ds))))].Microseconds()) / 1000
}

// benchURLs runs urls over the million-event store, reporting p50, p95 and
// the slowest request in milliseconds, and the slowest URL at p95.
func benchURLs(b *testing.B, urls []string) {
	if f := os.Getenv("DYAD_BENCH_URLS"); f != "" { // tuning one kind of query
		urls = slices.DeleteFunc(urls, func(u string) bool { return !strings.Contains(u, f) })
	}
	s, err := New(Config{Store: benchDB(b)})
	if err != nil {
		b.Fatal(err)
	}
	latencies(b, s, urls, 1) // warm the page cache
	var all []time.Duration
	b.ResetTimer()
	for b.Loop() {
		all = append(all, latencies(b, s, urls, 1)...)
	}
	b.StopTimer()
	slices.Sort(all)
	b.ReportMetric(pct(all, 0.50), "p50-ms")
	b.ReportMetric(pct(all, 0.95), "p95-ms")
	b.ReportMetric(pct(all, 1), "max-ms")
	b.ReportMetric(0, "ns/op")
	if testing.Verbose() { // which query is slow, for whoever tunes it
		for _, u := range urls {
			ds := latencies(b, s, []string{u}, 3)
			fmt.Fprintf(os.Stderr, "%7.1f ms  %s\n", pct(ds, 0.5), u)
		}
	}
}

// timelineURLs are what analysts ask of the timeline: unfiltered, by dyad,
// country, entity, type, quad, claim, corroboration, dates, text, and the
// next page.
var timelineURLs = []string{
	"/api/events", "/api/events?dyad=USA:IRN", "/api/events?dyad=IRQ:SYR&type=ASSAULT", "/api/events?dyad=BHR:OMN",
	"/api/events?actor=IRQ&quad=4", "/api/events?actor=usa-person-3", "/api/events?claim=denied",
	"/api/events?min_outlets=3", "/api/events?type=SANCTION,COERCE&history=exclude",
	"/api/events?since=2020-01-01&until=2020-03-31", "/api/events?dyad=USA:IRN&since=2018-01-01&until=2018-12-31",
	"/api/events?q=militia", "/api/events?q=militia+rocket&dyad=USA:IRN", "/api/events?q=ceasefire&since=2024-01-01",
	"/api/events?limit=200", "/api/stories", "/api/stories?dyad=USA:IRN&min_outlets=2",
	"/timeline", "/timeline?dyad=ISR:LBN&quad=4", "/timeline?q=drone+strike",
}

func BenchmarkTimeline(b *testing.B) {
	urls := slices.Clone(timelineURLs)
	// second pages, through the cursor the first pages give
	s, err := New(Config{Store: benchDB(b)})
	if err != nil {
		b.Fatal(err)
	}
	for _, u := range []string{"/api/events?dyad=USA:IRN", "/api/events?since=2019-06-01&until=2019-06-30"} {
		var r eventsResp
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, u, nil))
		if err := jsonDecode(rec.Body.Bytes(), &r); err != nil || r.Next == nil {
			b.Fatalf("%s: no next page (%v)", u, err)
		}
		urls = append(urls, u+"&after="+*r.Next)
	}
	benchURLs(b, urls)
}

func BenchmarkDyadSeries(b *testing.B) {
	var urls []string
	for _, d := range []string{"USA/IRN", "IRN/USA", "IRQ/SYR", "ISR/LBN", "BHR/OMN", "USA/IGO"} {
		for _, q := range []string{"", "?bucket=week", "?bucket=day&since=2024-01-01", "?since=2020-01-01&until=2021-12-31"} {
			urls = append(urls, "/api/dyads/"+d+"/series"+q)
		}
	}
	urls = append(urls, "/dyads/USA/IRN", "/dyads/ISR/LBN?bucket=week")
	benchURLs(b, urls)
}
