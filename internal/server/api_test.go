package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"
)

type eventsResp struct {
	Items []map[string]any `json:"items"`
	Next  *string          `json:"next"`
}

func sentences(r eventsResp) []string {
	var out []string
	for _, it := range r.Items {
		out = append(out, strings.Fields(it["event_text"].(string))[0])
	}
	return out
}

func TestAPIEventsFilters(t *testing.T) {
	s := newServer(t, Config{})
	tests := []struct {
		query string
		want  []string // first word of each evidence sentence, newest first
	}{
		{"", []string{"Militias", "Officials", "Washington", "Iraq"}},
		{"?dyad=irq:usa&type=THREATEN", []string{"Officials", "Washington"}},
		{"?quad=1", []string{"Iraq"}},
		{"?claim=reported", []string{"Officials"}},
		{"?min_outlets=2", []string{"Officials", "Washington"}},
		{"?since=2025-11-02", []string{"Militias"}},
		{"?until=2025-10-31", []string{"Iraq"}},
		{"?q=militias", []string{"Militias", "Washington"}},
		{"?actor=usa&type=ASSAULT,CONSULT", []string{"Militias", "Iraq"}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			var r eventsResp
			getJSON(t, s, "/api/events"+tt.query, &r)
			if got := sentences(r); !slices.Equal(got, tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestAPIEventsPaginateAndKeepTheirShape(t *testing.T) {
	s := newServer(t, Config{})
	var all []string
	url := "/api/events?limit=1"
	for range 10 {
		var r eventsResp
		getJSON(t, s, url, &r)
		if len(r.Items) != 1 {
			t.Fatalf("%s: %d items", url, len(r.Items))
		}
		all = append(all, sentences(r)...)
		// the fields clients rely on are always there
		for _, k := range []string{"mention_id", "article_id", "event", "actor", "recipient", "date_start", "claim", "event_text", "story_id", "story_outlets", "quad_code"} {
			if _, ok := r.Items[0][k]; !ok {
				t.Fatalf("event without %q: %v", k, r.Items[0])
			}
		}
		if r.Next == nil {
			break
		}
		url = "/api/events?limit=1&after=" + *r.Next
	}
	if want := []string{"Militias", "Officials", "Washington", "Iraq"}; !slices.Equal(all, want) {
		t.Fatalf("pages gave %v, want %v", all, want)
	}
}

func TestAPIRejectsBadParameters(t *testing.T) {
	s := newServer(t, Config{})
	for _, url := range []string{
		"/api/events?since=yesterday", "/api/events?dyad=USA", "/api/events?type=PARTY", "/api/events?quad=7",
		"/api/events?claim=rumoured", "/api/events?limit=0", "/api/events?after=%21%21", "/api/events?history=maybe",
		"/api/dyads/USA/IRQ/series?bucket=year", "/api/dyads/US/IRQ/series", "/api/network?nodes=planets",
		"/api/articles/abc", "/api/stories?actor=some-person",
	} {
		code, body := get(t, s, url)
		var e errorJSON
		if code != http.StatusBadRequest || json.Unmarshal([]byte(body), &e) != nil || e.Error == "" {
			t.Errorf("GET %s: %d %s, want 400 with an error message", url, code, body)
		}
	}
	// Well-formed but unknown codes and types are refused as the CLI
	// refuses them (codes.Dyad, codes.Type), naming the culprit, instead of
	// answering with an empty list.
	for url, want := range map[string]string{
		"/api/events?dyad=USA:XYZ":       `unknown country code \"XYZ\"`,
		"/api/stories?dyad=usa:qqq":      `unknown country code \"QQQ\"`,
		"/api/dyads/USA/ZZZ/series":      `unknown country code \"ZZZ\"`,
		"/api/events?type=threaten,fish": `type=\"fish\": not a PLOVER event type; one of AGREE`,
		"/api/stories?actor=XXX":         `unknown country code \"XXX\"`,
		"/api/events?actor=QQQ":          `unknown country code \"QQQ\"`,
	} {
		code, body := get(t, s, url)
		if code != http.StatusBadRequest || !strings.Contains(body, want) {
			t.Errorf("GET %s: %d %s, want 400 saying %s", url, code, body, want)
		}
	}
	// ... and known codes in any case still answer.
	for _, url := range []string{"/api/events?dyad=usa:irq&type=threaten", "/api/dyads/usa/irq/series", "/api/stories?actor=irq"} {
		if code, body := get(t, s, url); code != http.StatusOK {
			t.Errorf("GET %s: %d %s, want 200", url, code, body)
		}
	}
	for _, url := range []string{"/api/stories/nope", "/api/articles/999", "/api/nothing"} {
		if code, _ := get(t, s, url); code != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", url, code)
		}
	}
}

func TestAPIStoryAndArticle(t *testing.T) {
	s := newServer(t, Config{})
	var st storyDetailJSON
	getJSON(t, s, "/api/stories/S1", &st)
	if st.Outlets != 2 || st.Mentions != 2 || len(st.Events) != 2 || st.Claims["asserted"] != 1 || st.Claims["reported"] != 1 ||
		*st.DateStart != "2025-11-01" || st.Actor != "USA" {
		t.Fatalf("story: %+v", st)
	}
	var stories struct{ Items []storyJSON }
	getJSON(t, s, "/api/stories?min_outlets=2", &stories)
	if len(stories.Items) != 1 || stories.Items[0].ID != "S1" {
		t.Fatalf("corroborated stories: %+v", stories)
	}
	var a articleDetailJSON
	getJSON(t, s, "/api/articles/2", &a)
	if a.Outlet != "AP" || len(a.Events) != 2 || !strings.HasPrefix(a.Text, "Officials said") || *a.Published != "2025-11-03" {
		t.Fatalf("article: %+v", a)
	}
	var arts struct{ Items []articleJSON }
	getJSON(t, s, "/api/articles?q=envoy", &arts)
	if len(arts.Items) != 1 || arts.Items[0].ID != 2 || arts.Items[0].Mentions != 2 {
		t.Fatalf("article search: %+v", arts)
	}
}

func TestAPIAggregates(t *testing.T) {
	s := newServer(t, Config{})
	var sr seriesJSON
	getJSON(t, s, "/api/dyads/irq/usa/series?bucket=month", &sr)
	if got := fmt.Sprint(sr.Points); got != "[{2025-10-01 1 1 1 0 [0 1 0 0 0] 1} {2025-11-01 3 2 0 3 [0 0 0 2 1] -16}]" {
		t.Fatalf("series: %s", got)
	}
	var nw struct {
		Since *string
		Edges []edgeJSON
	}
	getJSON(t, s, "/api/network", &nw)
	if *nw.Since != "2025-10-06" || len(nw.Edges) != 2 || nw.Edges[0].Source != "IRQ" || nw.Edges[0].Events != 2 {
		t.Fatalf("network (30 days back from the latest story): %+v", nw)
	}
	var in struct{ Items []intensityJSON }
	getJSON(t, s, "/api/intensity?since=2025-01-01&until=2025-12-31", &in)
	if fmt.Sprint(in.Items) != "[{IRQ 4 3 1} {USA 4 3 1}]" {
		t.Fatalf("intensity: %v", in.Items)
	}
	var dy struct{ Items []dyadJSON }
	getJSON(t, s, "/api/dyads", &dy)
	if fmt.Sprint(dy.Items) != "[{IRQ USA 3 2}]" {
		t.Fatalf("dyads: %v", dy.Items)
	}
}

// TestOpenAPIDescribesEveryRoute keeps the document and the routes in step.
func TestOpenAPIDescribesEveryRoute(t *testing.T) {
	var doc struct {
		Paths map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal(openAPI, &doc); err != nil {
		t.Fatal(err)
	}
	src, err := readSource("server.go")
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`"(GET|PUT|POST) (/api/[^"]+)"`)
	routes := re.FindAllStringSubmatch(src, -1)
	if len(routes) < 10 {
		t.Fatalf("found only %d API routes in server.go", len(routes))
	}
	for _, m := range routes {
		ops, ok := doc.Paths[m[2]]
		if !ok {
			t.Errorf("openapi.json lacks %s", m[2])
			continue
		}
		if _, ok := ops[strings.ToLower(m[1])]; !ok {
			t.Errorf("openapi.json lacks %s %s", m[1], m[2])
		}
	}
	if len(doc.Paths) != len(routes)-1 { // GET and PUT share /api/alert-rules
		t.Errorf("openapi.json has %d paths for %d routes", len(doc.Paths), len(routes))
	}
}
