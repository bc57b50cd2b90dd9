package merge

import (
	"fmt"
	"testing"

	"github.com/dyad-project/dyad/internal/event"
)

// recall is a mention of an earlier event, as a later article tells it.
func recall(doc, from, to, dateText, sentence string) event.Mention {
	m := mention(doc, "ASSAULT", "XAR", "XBE", from, sentence)
	m.DateEnd, m.DateText, m.Background, m.Trigger = d(to), dateText, true, "attack"
	return m
}

// consulateStory is an invented event reported on its day by two outlets,
// recalled by three later articles (with a year, a month, no date), and a
// different attack in the same city and year.
func consulateStory() []event.Mention {
	r1 := mention("a.txt", "ASSAULT", "XAR", "XBE", "2031-03-03",
		"Gunmen stormed the Beltanian consulate in Vardo on Monday, killing the consul, Ilse Brandt.")
	r2 := mention("b.txt", "ASSAULT", "XAR", "XBE", "2031-03-04",
		"The consulate of Beltania in Vardo was overrun by gunmen who killed consul Ilse Brandt.")
	r1.Trigger, r2.Trigger = "stormed", "overrun"
	year := recall("c.txt", "2031-01-01", "2031-12-31", "in 2031",
		"The militia took part in the 2031 attack on the Beltanian consulate in Vardo, officials say.")
	month := recall("d.txt", "2031-03-01", "2031-03-31", "last March",
		"Since the attack on the consulate in Vardo last March, the embassy has stayed closed.")
	undated := recall("e.txt", "2032-06-10", "2032-06-10", "",
		"Officials still mourn Ilse Brandt, the consul killed when gunmen attacked the mission.")
	undated.Trigger = "attacked"
	other := mention("f.txt", "ASSAULT", "XAR", "XBE", "2031-07-19",
		"A car bomb exploded outside a hotel in Vardo on Saturday, killing nine guests.")
	other.Trigger = "exploded"
	return []event.Mention{r1, r2, year, month, undated, other}
}

func permutations(n int) [][]int {
	if n == 1 {
		return [][]int{{0}}
	}
	var out [][]int
	for _, p := range permutations(n - 1) {
		for i := 0; i <= len(p); i++ {
			q := append(append(append([]int{}, p[:i]...), n-1), p[i:]...)
			out = append(out, q)
		}
	}
	return out
}

// storeOneByOne merges the mentions one article at a time in the given
// order, as `dyad ingest` does, and returns them as stored.
func storeOneByOne(base []event.Mention, order []int) []event.Mention {
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
	return stored
}

func TestReferencesJoinTheirEventInAnyOrder(t *testing.T) {
	base := consulateStory()
	check := func(name string, got []event.Mention) {
		t.Helper()
		byDoc := map[string]*event.Mention{}
		for i := range got {
			byDoc[got[i].Doc] = &got[i]
		}
		story := byDoc["a.txt"].StoryID
		reports, refs := 0, 0
		for _, doc := range []string{"a.txt", "b.txt", "c.txt", "d.txt", "e.txt"} {
			m := byDoc[doc]
			if m.StoryID != story {
				t.Errorf("%s: %s is in story %s, the consulate attack in %s (%s)", name, doc, m.StoryID, story, m.StoryWhy)
			}
			if m.Reference {
				refs++
			} else {
				reports++
			}
		}
		if reports != 2 || refs != 3 {
			t.Errorf("%s: %d reports and %d references, want 2 and 3", name, reports, refs)
		}
		if byDoc["f.txt"].StoryID == story {
			t.Errorf("%s: the hotel bombing joined the consulate attack (%s)", name, byDoc["f.txt"].StoryWhy)
		}
	}
	for _, order := range permutations(len(base)) {
		check(fmt.Sprint("stored in order ", order), storeOneByOne(base, order))
		batch := make([]event.Mention, len(base))
		for i, j := range order {
			batch[i] = base[j]
		}
		Merge(batch)
		check(fmt.Sprint("merged in order ", order), batch)
	}
}

// A reference does not widen its story's date, and says why it joined.
func TestReferenceKeepsTheStoryDate(t *testing.T) {
	ms := consulateStory()
	stories := Merge(ms)
	var st *Story
	for _, s := range stories {
		if s.ID == ms[0].StoryID {
			st = s
		}
	}
	if st == nil || st.KnownFromReferences() {
		t.Fatalf("no reported story for the consulate attack")
	}
	if got := span(st.start, st.end); got != "2031-03-03…2031-03-04" {
		t.Errorf("story dated %s, want the reports' 2031-03-03…2031-03-04", got)
	}
	want := "joined as a reference: window 2031-01-01…2031-12-31 contains 2031-03-03…2031-03-04; shared: "
	if got := ms[2].StoryWhy; len(got) < len(want) || got[:len(want)] != want {
		t.Errorf("why = %q, want it to start with %q", got, want)
	}
}

