package merge

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/merge/oldmerge"
)

// randomMentions draws n mentions that exercise every path of merging:
// few dyads and types (reciprocal and folded families among them), named
// people that conflict, parties known only by name, one-sided and undated
// mentions, several mentions an article (some dated by their text), day,
// week, month and unbounded windows, references, plans and misdated
// articles, over a span of days narrow enough for stories to chain and
// fold. vocab is how many words sentences are drawn from: a small one
// makes mentions share wording, a large one keeps them apart.
func randomMentions(r *rand.Rand, n, vocab, days int) []event.Mention {
	types := []string{"THREATEN", "ACCUSE", "CONSULT", "ASSAULT", "CONCEDE", "RETREAT", "AGREE"}
	countries := []string{"USA", "IRN", "IRQ"}
	people := []string{"", "", "", "p-a", "p-b", "p-c"}
	words := make([]string, vocab)
	for i := range words {
		// some capitalised (names), some common English words (weighted)
		switch i % 4 {
		case 0:
			words[i] = fmt.Sprintf("Vardo%c%c", 'a'+i%26, 'a'+i/26%26)
		case 1:
			words[i] = []string{"attack", "week", "embassy", "consulate", "talks", "oil", "strike", "port"}[i%8]
		case 2:
			// numbers, calendar words, stopwords, short words, capitals and
			// letters beyond ASCII (read without the one-pass tokeniser)
			words[i] = []string{"2031", "Monday", "March", "the", "US", "of", "Zürich", "İzmir", "attacked",
				"Attacks", "ATTACKING", "studies", "B52s", "x-ray", "“Éire”", "Ölçek—", "\xffbad\xfe", "ΑΘΗΝΑ",
				"naïve", "Straße", "'s"}[i/4%21]
		default:
			words[i] = fmt.Sprintf("word%c%c", 'a'+i%26, 'a'+i/26%26)
		}
	}
	start := d("2030-03-01")
	ms := make([]event.Mention, n)
	for i := range ms {
		m := &ms[i]
		m.Doc = fmt.Sprintf("d%04d.txt", i/(1+r.IntN(3)))
		m.SentStart = i * 10
		m.Event = types[r.IntN(len(types))]
		m.Actor = event.Party{Code: countries[r.IntN(2)], EntityID: people[r.IntN(len(people))]}
		m.Recipient = event.Party{Code: countries[1+r.IntN(2)], EntityID: people[r.IntN(len(people))]}
		switch r.IntN(12) {
		case 0:
			m.Recipient = event.Party{} // one-sided
		case 1:
			m.Actor = event.Party{Text: []string{"Veltrana Steelworks", "veltrana steelworks", "Ostrava Group"}[r.IntN(3)]}
		}
		day := start.AddDate(0, 0, r.IntN(days))
		m.DateStart, m.DateEnd = day, day
		switch r.IntN(14) {
		case 0: // undated
			m.DateStart, m.DateEnd = time.Time{}, time.Time{}
		case 1, 2: // a week-wide reference
			m.DateStart = day.AddDate(0, 0, -7)
		case 3: // a month
			m.DateStart, m.DateEnd = day.AddDate(0, 0, -day.Day()+1), day.AddDate(0, 1, -day.Day())
		case 4: // a year
			m.DateStart, m.DateEnd = d("2030-01-01"), d("2030-12-31")
		case 5: // history with no date of its own
			m.Background = true
		case 6:
			m.DateEnd = day.AddDate(0, 0, 1+r.IntN(3))
		}
		switch r.IntN(10) {
		case 0:
			m.Background = true
		case 1:
			m.Claim = event.Planned
		case 2:
			m.ArticleDateConflict = true
		}
		if r.IntN(3) == 0 {
			m.DateText = "on Monday"
		}
		var sb strings.Builder
		sb.WriteString("Officials said")
		for range 4 + r.IntN(10) {
			sb.WriteString(" " + words[r.IntN(len(words))])
		}
		m.Trigger = words[r.IntN(len(words))]
		sb.WriteString(" " + m.Trigger + ".")
		m.Sentence = sb.String()
	}
	return ms
}

