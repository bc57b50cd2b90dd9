package lexicon

import "testing"

var benchSentences = []string{
	"Chilean Foreign Minister Varo Tenzi warned Peru on Sunday against allowing Bolivian-backed militias to operate freely.",
	"Lima received a stern warning from Chilean Defense Minister Ana Brisel, delivered in a phone call to her Peruvian counterpart, Defense Minister Lino Garat.",
	"The Peruvian rebels even carried out joint raids with the Bolivian border units, the group said in a statement on its website.",
	"Police fired tear gas to disperse the demonstrators outside the embassy, and at least 12 protesters were arrested.",
	"The ministry said the talks, which began in Muscat in April, would resume after the holiday.",
	"Tenzi said the truce would allow for relief convoys to reach parts of Peru such as Puno cut off by the fighting.",
	"Analysts said the economy had grown by 3.5 percent in the first quarter of the year despite high inflation.",
	"Washington imposed new sanctions on Iranian oil exports and called on its allies to follow suit.",
}

// BenchmarkTriggers measures tokenizing plus trigger matching per sentence;
// sentences/s = 1e9 / ns/op.
func BenchmarkTriggers(b *testing.B) {
	lex := mustDefault(b)
	toks := make([][]Token, len(benchSentences))
	for i, s := range benchSentences {
		toks[i] = Tokenize(s)
	}
	var buf []Trigger
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		buf = lex.AppendTriggers(buf[:0], toks[i%len(toks)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

func BenchmarkTokenizeAndTriggers(b *testing.B) {
	lex := mustDefault(b)
	var buf []Trigger
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		buf = lex.AppendTriggers(buf[:0], Tokenize(benchSentences[i%len(benchSentences)]))
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

func BenchmarkDefault(b *testing.B) {
	for i := 0; i < b.N; i++ {
		mustDefault(b)
	}
}
