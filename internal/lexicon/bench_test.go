package lexicon

import "testing"

var benchSentences = []string{
	"US Secretary of State Marco Rubio warned Iraq on Sunday against allowing Iran-backed militias to operate freely.",
	"Baghdad received a sharply worded warning from US Secretary of War Pete Hegseth, conveyed in a phone call to his Iraqi counterpart, Defense Minister Thabet al-Abbasi.",
	"The Iraqi factions even carried out joint operations with the Yemeni Armed Forces, the group said in a statement on Telegram.",
	"Police fired tear gas to disperse the demonstrators outside the embassy, and at least 12 protesters were arrested.",
	"The ministry said the talks, which began in Muscat in April, would resume after the holiday.",
	"Kerry said the accord would allow for humanitarian access to parts of Syria such as Aleppo caught in the fighting.",
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
