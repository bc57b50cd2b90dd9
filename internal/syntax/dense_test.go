package syntax

import (
	"slices"
	"strings"
	"sync"
	"testing"
)

// TestDenseRows sums rows of every length, with the extreme weights, kept
// dense or sparse, against the plain sum, and rebuilds each row's pairs.
func TestDenseRows(t *testing.T) {
	const nClasses = 103
	tr := newTrainer(nClasses)
	tr.instance = 1
	var keys []uint64
	for n := 1; n <= nClasses; n += 3 { // row lengths 1, 4, …, 103
		key := feat1(7, uint64(n))
		for c := range n {
			w := float32((c*7919)%201 - 100)
			switch c % 17 {
			case 3:
				w = 100 // the largest weights quantise to ±32767
			case 5:
				w = -100
			case 8:
				w = 1 + float32(n)
			}
			if w == 0 {
				w = 2
			}
			tr.rows[key] = append(tr.rows[key], entry{cls: uint8((c * 37) % nClasses), w: w})
		}
		keys = append(keys, key)
	}
	w := tr.freeze(0)
	want := make([][]pair, len(keys))
	for i, k := range keys {
		want[i] = append([]pair(nil), w.refLookup(k)...)
	}
	w.densify()
	if len(w.dense) == 0 {
		t.Fatal("no row was made dense")
	}
	for i, k := range keys {
		if got := w.refLookup(k); !slices.Equal(got, want[i]) {
			t.Fatalf("row %d rebuilt as %v, want %v", i, got, want[i])
		}
	}
	// every key at once, then the same keys many times over, so that the
	// lanes are flushed mid-vector
	many := append(append([]uint64(nil), keys...), feat1(8, 1))
	for len(many) < 3*scoreBatch {
		many = append(many, keys...)
	}
	defer func(v bool) { useAVX2 = v }(useAVX2)
	for _, vector := range []bool{false, useAVX2} { // the Go sums, and the AVX2 ones where the processor has them
		useAVX2 = vector
		for _, feats := range [][]uint64{keys[:1], keys, many} {
			got := make([]int32, nClasses)
			var c rowCache
			for _, cache := range []*rowCache{nil, &c, &c} {
				w.score(feats, got, cache)
				if want := w.refScore(feats); !slices.Equal(got, want) {
					t.Fatalf("vector %t, %d features: got %v, want %v", vector, len(feats), got, want)
				}
			}
		}
	}
}

func TestAppendLower(t *testing.T) {
	for _, s := range []string{"", "said", "Said", "U.S.", "McCAIN", "Éric", "İstanbul", "ΑΘΗΝΑ", "a\tB"} {
		if got, want := string(appendLower([]byte("x"), s)), "x"+strings.ToLower(s); got != want {
			t.Errorf("appendLower(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestConcurrentParses parses from several goroutines at once, sharing the
// model's workspaces and their caches, and wants what one goroutine gets.
func TestConcurrentParses(t *testing.T) {
	m := loadModel(t)
	texts := []string{
		"The convoy was attacked by militants near the border.",
		"Iran and Syria condemned the air strike.",
		"Police arrested the suspects and seized their weapons.",
		"The UN urged Iran to release the prisoners.",
	}
	want := make([]string, len(texts))
	for i, s := range texts {
		want[i] = conll(m.Parse(s))
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 20 {
				i := (g + k) % len(texts)
				if got := conll(m.Parse(texts[i])); got != want[i] {
					t.Errorf("goroutine %d: %s parsed as\n%s\nwant\n%s", g, texts[i], got, want[i])
					return
				}
			}
		}()
	}
	wg.Wait()
}
