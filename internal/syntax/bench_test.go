package syntax

import (
	"testing"
	"time"
)

// BenchmarkParse tags and parses the dev file's sentences on one core and
// reports words per second.
func BenchmarkParse(b *testing.B) {
	m := loadModel(b)
	dev := devSentences(b)
	var forms [][]string
	words := 0
	for _, s := range dev {
		var f []string
		for _, t := range s.Tokens {
			f = append(f, t.Form)
		}
		forms = append(forms, f)
		words += len(f)
	}
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	n := 0
	for i := 0; i < b.N; i++ {
		f := forms[i%len(forms)]
		m.ParseTokens(f)
		n += len(f)
	}
	b.ReportMetric(float64(n)/time.Since(start).Seconds(), "tokens/s")
}

// BenchmarkLoad decodes the embedded model, as the first Load in a process
// does.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := decodeModel(embedded); err != nil {
			b.Fatal(err)
		}
	}
}
