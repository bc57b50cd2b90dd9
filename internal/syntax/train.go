package syntax

import (
	"fmt"
	"io"
	"math/rand"
	"sort"
	"sync"
	"time"
)

// TrainConfig sets up one training run. The run is deterministic: the same
// data and settings give the same model bytes.
type TrainConfig struct {
	Train, Dev  []Sentence
	TagEpochs   int     // tagger passes over the training data
	ParseEpochs int     // parser passes
	Folds       int     // jack-knife folds for the parser's predicted tags; < 2 tags train with the final tagger
	Explore     float64 // probability of following the model's own (wrong) transition after the first epoch
	MinWeight   float64 // averaged weights below this fraction of the largest are pruned
	Seed        int64
	Log         io.Writer
}

// DefaultTrainConfig holds the settings chosen on the dev file.
func DefaultTrainConfig() TrainConfig {
	return TrainConfig{TagEpochs: 8, ParseEpochs: 12, Folds: 4, Explore: 0.9, MinWeight: 0.015, Seed: 1, Log: io.Discard}
}

// Train trains the tagger, then the parser on tags predicted by taggers that
// did not see the sentence (jack-knifing), so that accuracy measured with
// predicted tags holds at run time.
func Train(cfg TrainConfig) (*Model, error) {
	if len(cfg.Train) == 0 {
		return nil, fmt.Errorf("syntax: no training sentences")
	}
	m := &Model{lemmas: buildLemmas(cfg.Train)}
	m.classes, m.labels = inventory(cfg.Train)
	m.init()
	m.tag.dict = tagDict(cfg.Train, m.classes)
	start := time.Now()
	predicted := trainTaggers(m, cfg)
	fmt.Fprintf(cfg.Log, "taggers trained %s\n", time.Since(start).Round(time.Second))
	if len(cfg.Dev) > 0 {
		fmt.Fprintf(cfg.Log, "dev tags: %s\n", m.evalTags(cfg.Dev))
	}
	m.parse = trainParser(m, cfg, predicted, start)
	return m, nil
}

// inventory lists the joint tags and labels in sorted order.
func inventory(sents []Sentence) (classes, labels []string) {
	cs, ls := map[string]bool{}, map[string]bool{"root": true}
	for _, s := range sents {
		for _, t := range s.Tokens {
			cs[t.UPOS+"\t"+t.XPOS] = true
			ls[t.Rel] = true
		}
	}
	for c := range cs {
		classes = append(classes, c)
	}
	for l := range ls {
		labels = append(labels, l)
	}
	sort.Strings(classes)
	sort.Strings(labels)
	return classes, labels
}

func classIndex(classes []string) map[string]int {
	idx := make(map[string]int, len(classes))
	for i, c := range classes {
		idx[c] = i
	}
	return idx
}

// tagDict maps frequent words that almost always take one tag to that tag.
func tagDict(sents []Sentence, classes []string) map[uint64]int {
	idx := classIndex(classes)
	counts := map[string]map[int]int{}
	for _, s := range sents {
		for _, t := range s.Tokens {
			if counts[t.Form] == nil {
				counts[t.Form] = map[int]int{}
			}
			counts[t.Form][idx[t.UPOS+"\t"+t.XPOS]]++
		}
	}
	dict := map[uint64]int{}
	for w, m := range counts {
		total, best, bestN := 0, 0, 0
		for c, n := range m {
			total += n
			if n > bestN || (n == bestN && c < best) {
				best, bestN = c, n
			}
		}
		if total >= 20 && float64(bestN)/float64(total) >= 0.99 {
			dict[hashString(w)] = best
		}
	}
	return dict
}

