package merge

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
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

// busyMonth is n mentions of one dyad (USA–IRN, either way round) over 30
// days, as a month-long crisis gives them: five types, a handful of named
// people on each side, evidence sentences of a dozen words drawn from a
// few hundred (so that some share enough wording to be one story and most
// do not), three mentions an article, and one in ten a reference (history
// told, over a week-wide window).
func busyMonth(n int) []event.Mention {
	r := rand.New(rand.NewPCG(16, 30))
	types := []string{"THREATEN", "ACCUSE", "CONSULT", "ASSAULT", "SANCTION"}
	people := []string{"", "", "", "donald-trump", "mike-pompeo", "mark-esper"}
	theirs := []string{"", "", "", "hassan-rouhani", "javad-zarif", "ali-khamenei"}
	vocab := strings.Fields(`Baghdad Tehran Gulf Hormuz Basra Erbil Geneva Oman Kirkuk Damascus Beirut
		Riyadh Doha Sanaa Aden Mosul Tikrit Fallujah Karbala Najaf Qom Isfahan Natanz Fordow Bushehr Abadan
		drone tanker embassy militia rocket oil nuclear prisoner swap strike convoy base airport port pipeline
		refinery tanker frigate destroyer carrier missile launcher uranium centrifuge inspector reactor
		sanctions exports imports currency bank shipping insurance freight crude barrel price market
		protest crowd funeral commander general minister envoy ambassador spokesman adviser senator
		warned accused met struck sanctioned criticised called threatened condemned blamed vowed pledged
		demanded rejected urged denied confirmed announced reported claimed seized downed fired launched
		talks meeting summit call letter message statement speech interview briefing hearing vote
		ceasefire truce deal agreement accord framework proposal offer plan roadmap timetable deadline
		attack raid assault bombing shelling ambush explosion blast fire clash fighting battle siege
		retaliation response escalation tension crisis standoff confrontation dispute row conflict`)
	start := d("2020-01-01")
	ms := make([]event.Mention, n)
	for i := range ms {
		actor, recip, aid, rid := "USA", "IRN", people[r.IntN(len(people))], theirs[r.IntN(len(theirs))]
		if r.IntN(3) == 0 {
			actor, recip, aid, rid = recip, actor, rid, aid
		}
		day := start.AddDate(0, 0, r.IntN(30))
		var sb strings.Builder
		sb.WriteString("Officials said")
		for range 8 + r.IntN(8) {
			sb.WriteString(" " + vocab[r.IntN(len(vocab))])
		}
		sb.WriteString(".")
		m := mention(fmt.Sprintf("d%06d.txt", i/3), types[r.IntN(len(types))], actor, recip, day.Format(time.DateOnly), sb.String())
		m.Actor.EntityID, m.Recipient.EntityID = aid, rid
		m.SentStart = i % 3 * 100
		if r.IntN(10) == 0 {
			m.Background, m.DateStart, m.DateEnd = true, day.AddDate(0, 0, -7), day
		}
		ms[i] = m
	}
	return ms
}

// BenchmarkMergeMonth merges 10,000 and 100,000 mentions of one dyad over
// 30 days (issue 16: 100,000 in at most 2 s, growing near-linearly from
// 10,000): ns/mention must stay flat.
//
//	go test ./internal/merge -run '^$' -bench MergeMonth -benchtime 1x
func BenchmarkMergeMonth(b *testing.B) {
	benchMonth(b, func(ms []event.Mention) int { return len(Merge(ms)) })
}

// benchMonth runs merge (which returns how many stories it made) on
// busyMonth at each of monthSizes.
func benchMonth(b *testing.B, merge func([]event.Mention) int) {
	for _, n := range monthSizes(b) {
		ms := busyMonth(n)
		b.Run(fmt.Sprintf("%d", n), func(b *testing.B) {
			var stories int
			for b.Loop() {
				for i := range ms {
					ms[i].StoryID, ms[i].StoryWhy = "", ""
				}
				stories = merge(ms)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/mention")
			b.ReportMetric(float64(stories), "stories")
		})
	}
}

// monthSizes are the sizes of BenchmarkMergeMonth: 10,000, 30,000 and
// 100,000 mentions, or $DYAD_BENCH_MENTIONS.
func monthSizes(b *testing.B) []int {
	if s := os.Getenv("DYAD_BENCH_MENTIONS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			b.Fatal(err)
		}
		return []int{n}
	}
	return []int{10000, 30000, 100000}
}

func TestSidesConflict(t *testing.T) {
	for _, c := range []struct {
		name string
		o, m sides
		want bool
	}{
		{"other actor", sides{"rice", "", false}, sides{"leahy", "", false}, true},
		{"same actor", sides{"rice", "netanyahu", false}, sides{"rice", "", false}, false},
		{"one unnamed", sides{"", "netanyahu", false}, sides{"leahy", "netanyahu", false}, false},
		{"other recipient", sides{"", "netanyahu", false}, sides{"", "gantz", false}, true},
		{"reciprocal told the other way round", sides{"abbasi", "hegseth", true}, sides{"hegseth", "abbasi", true}, false},
		{"reciprocal with a third person", sides{"abbasi", "hegseth", true}, sides{"rubio", "abbasi", true}, true},
	} {
		if got := c.o.conflict(c.m); got != c.want {
			t.Errorf("%s: conflict = %v, want %v", c.name, got, c.want)
		}
	}
}
