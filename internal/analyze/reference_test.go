package analyze

import (
	"testing"
	"time"

	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/merge"
)

// An invented attack reported on its day by two outlets and recalled by
// three later articles counts once in the dyad's trend, in the week it
// happened, and its story says how many articles recalled it.
func TestTrendCountsRecalledEventOnce(t *testing.T) {
	m := func(id int64, from, to string, background bool, sentence string) event.Mention {
		return event.Mention{ArticleID: id, Doc: "a" + string(rune('0'+id)) + ".txt", Event: "ASSAULT", Quad: 4,
			Actor: event.Party{Code: "XAR"}, Recipient: event.Party{Code: "XBE"}, DateStart: day(from), DateEnd: day(to),
			Background: background, Claim: event.Asserted, Sentence: sentence}
	}
	ms := []event.Mention{
		m(1, "2031-03-03", "2031-03-03", false, "Gunmen stormed the Beltanian consulate in Vardo, killing the consul, Ilse Brandt."),
		m(2, "2031-03-04", "2031-03-04", false, "The Beltanian consulate in Vardo was overrun by gunmen who killed consul Ilse Brandt."),
		m(3, "2031-01-01", "2031-12-31", true, "The militia took part in the 2031 attack on the Beltanian consulate in Vardo."),
		m(4, "2031-03-01", "2031-03-31", true, "Since the attack on the Beltanian consulate in Vardo last March, the embassy is closed."),
		m(5, "2031-03-01", "2031-03-31", false, "The consul Ilse Brandt was killed in Vardo in March when gunmen attacked the consulate."),
	}
	merge.Merge(ms)
	stories := Group(ms)
	if len(stories) != 1 {
		t.Fatalf("%d stories, want 1", len(stories))
	}
	st := stories[0]
	if st.Start != day("2031-03-03") || st.End != day("2031-03-04") || st.Recalled != 3 || st.KnownFromReferences() {
		t.Errorf("story %s…%s recalled by %d, want 2031-03-03…2031-03-04 recalled by 3", st.Start.Format(time.DateOnly),
			st.End.Format(time.DateOnly), st.Recalled)
	}
	series := BuildSeries("XAR:XBE", stories, Week, day("2031-01-01"), day("2031-12-31"))
	total := 0
	for _, p := range series.Points {
		total += p.Stories
		if p.Stories > 0 && p.Start != day("2031-03-03") { // a Monday
			t.Errorf("the attack counted in %s", p.Start.Format(time.DateOnly))
		}
	}
	if total != 1 {
		t.Errorf("the trend counts the attack %d times, want once", total)
	}
}
