package syntax

import (
	"math/rand"
	"testing"
)

func TestArgmax32(t *testing.T) {
	for _, tc := range []struct {
		scores []int32
		best   int
		lead   int32
	}{
		{[]int32{1, 9, 4}, 1, 5},
		{[]int32{9, 1, 4}, 0, 5},
		{[]int32{3, 3, 1}, 0, 0},
		{[]int32{-4, -2, -9}, 1, 2},
		{[]int32{0, 0, 0, 7}, 3, 7},
	} {
		best, lead := argmax32(tc.scores)
		if best != tc.best || lead != tc.lead {
			t.Errorf("argmax32(%v) = %d, %d; want %d, %d", tc.scores, best, lead, tc.best, tc.lead)
		}
	}
}

// TestWeightsScore checks the batched scorer (inline rows, long rows read
// after their first weights) against a plain lookup of each feature, on
// tables with short rows, long rows and a mix.
func TestWeightsScore(t *testing.T) {
	for _, tc := range []struct {
		name              string
		classes, features int
		perFeature        int // classes updated per feature
	}{
		{"inline rows", 40, 500, 1},
		{"long rows", 40, 500, 12},
		{"mixed, more features than a batch", 101, 3000, 5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rng := rand.New(rand.NewSource(1))
			tr := newTrainer(tc.classes)
			keys := make([]uint64, tc.features)
			for i := range keys {
				keys[i] = feat1(7, uint64(i))
			}
			for _, k := range keys {
				for j := 0; j < rng.Intn(tc.perFeature)+1; j++ {
					tr.tick()
					tr.update(rng.Intn(tc.classes), rng.Intn(tc.classes), []uint64{k})
				}
			}
			tr.tick()
			w := tr.freeze(0)
			feats := append(keys[:0:0], keys...)
			feats = append(feats, feat1(8, 1), feat1(8, 2)) // unknown
			rng.Shuffle(len(feats), func(i, j int) { feats[i], feats[j] = feats[j], feats[i] })
			got, want := make([]int32, tc.classes), make([]int32, tc.classes)
			w.score(feats, got)
			for _, f := range feats {
				for i := w.home(f); w.table[2*i] != 0; i = (i + 1) & w.mask {
					if s := w.table[2*i]; s>>32 == fingerprint(f) {
						o := uint32(s) >> lenBits
						for _, p := range w.pairs[o : o+uint32(s&maxRow)] {
							want[p.cls] += int32(p.w)
						}
						break
					}
				}
			}
			for c := range got {
				if got[c] != want[c] {
					t.Fatalf("class %d: score %d, want %d", c, got[c], want[c])
				}
			}
		})
	}
}

// TestSureMargin checks that skipping the second look at words the first
// pass is sure of leaves the committed model's dev tags as they were.
func TestSureMargin(t *testing.T) {
	m := loadModel(t)
	dev := devSentences(t)[:1000]
	same, n, rescored := 0, 0, 0
	scores := make([]int32, len(m.classes))
	for _, s := range dev {
		forms := make([]string, len(s.Tokens))
		for i, tok := range s.Tokens {
			forms[i] = tok.Form
		}
		ctx := m.tag.contexts(forms, nil)
		first := m.tag.pass(ctx, m.tag.w, nil, nil, nil, scores, sureMargin)
		for _, c := range first {
			if c&sureBit == 0 {
				rescored++
			}
		}
		_, fast := m.tag.tag(ctx, nil, nil, nil, scores, sureMargin)
		_, exact := m.tag.tag(ctx, nil, nil, nil, scores, exactMargin)
		for i := range fast {
			n++
			same += b2i(fast[i] == exact[i])
		}
	}
	t.Logf("%d words, %.1f%% re-scored by the second pass, %.3f%% tagged as with all re-scored", n, 100*float64(rescored)/float64(n), 100*float64(same)/float64(n))
	if float64(same) < 0.999*float64(n) {
		t.Errorf("%d of %d words tagged differently with sureMargin", n-same, n)
	}
}
