package storetest

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/dyad-project/dyad/internal/store"
)

// sameFeed compares feed states with time.Equal (a store may hand times
// back in another location).
func sameFeed(a, b store.FeedState) bool {
	return a.URL == b.URL && a.ETag == b.ETag && a.LastModified == b.LastModified && a.LastPoll.Equal(b.LastPoll) &&
		a.LastOK.Equal(b.LastOK) && a.LastError == b.LastError && a.Failures == b.Failures
}

func feedState(t *testing.T, s store.WatchState, url string) store.FeedState {
	t.Helper()
	fs, err := s.FeedState(context.Background(), url)
	if err != nil {
		t.Fatalf("FeedState %s: %v", url, err)
	}
	return fs
}

// testFeedState: an unknown URL has an empty state; a put replaces the
// URL's state and leaves other URLs alone; a zero time stays zero.
func testFeedState(t *testing.T, s store.Analysis) {
	ctx := context.Background()
	const u1, u2 = "https://x.example/feed", "https://y.example/page"
	if got := feedState(t, s, u1); !sameFeed(got, store.FeedState{URL: u1}) || !got.LastPoll.IsZero() {
		t.Fatalf("never polled: %+v", got)
	}
	// A time in another zone with milliseconds is the same instant back.
	poll := time.Date(2026, 3, 2, 13, 0, 0, 125e6, time.FixedZone("AST", 3*3600))
	good := store.FeedState{URL: u1, ETag: `W/"v2"`, LastModified: "Mon, 02 Mar 2026 09:00:00 GMT", LastPoll: poll, LastOK: poll}
	failing := store.FeedState{URL: u2, LastPoll: poll, LastError: "fetch: timeout", Failures: 1} // never OK
	for _, fs := range []store.FeedState{good, failing} {
		if err := s.PutFeedState(ctx, fs); err != nil {
			t.Fatal(err)
		}
	}
	later := good
	later.LastPoll, later.LastError, later.Failures = poll.Add(time.Hour), "HTTP 503", 2
	if err := s.PutFeedState(ctx, later); err != nil {
		t.Fatal(err)
	}
	for _, want := range []store.FeedState{later, failing} {
		if got := feedState(t, s, want.URL); !sameFeed(got, want) {
			t.Errorf("feed state:\n got %+v\nwant %+v", got, want)
		}
	}
	if got := feedState(t, s, u2); !got.LastOK.IsZero() {
		t.Errorf("a feed never fetched has LastOK %v", got.LastOK)
	}
}

func putAlert(t *testing.T, s store.WatchState, a store.AlertRecord) store.AlertRecord {
	t.Helper()
	got, err := s.PutAlert(context.Background(), a)
	if err != nil {
		t.Fatalf("PutAlert %s/%s: %v", a.Rule, a.Key, err)
	}
	if got.ID == 0 || got.Rule != a.Rule || got.Key != a.Key || !got.FiredAt.Equal(a.FiredAt) {
		t.Fatalf("PutAlert returned %+v for %+v", got, a)
	}
	return got
}

func payloads(as []store.AlertRecord) []string {
	var out []string
	for _, a := range as {
		out = append(out, string(a.Payload))
	}
	return out
}

