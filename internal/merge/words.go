package merge

import (
	"bufio"
	"log/slog"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/dyad-project/dyad/data"
	"github.com/dyad-project/dyad/internal/event"
)

// What identifies an event across texts that tell it years apart is not
// their wording as a whole (a later article recalls an attack in a clause)
// but what they share that few events share: a place, a name, a target. A
// shared word counts by how rare it is in general English (data/words).

// The weight of a word is 1 when general English has it at most rareCount
// times in the counts' 254,818 tokens, 0 from commonCount on, and falls
// with the logarithm of its count in between: "Benghazi" 1, "consulate" 1,
// "attack" about 0.6, "week" 0.4, "said" 0.
const (
	rareCount   = 10
	commonCount = 2000
)

// minShared is the least weight of shared identifiers for a reference to
// join a story (or a report to absorb a story known only from references):
// two rare words, or a rare one and a couple of uncommon ones. One place
// name alone is not enough: two attacks in one city in one year share it.
const minShared = 1.5

var counts struct {
	once sync.Once
	n    map[string]int // by stem
}

func loadCounts() map[string]int {
	counts.once.Do(func() {
		counts.n = map[string]int{}
		f, err := data.FS.Open("words/frequency.tsv")
		if err != nil {
			// every word then counts as rare: merging is looser, not broken
			slog.Warn("merge: no word counts", "err", err)
			return
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			w, c, ok := strings.Cut(sc.Text(), "\t")
			if !ok || strings.HasPrefix(w, "#") {
				continue
			}
			if k, err := strconv.Atoi(c); err == nil {
				counts.n[stem(w)] += k
			}
		}
	})
	return counts.n
}

// weight is how much sharing the (stemmed) word says about two texts
// telling one event.
func weight(st string) float64 {
	c := loadCounts()[st]
	switch {
	case c <= rareCount:
		return 1
	case c >= commonCount:
		return 0
	}
	return math.Log(float64(commonCount)/float64(c)) / math.Log(float64(commonCount)/rareCount)
}

// stem folds the inflections that matter for matching ("attacked",
// "attacks", "attacking"; "Americans"); it need not give a real word.
func stem(w string) string {
	switch {
	case len(w) > 5 && strings.HasSuffix(w, "ing"):
		return w[:len(w)-3]
	case len(w) > 4 && strings.HasSuffix(w, "ied"), len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 4 && strings.HasSuffix(w, "ed"):
		return w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:len(w)-1]
	}
	return w
}

// term is a word of an evidence sentence: the first form a text gave it
// (for explanations) and whether it was written as a name (capitalised
// after the sentence's first word: a place, a person, a group, a people).
type term struct {
	form string
	name bool
}

// nameWeight is the least weight of a shared name: "American", "Iraqi" are
// common words and still say who was hit or where.
const nameWeight = 0.75

// calendar words are dates, compared as windows, not names.
var calendar = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true, "april": true, "may": true,
	"june": true, "july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true}

// identifiers are the words m shares with the story s, weighted by rarity
// (names at least nameWeight): names of places, people and targets are such
// words, however the knowledge base resolved them. The mention's own trigger is left out: its
// type is already the story's.
func (x *index) identifiers(s *Story, m *event.Mention) (float64, []string) {
	return x.shared(s, x.read(m).ids, 1, true)
}

// gain is the weight of identifiers(s, m) alone, with no list of names.
func (x *index) gain(s *Story, m *event.Mention) float64 {
	return x.sum(s, m, 1)
}

// identifiersWithout is the weight of identifiers(s minus m, m) for a
// mention m of s: the words m shares with the rest of its own story. A
// stem of m's is in the rest when more mentions of s than m alone have it.
func (x *index) identifiersWithout(s *Story, m *event.Mention) float64 {
	return x.sum(s, m, 2)
}

type sumKey struct {
	s     *Story
	m     *event.Mention
	least int
}

type sumVal struct {
	vgen uint64
	sum  float64
}

// sum is the weight of m's identifiers that at least least mentions of s
// have. It depends only on which of m's stems s has once and twice, so
// what was computed holds while the story's vgen is the same: rehome asks
// about the same pairs again and again as a busy story grows.
func (x *index) sum(s *Story, m *event.Mention, least int) float64 {
	s.vocab(x)
	k := sumKey{s, m, least}
	if v, ok := x.sums[k]; ok && v.vgen == s.vgen {
		return v.sum
	}
	sum, _ := x.shared(s, x.read(m).ids, least, false)
	x.sums[k] = sumVal{s.vgen, sum}
	return sum
}

// shared weighs the identifiers that at least least mentions of s have,
// adding the weights heaviest first (then by form: ids are in that order,
// see readInto), and lists their forms when names is set.
func (x *index) shared(s *Story, ids []identifier, least int, names bool) (float64, []string) {
	words := s.vocab(x)
	var sum float64
	var out []string
	for _, id := range ids {
		if id.w > 0 && words[id.stem] >= least {
			sum += id.w
			if names {
				out = append(out, id.form)
			}
		}
	}
	return sum, out
}

// sharedText lists the identifiers for an explanation.
func sharedText(names []string, sum float64) string {
	if len(names) > 8 {
		names = append(names[:8:8], "…")
	}
	return "shared: " + strings.Join(names, ", ") + " (weight " + strconv.FormatFloat(sum, 'f', 1, 64) + ")"
}
