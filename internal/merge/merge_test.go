package merge

import (
	"testing"
	"time"

	"github.com/dyad-project/dyad/internal/event"
)

func d(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }

func mention(doc, typ, actor, recip, date, sentence string) event.Mention {
	return event.Mention{Doc: doc, Event: typ, Actor: event.Party{Code: actor}, Recipient: event.Party{Code: recip},
		DateStart: d(date), DateEnd: d(date), Sentence: sentence}
}

func TestMerge(t *testing.T) {
	ms := []event.Mention{
		mention("a.txt", "THREATEN", "USA", "IRQ", "2025-11-04", "Baghdad received a warning from Washington over the factions."),
		mention("b.txt", "THREATEN", "USA", "IRQ", "2025-11-02", "The US issued its final warning to Iraq over the resistance factions."),
		mention("b.txt", "CONSULT", "IRQ", "USA", "2025-11-02", "Abbasi spoke with Hegseth by phone."),
		mention("a.txt", "CONSULT", "USA", "IRQ", "2025-11-04", "Hegseth phoned his Iraqi counterpart Abbasi."),
		mention("c.txt", "THREATEN", "USA", "IRQ", "2025-06-01", "Washington warned Baghdad over the factions."), // months apart
		mention("c.txt", "ASSAULT", "USA", "IRQ", "2025-11-03", "US jets struck Iraq."),                          // other type
		mention("d.txt", "THREATEN", "USA", "", "2025-11-04", "Washington warned again."),                        // one-sided
	}
	// Two named accusers of one leader are two stories, even with an unnamed
	// mention that could bridge them.
	bridge := []event.Mention{
		mention("x.txt", "ACCUSE", "USA", "ISR", "2015-02-24", "Rice criticized Netanyahu's speech plans."),
		mention("y.txt", "ACCUSE", "USA", "ISR", "2015-02-24", "Leahy criticized Netanyahu's speech plans as a stunt."),
		mention("z.txt", "ACCUSE", "USA", "ISR", "2015-02-24", "Rice criticized Netanyahu's speech plans again."),
	}
	bridge[1].Actor.EntityID, bridge[2].Actor.EntityID = "patrick-leahy", "susan-rice"
	Merge(bridge)
	if bridge[1].StoryID == bridge[2].StoryID {
		t.Errorf("Leahy's and Rice's accusations were merged through an unnamed mention")
	}
	stories := Merge(ms)
	if ms[0].StoryID != ms[1].StoryID {
		t.Errorf("the same warning in two outlets was not merged")
	}
	if ms[2].StoryID != ms[3].StoryID {
		t.Errorf("a reciprocal call reported either way round was not merged")
	}
	for _, i := range []int{4, 5, 6} {
		if ms[i].StoryID == ms[0].StoryID {
			t.Errorf("mention %d wrongly merged into the warning story", i)
		}
	}
	if len(stories) != 5 {
		t.Errorf("got %d stories, want 5", len(stories))
	}
	// Deterministic whatever the input order.
	rev := make([]event.Mention, len(ms))
	for i := range ms {
		rev[len(ms)-1-i] = ms[i]
		rev[len(ms)-1-i].StoryID = ""
	}
	Merge(rev)
	for i := range ms {
		if rev[len(ms)-1-i].StoryID != ms[i].StoryID {
			t.Errorf("story of mention %d depends on input order", i)
		}
	}
}