// testAlerts: LastAlert is the latest by firing time (not by insertion) of
// one rule and key; ListAlerts is inclusive of since, oldest first; the
// payload comes back byte for byte and the stories in order.
func testAlerts(t *testing.T, s store.Analysis) {
	ctx := context.Background()
	if _, err := s.LastAlert(ctx, "surge", "IRN:USA"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("no alert yet: %v, want ErrNotFound", err)
	}
	t0 := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	// Spacing and key order of the payload are the notifier's; kept as sent.
	late := putAlert(t, s, store.AlertRecord{Rule: "surge", Key: "IRN:USA", FiredAt: t0.Add(2 * time.Hour),
		Stories: []string{"S9", "S1"}, Payload: []byte(`{"z": 1,  "a": ["S9","S1"]}`)})
	early := putAlert(t, s, store.AlertRecord{Rule: "surge", Key: "IRN:USA", FiredAt: t0, Stories: []string{"S1"}, Payload: []byte(`{"n":0}`)})
	putAlert(t, s, store.AlertRecord{Rule: "surge", Key: "IRQ:USA", FiredAt: t0.Add(3 * time.Hour), Payload: []byte(`{"n":2}`)})
	putAlert(t, s, store.AlertRecord{Rule: "calm", Key: "IRN:USA", FiredAt: t0.Add(4 * time.Hour), Payload: []byte(`{"n":3}`)})
	if early.ID == late.ID {
		t.Fatalf("two alerts share id %d", early.ID)
	}
	last, err := s.LastAlert(ctx, "surge", "IRN:USA")
	if err != nil {
		t.Fatal(err)
	}
	if last.ID != late.ID || !last.FiredAt.Equal(late.FiredAt) || string(last.Payload) != string(late.Payload) ||
		!equal(last.Stories, []string{"S9", "S1"}) {
		t.Errorf("last alert %+v (payload %s), want %+v", last, last.Payload, late)
	}
	if _, err := s.LastAlert(ctx, "calm", "IRQ:USA"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("rule calm never fired for IRQ:USA: %v", err)
	}
	cases := []struct {
		since time.Time
		want  []string
	}{
		{time.Time{}, []string{`{"n":0}`, `{"z": 1,  "a": ["S9","S1"]}`, `{"n":2}`, `{"n":3}`}},
		{t0.Add(2 * time.Hour), []string{`{"z": 1,  "a": ["S9","S1"]}`, `{"n":2}`, `{"n":3}`}}, // inclusive
		{t0.Add(2*time.Hour + time.Second), []string{`{"n":2}`, `{"n":3}`}},
		{t0.Add(5 * time.Hour), nil},
	}
	for _, c := range cases {
		got, err := s.ListAlerts(ctx, c.since)
		if err != nil {
			t.Fatal(err)
		}
		if g := payloads(got); !equal(g, c.want) {
			t.Errorf("ListAlerts(%v): %q, want %q", c.since, g, c.want)
		}
	}
	all, _ := s.ListAlerts(ctx, time.Time{})
	if len(all) == 4 && len(all[2].Stories) != 0 {
		t.Errorf("an alert stored without stories lists %q", all[2].Stories)
	}
}

// testWatchReopen: feed validators and fired alerts outlive the process,
// so a restarted watch neither refetches nor re-alerts.
func testWatchReopen(t *testing.T, loc string, open func(t *testing.T, loc string) store.Analysis) {
	ctx := context.Background()
	s := open(t, loc)
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	fs := store.FeedState{URL: "https://x.example/feed", ETag: `"v2"`, LastPoll: at, LastOK: at}
	if err := s.PutFeedState(ctx, fs); err != nil {
		t.Fatal(err)
	}
	a := putAlert(t, s, store.AlertRecord{Rule: "surge", Key: "IRN:USA", FiredAt: at, Stories: []string{"S1"}, Payload: []byte(`{"id":1}`)})
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = open(t, loc)
	defer s.Close()
	if got := feedState(t, s, fs.URL); !sameFeed(got, fs) {
		t.Errorf("feed state after reopen: %+v, want %+v", got, fs)
	}
	last, err := s.LastAlert(ctx, "surge", "IRN:USA")
	if err != nil || last.ID != a.ID || !last.FiredAt.Equal(at) || string(last.Payload) != `{"id":1}` || !equal(last.Stories, []string{"S1"}) {
		t.Errorf("last alert after reopen: %+v %v, want %+v", last, err, a)
	}
	// New alerts after the restart get new ids.
	if b := putAlert(t, s, store.AlertRecord{Rule: "surge", Key: "IRN:USA", FiredAt: at.Add(time.Hour), Payload: []byte(`{}`)}); b.ID == a.ID {
		t.Errorf("id %d reused after reopen", b.ID)
	}
}
