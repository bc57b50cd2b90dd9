package pipeline

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/store"
)

// listOnly is a store.Mentions that answers ListMentions from a slice,
// recording the filters asked, and keeps nothing.
type listOnly struct {
	stored []event.Mention
	asked  []store.MentionFilter
}

func (l *listOnly) PutMentions(context.Context, int64, []event.Mention) error { return nil }
func (l *listOnly) RenameStory(context.Context, string, string) error         { return nil }
func (l *listOnly) MoveMention(context.Context, *event.Mention, string, string) error {
	return nil
}

func (l *listOnly) ListMentions(_ context.Context, f store.MentionFilter) ([]event.Mention, error) {
	l.asked = append(l.asked, f)
	var out []event.Mention
	for _, m := range l.stored {
		a, r := m.Actor.Code, m.Recipient.Code
		if a == f.Actor && r == f.Recipient || f.Either && a == f.Recipient && r == f.Actor {
			out = append(out, m)
		}
	}
	return out, nil
}

// A new article with both directions of one dyad reads each stored mention
// of the dyad once, and asks for the dyads in the same order every run.
func TestStoredNearReadsADyadOnce(t *testing.T) {
	day := time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)
	m := func(a, r string, id int64) event.Mention {
		return event.Mention{ID: id, ArticleID: id, Event: "ACCUSE", DateStart: day, DateEnd: day,
			Actor: event.Party{Code: a}, Recipient: event.Party{Code: r}, StoryID: "S1"}
	}
	db := &listOnly{stored: []event.Mention{m("PER", "CHL", 1), m("CHL", "PER", 2), m("BOL", "PER", 3)}}
	got, err := StoredNear(context.Background(), db, []event.Mention{m("CHL", "PER", 0), m("PER", "CHL", 0), m("PER", "BOL", 0)})
	if err != nil {
		t.Fatal(err)
	}
	ids := []int64{}
	for _, g := range got {
		ids = append(ids, g.ID)
	}
	slices.Sort(ids)
	if !slices.Equal(ids, []int64{1, 2, 3}) {
		t.Errorf("stored mentions read: %v, want each of 1, 2, 3 once", ids)
	}
	var order []string
	for _, f := range db.asked {
		order = append(order, f.Actor+">"+f.Recipient)
	}
	if !slices.Equal(order, []string{"BOL>PER", "CHL>PER"}) {
		t.Errorf("dyads asked in order %v, want [BOL>PER CHL>PER]", order)
	}
}
