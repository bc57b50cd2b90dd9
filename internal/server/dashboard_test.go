package server

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/dyad-project/dyad/internal/actors"
	"github.com/dyad-project/dyad/internal/analyze"
	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/store"
	"github.com/dyad-project/dyad/internal/store/sqlite"
)

// busyFixture adds to the fixture a summer of events between six other
// pairs, half of them people of the knowledge base, so that the last 30
// days (the fixture's November) hold two edges and the data many more.
func busyFixture(t *testing.T) *sqlite.DB {
	t.Helper()
	db := fixture(t)
	ctx := context.Background()
	pairs := []struct{ a, b, aID, aName string }{
		{"RUS", "UKR", "Q1", "Ada Person"}, {"UKR", "RUS", "", ""}, {"ISR", "LBN", "Q2", "Ben Official"},
		{"IRN", "ISR", "Q1", "Ada Person"}, {"UNO", "SDN", "", ""}, {"PRK", "KOR", "Q3", "Cy Minister"},
	}
	for i, p := range pairs {
		sent := fmt.Sprintf("Event number %d happened.", i)
		r, err := db.PutArticle(ctx, &article.Article{Source: fmt.Sprintf("https://x.example/%d", i), Outlet: "X",
			Title: sent, Text: sent, SimHash: uint64(i+1) << 20, Published: day("2025-06-10")})
		if err != nil {
			t.Fatal(err)
		}
		m := event.Mention{Event: "ASSAULT", Quad: 4, Score: -8,
			Actor:     event.Party{Code: p.a, Text: p.a, EntityID: p.aID, Entity: p.aName},
			Recipient: event.Party{Code: p.b, Text: p.b}, DateStart: day("2025-06-09"), DateEnd: day("2025-06-09"),
			Claim: event.Asserted, Sentence: sent, SentEnd: len(sent), StoryID: fmt.Sprintf("B%d", i)}
		if err := db.PutMentions(ctx, r.ID, []event.Mention{m}); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

// TestNetworkDefaultWindow: without a window the network widens from the
// last 30 days (two arrows) until it shows a network, and names countries
// and PLOVER's non-state codes in words.
func TestNetworkDefaultWindow(t *testing.T) {
	s := newServer(t, Config{Store: busyFixture(t)})
	var nw struct {
		Since, Until string
		Edges        []edgeJSON
	}
	getJSON(t, s, "/api/network", &nw)
	if nw.Since != "2025-08-07" && nw.Since != "2024-11-05" || nw.Until != "2025-11-04" {
		t.Errorf("default window %s…%s, want the last 90 days or year up to 2025-11-04", nw.Since, nw.Until)
	}
	labels := map[string]string{}
	for _, e := range nw.Edges {
		labels[e.Source], labels[e.Target] = e.SourceLabel, e.TargetLabel
	}
	if len(nw.Edges) < minNetworkEdges || labels["IRQ"] != "Iraq" || labels["UNO"] != "United Nations" || labels["KOR"] == "KOR" {
		t.Errorf("%d edges, labels %v", len(nw.Edges), labels)
	}
	// a window asked for is kept, however empty
	getJSON(t, s, "/api/network?since=2025-10-01&until=2025-11-30", &nw)
	if nw.Since != "2025-10-01" || len(nw.Edges) != 2 {
		t.Errorf("asked window: %s, %d edges", nw.Since, len(nw.Edges))
	}
	code, body := get(t, s, "/network")
	if code != 200 || !strings.Contains(body, "Ukraine") {
		t.Errorf("network page %d: the edges table does not name Ukraine", code)
	}
}

// kb is a knowledge base of three people.
type kb map[string]*actors.Entity

func (k kb) Get(id string) *actors.Entity                 { return k[id] }
func (k kb) Lookup(string, time.Time) []actors.Resolution { return nil }

func testKB() kb {
	return kb{
		"Q1": {ID: "Q1", Name: "Ada Person", Kind: "person", Country: "RUS"},
		"Q2": {ID: "Q2", Name: "Ben Official", Kind: "person", Country: "ISR"},
		"Q3": {ID: "Q3", Name: "Cy Minister", Kind: "person", Country: "PRK"},
	}
}

// TestActorsMostActive: before any search the actors page lists the people
// in the most events, busiest first, with links to their pages.
func TestActorsMostActive(t *testing.T) {
	s := newServer(t, Config{Store: busyFixture(t), Actors: testKB()})
	code, body := get(t, s, "/actors")
	if code != 200 {
		t.Fatalf("actors page: %d", code)
	}
	i := strings.Index(body, "Most active")
	ada, ben := strings.Index(body, `<a href="/actors/Q1">Ada Person</a>`), strings.Index(body, `<a href="/actors/Q2">Ben Official</a>`)
	if i < 0 || ada < i || ben < ada || !strings.Contains(body, "Cy Minister") {
		t.Errorf("most active list missing or out of order (heading %d, Ada %d, Ben %d)", i, ada, ben)
	}
	if i >= 0 && (strings.Contains(body[i:], "Iraq") || strings.Contains(body[i:], ">IRQ<")) {
		t.Errorf("countries listed among the actors")
	}
}

// alertList is the watch's record of one fired alert.
type alertList []store.AlertRecord

func (a alertList) ListAlerts(context.Context, time.Time) ([]store.AlertRecord, error) { return a, nil }

// TestAlertsShowEvidence: an alert on the alerts page and the overview says
// what fired (its summary) and shows its stories with their evidence, not
// only their ids.
// testAlert is an escalation of USA:IRQ as `dyad watch` records it.
func testAlert(t *testing.T, at time.Time) store.AlertRecord {
	t.Helper()
	al := analyze.Alert{Rule: "escalation", Dyad: "USA:IRQ", WindowStart: "2025-10-29", WindowEnd: "2025-11-04",
		Summary: "escalation: USA:IRQ 2025-10-29…2025-11-04: conflict = 3.0 (baseline median 0.0)",
		Stories: []analyze.AlertStory{{ID: "S1", Event: "THREATEN", Actor: "USA", Recipient: "IRQ", DateStart: "2025-11-01",
			DateEnd: "2025-11-01", Outlets: 2, OutletNames: []string{"AP", "Reuters"},
			Evidence: []analyze.Evidence{{ArticleID: 1, Outlet: "Reuters", Sentence: "Washington warned Baghdad over the militias."}}}}}
	payload, err := json.Marshal(al)
	if err != nil {
		t.Fatal(err)
	}
	return store.AlertRecord{ID: 1, Rule: "escalation", Key: "USA:IRQ", FiredAt: at, Stories: []string{"S1"}, Payload: payload}
}

// TestAlertsShowEvidence: an alert on the alerts page and the overview says
// what fired (its summary) and shows its stories with their evidence, not
// only their ids.
func TestAlertsShowEvidence(t *testing.T) {
	now := time.Now().UTC()
	s := newServer(t, Config{Alerts: alertList{testAlert(t, now)}, Now: func() time.Time { return now }})
	_, page := get(t, s, "/alerts")
	for _, want := range []string{"conflict = 3.0 (baseline median 0.0)", "Washington warned Baghdad over the militias.",
		`<a href="/stories/S1">THREATEN</a>`, "2 outlets", `<a href="/articles/1">article</a>`} {
		if !strings.Contains(page, want) {
			t.Errorf("alerts page lacks %q", want)
		}
	}
	_, overview := get(t, s, "/")
	if !strings.Contains(overview, "conflict = 3.0 (baseline median 0.0)") || !strings.Contains(overview, "1 story") {
		t.Errorf("overview does not summarise the alert")
	}
}
