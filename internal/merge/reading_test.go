package merge

import (
	"math/rand/v2"
	"testing"

	"github.com/dyad-project/dyad/internal/event"
)

// Merging article by article with a Reading kept from one article to the
// next decides what merging without one does, also when a stored mention's
// id comes back with another sentence (its article's mentions replaced).
func TestMergeReadingSameAsWithout(t *testing.T) {
	for trial := range 30 {
		r := rand.New(rand.NewPCG(uint64(trial), 61))
		n := []int{20, 60, 200}[trial%3]
		vocab := []int{12, 40, 300}[trial%3]
		days := []int{3, 10, 40}[trial/3%3]
		base := randomMentions(r, n, vocab, days)
		for i := range base {
			base[i].ID = int64(i + 1)
		}
		reading := NewReading()
		var stored, plain []event.Mention
		for from := 0; from < len(base); {
			to := from + 1
			for to < len(base) && base[to].Doc == base[from].Doc {
				to++
			}
			if from > 0 && r.IntN(4) == 0 {
				// a stored mention's id given to other words
				i := r.IntN(len(stored))
				stored[i].Sentence, plain[i].Sentence = base[to-1].Sentence, base[to-1].Sentence
				stored[i].Trigger, plain[i].Trigger = base[to-1].Trigger, base[to-1].Trigger
			}
			a := append([]event.Mention(nil), base[from:to]...)
			b := append([]event.Mention(nil), base[from:to]...)
			got := dumpMerge(a, MergeIntoReading(reading, stored, a), newStory)
			want := dumpMerge(b, MergeInto(plain, b), newStory)
			if got != want {
				t.Fatalf("trial %d, article %s: with a Reading:\n%s", trial, base[from].Doc, firstDiff(got, want))
			}
			stored, plain = append(stored, a...), append(plain, b...)
			from = to
		}
		if len(reading.byID) == 0 {
			t.Fatalf("trial %d: nothing kept", trial)
		}
	}
}
