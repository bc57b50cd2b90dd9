package server

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-project/dyad/internal/actors"
	"github.com/dyad-project/dyad/internal/article"
	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/store/sqlite"
)

// fakeKB knows a few people.
type fakeKB map[string]*actors.Entity

func (k fakeKB) Get(id string) *actors.Entity                 { return k[id] }
func (k fakeKB) Lookup(string, time.Time) []actors.Resolution { return nil }

// An actor page lists the events the person is a party to and, apart, those
// whose evidence quotes or names them (issue 17: Abbasi's page said "No
// events match" although three mentions cite him); a namesake of another
// country, or the name inside another word, does not count.
func TestActorPageListsNamedEvents(t *testing.T) {
	db, kb := actorFixture(t)
	s := newServer(t, Config{Store: db, Actors: kb})

	code, body := get(t, s, "/actors/thabet-al-abbasi")
	named := body[strings.Index(body, "Latest events"):]
	if code != 200 || !strings.Contains(named, "Quoted or named in") ||
		!strings.Contains(named, "Abbasi said Washington warned Baghdad") || !strings.Contains(named, "Hegseth warned Baghdad in a call") {
		t.Errorf("Abbasi's page does not list the events that cite him (%d):\n%s", code, named)
	}
	for _, other := range []string{"Mohammad Abbasi said", "Abbasiyya residents"} {
		if strings.Contains(body, other) {
			t.Errorf("Abbasi's page lists %q", other)
		}
	}
	// Hegseth is a party to one event: listed once, as a party
	_, body = get(t, s, "/actors/pete-hegseth")
	if strings.Count(body, "Hegseth warned Baghdad in a call") != 1 || strings.Contains(body, "Quoted or named in") {
		t.Errorf("Hegseth's page:\n%s", body[strings.Index(body, "Latest events"):])
	}
}

// actorFixture stores four mentions naming Abbasi (two citing Thabet
// al-Abbasi of Iraq, one a namesake of Iran, one the word inside another)
// and a knowledge base of Abbasi and Hegseth.
func actorFixture(t *testing.T) (*sqlite.DB, fakeKB) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "dyad.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	mention := func(actor, recip event.Party, sent string) event.Mention {
		return event.Mention{Event: "THREATEN", Quad: 3, Actor: actor, Recipient: recip, DateStart: day("2025-11-01"),
			DateEnd: day("2025-11-01"), Claim: event.Reported, Sentence: sent, SentEnd: len(sent)}
	}
	hegseth := event.Party{Code: "USA", Text: "Pete Hegseth", EntityID: "pete-hegseth", Entity: "Pete Hegseth"}
	usa, irq, irn := event.Party{Code: "USA", Text: "Washington"}, event.Party{Code: "IRQ", Text: "Baghdad"}, event.Party{Code: "IRN", Text: "Tehran"}
	texts := []struct {
		text string
		m    event.Mention
	}{
		{"Abbasi said Washington warned Baghdad over the factions.", mention(usa, irq, "Abbasi said Washington warned Baghdad over the factions.")},
		{"Hegseth warned Baghdad in a call, Defense Minister Thabet al-Abbasi said.", mention(hegseth, irq, "Hegseth warned Baghdad in a call, Defense Minister Thabet al-Abbasi said.")},
		{"Mohammad Abbasi said Washington threatened Tehran.", mention(usa, irn, "Mohammad Abbasi said Washington threatened Tehran.")},
		{"Abbasiyya residents said Washington warned Baghdad.", mention(usa, irq, "Abbasiyya residents said Washington warned Baghdad.")},
	}
	for i, x := range texts {
		r, err := db.PutArticle(ctx, &article.Article{Source: "a" + string(rune('0'+i)), Text: x.text, SimHash: uint64(0x3c3c3c3c) << (8 * i)})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.PutMentions(ctx, r.ID, []event.Mention{x.m}); err != nil {
			t.Fatal(err)
		}
	}
	kb := fakeKB{
		"thabet-al-abbasi": {ID: "thabet-al-abbasi", Name: "Thabet al-Abbasi", Kind: actors.KindPerson, Country: "IRQ"},
		"pete-hegseth":     {ID: "pete-hegseth", Name: "Pete Hegseth", Kind: actors.KindPerson, Country: "USA"},
	}
	return db, kb
}
