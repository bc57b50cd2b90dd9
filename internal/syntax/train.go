package syntax

import (
	"fmt"
	"io"
	"math/rand"
	"sort"
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
	return TrainConfig{TagEpochs: 8, ParseEpochs: 12, Folds: 4, Explore: 0.9, MinWeight: 0.002, Seed: 1, Log: io.Discard}
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
	predicted := make([][]int, len(cfg.Train))
	if cfg.Folds >= 2 {
		for f := 0; f < cfg.Folds; f++ {
			var in []Sentence
			var outIdx []int
			for i, s := range cfg.Train {
				if i%cfg.Folds == f {
					outIdx = append(outIdx, i)
				} else {
					in = append(in, s)
				}
			}
			tg := m.tag
			tg.w = trainTagger(in, m.classes, tg.dict, cfg.TagEpochs, cfg.Seed+int64(f))
			for _, i := range outIdx {
				predicted[i] = tagSentence(&tg, cfg.Train[i])
			}
			fmt.Fprintf(cfg.Log, "jack-knife fold %d/%d done %s\n", f+1, cfg.Folds, time.Since(start).Round(time.Second))
		}
	}
	m.tag.w = trainTagger(cfg.Train, m.classes, m.tag.dict, cfg.TagEpochs, cfg.Seed)
	fmt.Fprintf(cfg.Log, "tagger trained %s\n", time.Since(start).Round(time.Second))
	if cfg.Folds < 2 {
		for i, s := range cfg.Train {
			predicted[i] = tagSentence(&m.tag, s)
		}
	}
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

func trainTagger(sents []Sentence, classes []string, dict map[uint64]int, epochs int, seed int64) *weights {
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

func tagSentence(t *tagger, s Sentence) []int {
	forms := make([]string, len(s.Tokens))
	for i, tok := range s.Tokens {
		forms[i] = tok.Form
	}
	ctx := wordContexts(forms, nil)
	return t.tag(forms, ctx, nil, nil, make([]int32, t.w.nClasses))
}
