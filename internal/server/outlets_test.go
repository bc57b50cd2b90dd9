package server

import (
	"fmt"
	"testing"
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
