package merge

import (
	"fmt"
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

// Articles stored one at a time in any order end in the same stories: a
// mention that reports the event of two stored stories joins them.
func TestMergeIntoOrderIndependent(t *testing.T) {
	// a and c are a week apart; b, in between, is within the slack of both
	base := []event.Mention{
		mention("a.txt", "ASSAULT", "PSE", "ISR", "2017-12-18", "The girl slapped the soldier two weeks ago."),
		mention("c.txt", "ASSAULT", "PSE", "ISR", "2017-12-24", "The girl slapped the soldier at her home."),
		mention("b.txt", "ASSAULT", "PSE", "ISR", "2017-12-21", "The girl slapped the soldier in the village."),
	}
	for _, order := range [][]int{{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}} {
		var stored []event.Mention
		for _, i := range order {
			m := []event.Mention{base[i]}
			for _, st := range MergeInto(stored, m) {
				for _, from := range st.Folded {
					for k := range stored {
						if stored[k].StoryID == from {
							stored[k].StoryID = st.ID
						}
					}
				}
			}
			stored = append(stored, m...)
		}
		for k := range stored {
			if stored[k].StoryID != stored[0].StoryID {
				t.Errorf("order %v: %s is in story %s, %s in %s", order, stored[k].Doc, stored[k].StoryID, stored[0].Doc, stored[0].StoryID)
			}
		}
	}
}

// One text that dates two mentions of the same type and dyad differently
// tells two events, even when the vaguer window covers the other day.
func TestMergeKeepsOneTextsDifferentlyDatedEvents(t *testing.T) {
	indicted := mention("a.txt", "COERCE", "ISR", "PSE", "2018-01-01", "An Israeli court on Monday indicted Tamimi.")
	indicted.DateText = "on Monday"
	arrested := mention("a.txt", "COERCE", "ISR", "PSE", "2017-12-04", "Tamimi was arrested three days after the confrontation.")
	arrested.DateEnd, arrested.DateText, arrested.SentStart = d("2018-01-03"), "three days after (in December)", 100
	again := mention("a.txt", "COERCE", "ISR", "PSE", "2018-01-01", "Monday's indictment was political, her father said.")
	again.DateText, again.SentStart = "Monday's", 200
	ms := []event.Mention{indicted, arrested, again}
	Merge(ms)
	if ms[0].StoryID == ms[1].StoryID {
		t.Errorf("the arrest in December and the indictment on Monday were merged")
	}
	if ms[0].StoryID != ms[2].StoryID {
		t.Errorf("the indictment told twice with the same day was not merged")
	}
}

// BenchmarkMergeBusy merges the mentions of one busy dyad on a crisis day
// plus one-sided mentions: the time per mention must not grow with their
// number (candidate stories come from an index, not a scan).
//
//	go test ./internal/merge -run '^$' -bench MergeBusy
func BenchmarkMergeBusy(b *testing.B) {
	for _, n := range []int{1000, 10000, 50000} {
		ms := make([]event.Mention, n)
		for i := range ms {
			recip := []string{"IRN", "IRQ", ""}[i%3]
			ms[i] = mention(fmt.Sprintf("d%05d.txt", i), []string{"THREATEN", "ACCUSE", "CONSULT"}[i%5%3], "USA", recip,
				"2020-01-03", fmt.Sprintf("Officials in Washington warned Tehran about strike number %d.", i))
		}
		b.Run(fmt.Sprintf("%d", n), func(b *testing.B) {
			for b.Loop() {
				for i := range ms {
					ms[i].StoryID = ""
				}
				Merge(ms)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/mention")
		})
	}
}