// A reference known from no report is a story of its own; references that
// cannot be one event (windows that do not meet, nothing distinctive in
// common) stay apart; one that fits two reported events of different days
// joins the one it shares most with and does not fold them together.
func TestReferenceAlone(t *testing.T) {
	lone := []event.Mention{recall("c.txt", "2031-01-01", "2031-12-31", "in 2031",
		"The militia took part in the 2031 attack on the Beltanian consulate in Vardo.")}
	stories := Merge(lone)
	if len(stories) != 1 || !stories[0].KnownFromReferences() || !lone[0].Reference {
		t.Errorf("a lone reference: %d stories, known only from references %v", len(stories), len(stories) == 1 && stories[0].KnownFromReferences())
	}

	tests := []struct {
		name string
		ms   []event.Mention
		same [][2]int // pairs in one story
		diff [][2]int // pairs apart
	}{
		{"windows that do not meet", []event.Mention{
			recall("c.txt", "2031-01-01", "2031-12-31", "in 2031", "The 2031 attack on the Beltanian consulate in Vardo."),
			recall("d.txt", "2029-05-01", "2029-05-31", "in May 2029", "The attack on the Beltanian consulate in Vardo in May 2029."),
		}, nil, [][2]int{{0, 1}}},
		{"nothing distinctive shared", []event.Mention{
			mention("a.txt", "ASSAULT", "XAR", "XBE", "2031-03-03", "Gunmen stormed the Beltanian consulate in Vardo."),
			recall("c.txt", "2031-01-01", "2031-12-31", "in 2031", "Last year's attack changed the country."),
		}, nil, [][2]int{{0, 1}}},
		{"two events of different days", []event.Mention{
			mention("a.txt", "ASSAULT", "XAR", "XBE", "2031-03-03", "Gunmen stormed the Beltanian consulate in Vardo and burned the Beltanian flag."),
			mention("b.txt", "ASSAULT", "XAR", "XBE", "2031-09-10", "Gunmen stormed the Beltanian trade office in Vardo."),
			recall("c.txt", "2031-01-01", "2031-12-31", "in 2031", "The 2031 storming of the Beltanian consulate in Vardo."),
		}, [][2]int{{0, 2}}, [][2]int{{0, 1}, {1, 2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			Merge(tt.ms)
			for _, p := range tt.same {
				if tt.ms[p[0]].StoryID != tt.ms[p[1]].StoryID {
					t.Errorf("%d and %d apart: %s", p[0], p[1], tt.ms[p[1]].StoryWhy)
				}
			}
			for _, p := range tt.diff {
				if tt.ms[p[0]].StoryID == tt.ms[p[1]].StoryID {
					t.Errorf("%d and %d merged: %s", p[0], p[1], tt.ms[p[1]].StoryWhy)
				}
			}
		})
	}
}

func TestIsReference(t *testing.T) {
	day := mention("a.txt", "ASSAULT", "XAR", "XBE", "2031-03-03", "")
	month := day
	month.DateEnd = d("2031-03-31")
	planned := month
	planned.Claim = event.Planned
	old := day
	old.Background = true
	misdated := month
	misdated.ArticleDateConflict = true // dated by the content's window
	for _, tt := range []struct {
		name string
		m    event.Mention
		want bool
	}{{"a day", day, false}, {"a month", month, true}, {"a planned month", planned, false}, {"background day", old, true},
		{"news of a misdated article, dated by its content", misdated, false}} {
		if got := IsReference(&tt.m); got != tt.want {
			t.Errorf("%s: IsReference = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// A reference that fits two events of its window goes with the one it
// shares most with, whichever arrived first: one placed with the wrong
// event before the report of its own arrived moves when it does.
func TestReferenceGoesWhereItFitsBestInAnyOrder(t *testing.T) {
	hotel := mention("e.txt", "ASSAULT", "XAR", "XBE", "2031-07-12", "Gunmen attacked the Grand Hotel in Vardo on 12 July.")
	hotel.Trigger = "attacked"
	ref := recall("r.txt", "2031-01-01", "2031-12-31", "in 2031",
		"The militia took part in the 2031 attack on the Beltanian consulate in Vardo, which the gunmen had watched for weeks.")
	consulate := mention("t.txt", "ASSAULT", "XAR", "XBE", "2031-03-03", "Gunmen stormed the Beltanian consulate in Vardo on Monday.")
	consulate.Trigger = "stormed"
	base := []event.Mention{hotel, ref, consulate}
	for _, order := range permutations(len(base)) {
		got := storeOneByOne(base, order)
		byDoc := map[string]event.Mention{}
		for _, m := range got {
			byDoc[m.Doc] = m
		}
		if byDoc["r.txt"].StoryID != byDoc["t.txt"].StoryID || byDoc["e.txt"].StoryID == byDoc["t.txt"].StoryID {
			t.Errorf("stored in order %v: the recall of the consulate attack is with %s (%s)", order,
				map[bool]string{true: "the hotel attack", false: "neither"}[byDoc["r.txt"].StoryID == byDoc["e.txt"].StoryID],
				byDoc["r.txt"].StoryWhy)
		}
		batch := make([]event.Mention, len(base))
		for i, j := range order {
			batch[i] = base[j]
		}
		Merge(batch)
		for _, m := range batch {
			byDoc[m.Doc] = m
		}
		if byDoc["r.txt"].StoryID != byDoc["t.txt"].StoryID || byDoc["e.txt"].StoryID == byDoc["t.txt"].StoryID {
			t.Errorf("merged in order %v: the recall is not with the consulate attack (%s)", order, byDoc["r.txt"].StoryWhy)
		}
	}
}
