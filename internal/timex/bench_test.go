package timex

import (
	"testing"
	"time"
)

// benchSentences are news-like sentences written for the benchmark: most
// have no time expression, as in real copy.
var benchSentences = []string{
	"Security forces fired tear gas to disperse hundreds of protesters who gathered outside the embassy on Tuesday, witnesses said.",
	"The minister said the talks, which began in September, would resume next week in Geneva.",
	"At least 12 people were killed and 5,000 others displaced by the fighting, according to the United Nations.",
	"The agreement was signed on February 26, 2017, but has never been fully implemented.",
	"Officials have accused the militia of carrying out dozens of rocket attacks on bases housing foreign troops.",
	"“We will not accept any interference in our internal affairs,” the spokesman told reporters.",
	"The group has been holding the researcher since March 2023, her family said in a statement.",
	"Two weeks ago, the prime minister visited the capital and met with the leaders of several factions.",
	"The convoy was struck late Saturday near the border, killing three soldiers and wounding four others.",
	"Analysts say the government may struggle to contain the protests, which have spread to several provinces.",
	"The central bank raised interest rates by half a percentage point, the third increase this year.",
	"The president is scheduled to travel to the region later this month for a summit with Gulf leaders.",
	"In recent months, the militias have stepped up their attacks on convoys carrying supplies.",
	"The opposition boycotted the session, saying the vote had been rigged in favour of the ruling party.",
	"A spokesman for the foreign ministry did not respond to a request for comment.",
	"The ceasefire, which took effect at midnight, was broken within hours by heavy shelling in the north.",
}

func BenchmarkFind(b *testing.B) {
	ref := time.Date(2025, 11, 4, 0, 0, 0, 0, time.UTC)
	n := 0
	for b.Loop() {
		for _, s := range benchSentences {
			n += len(Find(s, ref, Options{}))
		}
	}
	b.ReportMetric(float64(b.N*len(benchSentences))/b.Elapsed().Seconds(), "sentences/s")
	if n == 0 {
		b.Fatal("no expressions found")
	}
}