// trainTaggers trains both passes of m's tagger and returns the tags the
// parser trains on. With folds, each training sentence is tagged by taggers
// that did not see it, and the second pass learns from such first-pass
// tags too, so both meet tags as good as they will be at run time.
func trainTaggers(m *Model, cfg TrainConfig) [][]int {
	train := cfg.Train
	k := cfg.Folds
	first := make([][]int, len(train))
	predicted := make([][]int, len(train))
	if k < 2 {
		m.tag.w = trainTagger(train, nil, m.classes, m.tag.dict, cfg.TagEpochs, cfg.Seed)
		for i, s := range train {
			first[i], _ = tagSentence(&m.tag, s)
		}
		m.tag.w2 = trainTagger(train, first, m.classes, m.tag.dict, cfg.TagEpochs, cfg.Seed)
		for i, s := range train {
			_, predicted[i] = tagSentence(&m.tag, s)
		}
		return predicted
	}
	split := func(f int, tags [][]int) (in []Sentence, inTags [][]int, out []int) {
		for i, s := range train {
			if i%k == f {
				out = append(out, i)
				continue
			}
			in = append(in, s)
			if tags != nil {
				inTags = append(inTags, tags[i])
			}
		}
		return in, inTags, out
	}
	foldFirst := make([]*weights, k)
	parallel(k, func(f int) {
		in, _, out := split(f, nil)
		foldFirst[f] = trainTagger(in, nil, m.classes, m.tag.dict, cfg.TagEpochs, cfg.Seed+int64(f))
		t := tagger{dict: m.tag.dict, w: foldFirst[f]}
		for _, i := range out {
			first[i], _ = tagSentence(&t, train[i])
		}
	})
	fmt.Fprintf(cfg.Log, "first-pass folds done\n")
	parallel(k+2, func(f int) {
		switch f {
		case k:
			m.tag.w = trainTagger(train, nil, m.classes, m.tag.dict, cfg.TagEpochs, cfg.Seed)
		case k + 1:
			m.tag.w2 = trainTagger(train, first, m.classes, m.tag.dict, cfg.TagEpochs, cfg.Seed)
		default:
			in, inTags, out := split(f, first)
			t := tagger{dict: m.tag.dict, w: foldFirst[f]}
			t.w2 = trainTagger(in, inTags, m.classes, m.tag.dict, cfg.TagEpochs, cfg.Seed+int64(f))
			for _, i := range out {
				_, predicted[i] = tagSentence(&t, train[i])
			}
		}
	})
	return predicted
}

// parallel runs f(0..n-1) on two goroutines (the machine's cores); the
// results do not depend on the schedule.
func parallel(n int, f func(int)) {
	var wg sync.WaitGroup
	next := make(chan int, n)
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	wg.Wait()
}

// trainTagger trains one pass; first holds first-pass tags for a second
// pass, nil for the first.
func trainTagger(sents []Sentence, first [][]int, classes []string, dict map[uint64]int, epochs int, seed int64) *weights {
	idx := classIndex(classes)
	tr := newTrainer(len(classes))
	scores := make([]float32, len(classes))
	rng := rand.New(rand.NewSource(seed))
	order := rng.Perm(len(sents))
	var ctx []wordCtx
	var buf []uint64
	forms := []string{}
	for e := 0; e < epochs; e++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, si := range order {
			s := sents[si]
			forms = forms[:0]
			for _, t := range s.Tokens {
				forms = append(forms, t.Form)
			}
			ctx = wordContexts(forms, ctx)
			p1, p2 := -1, -2
			for i, t := range s.Tokens {
				gold := idx[t.UPOS+"\t"+t.XPOS]
				guess, ok := dict[ctx[i].form]
				if !ok {
					buf = tagFeatures(ctx, i, p1, p2, buf[:0])
					if first != nil {
						buf = secondPass(first[si], i, &ctx[i], buf)
					}
					tr.score(buf, scores)
					guess = argmaxF(scores)
					tr.tick()
					tr.update(gold, guess, buf)
				}
				p2, p1 = p1, guess
			}
		}
	}
	return tr.freeze(0)
}

func argmaxF(s []float32) int {
	best := 0
	for i, v := range s {
		if v > s[best] {
			best = i
		}
	}
	return best
}

func tagSentence(t *tagger, s Sentence) (first, final []int) {
	forms := make([]string, len(s.Tokens))
	for i, tok := range s.Tokens {
		forms[i] = tok.Form
	}
	ctx := wordContexts(forms, nil)
	return t.tag(ctx, nil, nil, nil, make([]int32, t.w.nClasses), nil, nil)
}
