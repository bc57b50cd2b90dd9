package coder

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dyad-project/dyad/internal/article"
)

// runOn builds n bytes of news-like words with no full stop: the worst case
// for any search that looks across a sentence.
func runOn(n int) string {
	words := strings.Fields(`Peruvian forces said the militia attacked a Chilean base near Lima and
	the Foreign Minister Varo Tenzi warned Bolivia that armed groups would face consequences while
	protesters in Arequipa demanded the release of detained activists and police fired tear gas on the crowd
	officials in La Paz accused Santiago of aggression and the United Nations called for talks between
	the two sides after Peruvian rebels threatened to strike Chilean troops`)
	r := rand.New(rand.NewPCG(7, 7))
	var sb strings.Builder
	for sb.Len() < n {
		sb.WriteString(words[r.IntN(len(words))])
		sb.WriteByte(' ')
	}
	return sb.String()[:n]
}

// cpuTime is the CPU time this process has used (user and system).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkRunOn codes run-on text of growing size: the time per byte must
// stay flat (linear cost), whatever the length of the "sentence":
//
//	go test ./internal/coder -run '^$' -bench RunOn -benchtime 2x -cpu 1
func BenchmarkRunOn(b *testing.B) {
	c := defaultCoder(b)
	for _, size := range []int{4 << 10, 16 << 10, 64 << 10, 256 << 10, 1 << 20, 4 << 20} {
		text := runOn(size)
		b.Run(fmt.Sprintf("%dKB", size>>10), func(b *testing.B) {
			b.SetBytes(int64(size))
			before := cpuTime()
			for b.Loop() {
				c.Code(&article.Article{Source: "run-on.txt", Text: text, Published: day("2025-11-04")})
			}
			// the process's CPU time per byte: on a shared, loaded machine
			// wall time per byte says more about the neighbours
			b.ReportMetric(float64(cpuTime()-before)/float64(b.N*size), "cpu-ns/B")
		})
	}
}

// TestCodeContextStops: a done context stops coding between sentences and
// hands back no mentions, not the first half of an article.
func TestCodeContextStops(t *testing.T) {
	c := defaultCoder(t)
	a := &article.Article{Source: "t.txt", Text: "Iraq condemned the attack. Iran denied the charge.", Published: day("2025-11-04")}
	if res, err := c.CodeContext(context.Background(), a); err != nil || len(res.Mentions) == 0 {
		t.Fatalf("live context: %d mentions, err %v", len(res.Mentions), err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res, err := c.CodeContext(ctx, a)
	if !errors.Is(err, context.Canceled) || len(res.Mentions) != 0 {
		t.Errorf("done context: %d mentions, err %v; want none and context.Canceled", len(res.Mentions), err)
	}
}

func TestReads(t *testing.T) {
	long := strings.Repeat("Le ministère a convoqué l'ambassadeur après l'incident à la frontière. ", 20)
	tests := []struct {
		lang, text string
		want       bool
	}{
		{"en", "Peru accused Chile of spying.", true},
		{"", "Peru accused Chile of spying.", true},
		{"nn", "Peru accused Chile of spying.", true}, // a guess on one sentence
		{"ar", "قالت وزارة الخارجية إن الحكومة استدعت السفير.", false},
		{"fr", long, false},
	}
	for _, tt := range tests {
		if got := Reads(&article.Article{Language: tt.lang, Text: tt.text}); got != tt.want {
			t.Errorf("Reads(%s, %.30q) = %v, want %v", tt.lang, tt.text, got, tt.want)
		}
	}
}