// dumpMerge prints what merging decided: every mention's story, flag and
// reason, and every story's mentions, reasons, folded and taken ids.
func dumpMerge[S any](ms []event.Mention, stories []S, story func(S) (string, string, []*event.Mention, []string, []string, []*event.Mention)) string {
	var b strings.Builder
	for i := range ms {
		fmt.Fprintf(&b, "%d %s %t %s\n", i, ms[i].StoryID, ms[i].Reference, ms[i].StoryWhy)
	}
	for _, s := range stories {
		id, ev, mentions, reasons, folded, took := story(s)
		fmt.Fprintf(&b, "story %s %s %d %v\n", id, ev, len(mentions), folded)
		for _, m := range mentions {
			fmt.Fprintf(&b, "  m %s %d %s\n", m.Doc, m.SentStart, m.StoryID)
		}
		for _, r := range reasons {
			fmt.Fprintf(&b, "  r %s\n", r)
		}
		for _, m := range took {
			fmt.Fprintf(&b, "  t %s %d\n", m.Doc, m.SentStart)
		}
	}
	return b.String()
}

func newStory(s *Story) (string, string, []*event.Mention, []string, []string, []*event.Mention) {
	return s.ID, s.Event, s.Mentions, s.Reasons, s.Folded, s.Took
}

func oldStory(s *oldmerge.Story) (string, string, []*event.Mention, []string, []string, []*event.Mention) {
	return s.ID, s.Event, s.Mentions, s.Reasons, s.Folded, s.Took
}

// storeByArticle merges the mentions one article at a time, as `dyad
// ingest` does through StoreCoded (stored mentions renamed when their
// story folds, moved when taken), and dumps each step.
func storeByArticle(ms []event.Mention, mergeInto func(stored, ms []event.Mention) string) string {
	var stored []event.Mention
	var b strings.Builder
	for from := 0; from < len(ms); {
		to := from + 1
		for to < len(ms) && ms[to].Doc == ms[from].Doc {
			to++
		}
		batch := append([]event.Mention(nil), ms[from:to]...)
		b.WriteString(mergeInto(stored, batch))
		stored = append(stored, batch...)
		from = to
	}
	return b.String()
}

// The faster merge decides exactly what the merge of d8913a8 (oldmerge)
// did, on random inputs of every shape: the same stories, the same
// reasons, the same folded and taken mentions, in one batch (dyad code)
// and article by article against stored stories (StoreCoded).
func TestMergeSameAsBefore(t *testing.T) {
	trials := 60
	if testing.Short() {
		trials = 10
	}
	for trial := range trials {
		r := rand.New(rand.NewPCG(uint64(trial), 16))
		n := []int{5, 20, 60, 200, 600}[trial%5]
		vocab := []int{12, 40, 300}[trial%3]
		days := []int{3, 10, 40}[trial/3%3]
		base := randomMentions(r, n, vocab, days)

		a, b := append([]event.Mention(nil), base...), append([]event.Mention(nil), base...)
		got := dumpMerge(a, Merge(a), newStory)
		want := dumpMerge(b, oldmerge.Merge(b), oldStory)
		if got != want {
			t.Fatalf("trial %d (n=%d vocab=%d days=%d): Merge differs from oldmerge:\n%s", trial, n, vocab, days, firstDiff(got, want))
		}

		if n > 200 {
			continue // article by article re-reads every stored mention: quadratic by design
		}
		got = storeByArticle(base, func(stored, ms []event.Mention) string {
			return dumpMerge(ms, MergeInto(stored, ms), newStory)
		})
		want = storeByArticle(base, func(stored, ms []event.Mention) string {
			return dumpMerge(ms, oldmerge.MergeInto(stored, ms), oldStory)
		})
		if got != want {
			t.Fatalf("trial %d (n=%d vocab=%d days=%d): MergeInto differs from oldmerge:\n%s", trial, n, vocab, days, firstDiff(got, want))
		}
	}
}

// firstDiff shows the first line two dumps differ on.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			return fmt.Sprintf("line %d:\n got  %s\n want %s", i+1, g[i], w[i])
		}
	}
	return fmt.Sprintf("lengths %d and %d lines", len(g), len(w))
}

// BenchmarkMergeMonthOld is BenchmarkMergeMonth on oldmerge, so that the
// two are measured side by side in one run on a noisy machine:
//
//	go test ./internal/merge -run '^$' -bench 'MergeMonth' -benchtime 1x
func BenchmarkMergeMonthOld(b *testing.B) {
	benchMonth(b, func(ms []event.Mention) int { return len(oldmerge.Merge(ms)) })
}

// Lower-casing a rune never makes a letter or digit of a separator or the
// reverse, so splitting a sentence and lower-casing each word gives the
// words lower-casing it and splitting gives (see index.readInto).
func TestLowerKeepsLetters(t *testing.T) {
	alnum := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if alnum(r) != alnum(unicode.ToLower(r)) {
			t.Errorf("%U: letter or digit %v, lower case %U %v", r, alnum(r), unicode.ToLower(r), alnum(unicode.ToLower(r)))
		}
	}
}
