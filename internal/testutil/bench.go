package testutil

import (
	"os"
	"strconv"
	"testing"
)

// BenchArticles is the number of articles a benchmark runs on:
// DYAD_BENCH_ARTICLES when set (a positive number, or the benchmark fails),
// else def.
func BenchArticles(tb testing.TB, def int) int {
	s := os.Getenv("DYAD_BENCH_ARTICLES")
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 {
		tb.Fatalf("DYAD_BENCH_ARTICLES=%q: want a positive number", s)
	}
	return n
}
