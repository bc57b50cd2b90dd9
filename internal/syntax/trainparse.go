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

// trainParser trains the move classifier with the dynamic oracle, exploring
// the model's own mistakes after the first epoch, and the label classifier
// on every gold arc that a configuration on that path can make, with the
// features the parser will see when it makes it.
func trainParser(m *Model, cfg TrainConfig, ctxs [][]wordCtx, predicted [][]int, start time.Time) (*moveTable, *weights) {
	trees, lifted, dropped := goldTrees(m, cfg.Train, ctxs, predicted)
	fmt.Fprintf(cfg.Log, "parser: %d training trees, %d arcs lifted, %d sentences dropped\n", len(trees), lifted, dropped)
	nl := len(m.labels)
	tr, lt := newTrainer(3), newTrainer(nl)
	rng := rand.New(rand.NewSource(cfg.Seed))
	order := rng.Perm(len(trees))
	lscores := make([]float32, nl)
	var sc [3]float32
	var s state
	var ctx sentCtx
	var feats, lfeats []uint64
	for e := 0; e < cfg.ParseEpochs; e++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		wrong, total, lwrong, ltotal := 0, 0, 0, 0
		for _, ti := range order {
			g := &trees[ti]
			s.reset(len(g.forms))
			ctx.reset(g.ctx, g.tags, m.coarse)
			for !s.done() {
				if len(s.stack) == 0 {
					s.apply(shift, -1)
					continue
				}
				// The label of s0's gold arc, when this configuration can
				// make it and it is not the forced root arc.
				if s0 := s.stack[len(s.stack)-1]; g.gh[s0] < s.n && (g.gh[s0] == s.b || (len(s.stack) > 1 && g.gh[s0] == s.stack[len(s.stack)-2])) {
					mv := right
					if g.gh[s0] == s.b {
						mv = left
					}
					h, d := s.arcEnds(mv)
					lfeats = labelFeatures(&ctx, &s, h, d, lfeats[:0])
					lt.score(lfeats, lscores)
					guess := bestLabel(lscores, m.rootLabel)
					lt.tick()
					ltotal++
					if guess != g.gl[d] {
						lwrong++
						lt.update(g.gl[d], guess, lfeats)
					}
				}
				feats = parseFeatures(&ctx, &s, feats[:0])
				tr.score(feats, sc[:])
				pred := bestMove(&s, &sc)
				mc := moveCosts(&s, g.gh)
				best := -1
				for mv := shift; mv <= right; mv++ {
					if s.valid(mv) && (best < 0 || mc[mv] < mc[best] || (mc[mv] == mc[best] && sc[mv] > sc[best])) {
						best = mv
					}
				}
				tr.tick()
				total++
				if mc[pred] > mc[best] {
					wrong++
					tr.update(best, pred, feats)
				}
				next := best
				if e > 0 && rng.Float64() < cfg.Explore {
					next = pred
				}
				lab := -1
				if next != shift {
					h, d := s.arcEnds(next)
					lab = m.rootLabel
					if h != s.n {
						lab = g.gl[d]
					}
				}
				s.apply(next, lab)
			}
		}
		fmt.Fprintf(cfg.Log, "parser epoch %d: %.2f%% transitions wrong, %.2f%% labels wrong, %d+%d features, %s\n", e+1,
			100*float64(wrong)/float64(total), 100*float64(lwrong)/float64(max(ltotal, 1)), len(tr.rows), len(lt.rows), time.Since(start).Round(time.Second))
		if len(cfg.Dev) > 0 && (e+1 == cfg.ParseEpochs || (e+1)%4 == 0) {
			m.moves, m.arcs = tr.freezeMoves(cfg.MinWeight), lt.freeze(cfg.LabelMinWeight)
			fmt.Fprintf(cfg.Log, "  dev: %s (%d move features, %d label weights)\n", m.Evaluate(cfg.Dev), m.moves.size(), m.arcs.size())
			if cfg.Snapshot != nil && e+1 >= 12 {
				for _, mw := range cfg.Sweep {
					m.moves, m.arcs = tr.freezeMoves(mw), lt.freeze(mw)
					fmt.Fprintf(cfg.Log, "  min weight %g: dev %s (%d move features, %d label weights)\n", mw, m.Evaluate(cfg.Dev), m.moves.size(), m.arcs.size())
					cfg.Snapshot(e+1, mw, m)
				}
			}
		}
	}
	return tr.freezeMoves(cfg.MinWeight), lt.freeze(cfg.LabelMinWeight)
}
