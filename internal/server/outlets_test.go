package server

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/event"
)

// The API names a story's outlets beside their count, as `dyad stories
// --json` and the exports do (outlets a number, outlet_names the list);
// an event carries its story's (story_outlets, story_outlet_names).
func TestAPIOutletNames(t *testing.T) {
	s := newServer(t, Config{})
	want := map[string]string{"S1": "[AP Reuters]", "S2": "[AP]", "S3": "[<b onmouseover=alert(4)>Evil</b>]"}
	var stories struct{ Items []map[string]any }
	getJSON(t, s, "/api/stories", &stories)
	if len(stories.Items) != 3 {
		t.Fatalf("%d stories", len(stories.Items))
	}
	check := func(how string, id any, n any, names any) {
		t.Helper()
		l, ok := names.([]any)
		if !ok || fmt.Sprint(l) != want[fmt.Sprint(id)] || n != float64(len(l)) {
			t.Errorf("%s: story %v has %v outlets named %v, want %s", how, id, n, names, want[fmt.Sprint(id)])
		}
	}
	for _, st := range stories.Items {
		check("/api/stories", st["story_id"], st["outlets"], st["outlet_names"])
	}
	var one map[string]any
	getJSON(t, s, "/api/stories/S1", &one)
	check("/api/stories/S1", one["story_id"], one["outlets"], one["outlet_names"])
	for _, e := range one["events"].([]any) {
		ev := e.(map[string]any)
		check("/api/stories/S1 events", ev["story_id"], ev["story_outlets"], ev["story_outlet_names"])
	}
	var evs struct{ Items []map[string]any }
	getJSON(t, s, "/api/events", &evs)
	if len(evs.Items) != 4 {
		t.Fatalf("%d events", len(evs.Items))
	}
	for _, ev := range evs.Items {
		check("/api/events", ev["story_id"], ev["story_outlets"], ev["story_outlet_names"])
	}
}

// Story rows name the person on each side when a mention resolved one,
// whatever its role in that mention: "the minister" (Thabet al-Abbasi)
// telling of his call with Hegseth names the Iraqi side of a story first
// told as Hegseth's call (issue 17: the dashboard showed only USA → IRQ).
func TestStoryRowsNamePeople(t *testing.T) {
	db := fixture(t)
	ctx := context.Background()
	text := "Hegseth called his Iraqi counterpart. The minister said he had a call with Hegseth."
	r, err := db.PutArticle(ctx, &article.Article{Source: "call.txt", Outlet: "Wire", Text: text, SimHash: 0x77aa77aa,
		Published: day("2025-11-05")})
	if err != nil {
		t.Fatal(err)
	}
	hegseth := event.Party{Code: "USA", Text: "Hegseth", EntityID: "pete-hegseth", Entity: "Pete Hegseth"}
	call := func(actor, recip event.Party, sent string) event.Mention {
		i := strings.Index(text, sent)
		return event.Mention{Event: "CONSULT", Quad: 1, Score: 1, Actor: actor, Recipient: recip, DateStart: day("2025-11-05"),
			DateEnd: day("2025-11-05"), Claim: event.Asserted, Sentence: sent, SentStart: i, SentEnd: i + len(sent), StoryID: "S7"}
	}
	if err := db.PutMentions(ctx, r.ID, []event.Mention{
		call(hegseth, event.Party{Code: "IRQ", Text: "his Iraqi counterpart"}, "Hegseth called his Iraqi counterpart."),
		call(event.Party{Code: "IRQ", Text: "The minister", EntityID: "thabet-al-abbasi", Entity: "Thabet al-Abbasi"}, hegseth,
			"The minister said he had a call with Hegseth."),
	}); err != nil {
		t.Fatal(err)
	}
	s := newServer(t, Config{Store: db})
	var st map[string]any
	getJSON(t, s, "/api/stories/S7", &st)
	if st["actor"] != "USA" || st["actor_name"] != "Pete Hegseth" || st["recipient_name"] != "Thabet al-Abbasi" {
		t.Errorf("/api/stories/S7: %v", st)
	}
	for _, tc := range []struct{ path, want string }{
		{"/", "Pete Hegseth → Thabet al-Abbasi"},
		{"/stories/S7", "CONSULT: USA (Pete Hegseth) → IRQ (Thabet al-Abbasi)"},
		{"/stories/S7", "1</strong> independent outlet (Wire)"},
		{"/stories/S7", `<em>The minister</em> (<a href="/actors/thabet-al-abbasi">Thabet al-Abbasi</a>)`},
	} {
		code, body := get(t, s, tc.path)
		if code != 200 || !strings.Contains(body, tc.want) {
			t.Errorf("GET %s: %d, lacks %q", tc.path, code, tc.want)
		}
	}
	// a story with no resolved person shows its countries alone
	if _, body := get(t, s, "/"); strings.Count(body, `class="sub people"`) != 1 {
		t.Errorf("/: %d story rows name people, want 1", strings.Count(body, `class="sub people"`))
	}
}
