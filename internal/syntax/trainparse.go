package syntax

import (
	"fmt"
	"math/rand"
	"time"
)

// goldTree is a training sentence in the parser's indexing: words 0..n-1,
// root n, projectivised heads and label ids, and the predicted tags.
type goldTree struct {
	forms  []string
	ctx    []wordCtx
	tags   []int
	gh, gl []int
}

func goldTrees(m *Model, sents []Sentence, ctxs [][]wordCtx, predicted [][]int) (trees []goldTree, lifted, dropped int) {
	lab := map[string]int{}
	for i, l := range m.labels {
		lab[l] = i
	}
	for si, s := range sents {
		n := len(s.Tokens)
		g := goldTree{ctx: ctxs[si], tags: predicted[si], gh: make([]int, n), gl: make([]int, n)}
		for i, t := range s.Tokens {
			g.forms = append(g.forms, t.Form)
			g.gh[i] = t.Head - 1
			if t.Head == 0 {
				g.gh[i] = n
			}
			g.gl[i] = lab[t.Rel]
		}
		k, ok := projectivise(g.gh)
		if !ok || !validTree(g.gh) {
			dropped++
			continue
		}
		lifted += k
		trees = append(trees, g)
	}
	return trees, lifted, dropped
}

// validTree checks one root dependent and no cycles (root = n).
func validTree(gh []int) bool {
	n, roots := len(gh), 0
	for i, h := range gh {
		if h == n {
			roots++
		}
		if h < 0 || h > n || h == i {
			return false
		}
		a := i
		for steps := 0; a != n; steps++ {
			if steps > n {
				return false
			}
			a = gh[a]
		}
	}
	return roots == 1
}

func trainParser(m *Model, cfg TrainConfig, ctxs [][]wordCtx, predicted [][]int, start time.Time) *weights {
	trees, lifted, dropped := goldTrees(m, cfg.Train, ctxs, predicted)
	fmt.Fprintf(cfg.Log, "parser: %d training trees, %d arcs lifted, %d sentences dropped\n", len(trees), lifted, dropped)
	nl := len(m.labels)
	tr := newTrainer(1 + 2*nl)
	rng := rand.New(rand.NewSource(cfg.Seed))
	order := rng.Perm(len(trees))
	scores := make([]float32, 1+2*nl)
	var s state
	var sc sentCtx
	var feats []uint64
	for e := 0; e < cfg.ParseEpochs; e++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		wrong, total := 0, 0
		for _, ti := range order {
			g := &trees[ti]
			s.reset(len(g.forms))
			sc.reset(g.ctx, g.tags, m.coarse)
			for !s.done() {
				feats = parseFeatures(&sc, &s, feats[:0])
				tr.score(feats, scores)
				pred := bestAllowed(&s, scores, nl, m.rootLabel)
				mc := moveCosts(&s, g.gh)
				best, bestCost := -1, 1<<30
				predCost := 0
				for c := range scores {
					if !s.allowed(c, nl, m.rootLabel) {
						continue
					}
					cost := classCost(&s, mc, c, nl, g.gh, g.gl)
					if c == pred {
						predCost = cost
					}
					if cost < bestCost || (cost == bestCost && scores[c] > scores[best]) {
						best, bestCost = c, cost
					}
				}
				tr.tick()
				total++
				if predCost > bestCost {
					wrong++
					tr.update(best, pred, feats)
				}
				next := best
				if e > 0 && rng.Float64() < cfg.Explore {
					next = pred
				}
				s.apply(moveOf(next, nl))
			}
		}
		fmt.Fprintf(cfg.Log, "parser epoch %d: %.2f%% transitions wrong, %d features, %s\n", e+1, 100*float64(wrong)/float64(total), len(tr.rows), time.Since(start).Round(time.Second))
		if len(cfg.Dev) > 0 && (e+1 == cfg.ParseEpochs || (e+1)%4 == 0) {
			m.parse = tr.freeze(cfg.MinWeight)
			fmt.Fprintf(cfg.Log, "  dev: %s (%d weights)\n", m.Evaluate(cfg.Dev), m.parse.size())
		}
	}
	return tr.freeze(cfg.MinWeight)
}
