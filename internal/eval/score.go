// Package eval scores event mentions against a gold set. It is a faithful
// port of the project's referee, tools/score_events.py: the same matching
// rules, the same one-to-one matching (with its tie-breaking), the same
// figures, report lines and final JSON line, so `dyad eval` and the script
// agree without Python.
package eval

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Score matches predictions to the gold set. docs nil means no per-document
// file was given: Result.Docs stays nil. verbose adds the FP, FN, DATE and
// PUB lines of the script's report, in its order.
func Score(g *Gold, events []Prediction, docs []DocPrediction, verbose bool) (Result, []string) {
	return score(g, events, docs, verbose, scriptReprs)
}

// ScoreReadable is Score with report lines for people: values as
// "IRQ (UAF)" and "2025-11-02", not the script's Python reprs.
func ScoreReadable(g *Gold, events []Prediction, docs []DocPrediction, verbose bool) (Result, []string) {
	return score(g, events, docs, verbose, readableReprs)
}

func score(g *Gold, events []Prediction, docs []DocPrediction, verbose bool, rp reprs) (Result, []string) {
	goldByDoc := map[string][]*GoldEvent{}
	for i := range g.Events {
		e := &g.Events[i]
		goldByDoc[e.Doc] = append(goldByDoc[e.Doc], e)
	}
	docSet := map[string]bool{}
	for d := range goldByDoc {
		docSet[d] = true
	}
	for _, d := range g.Docs {
		docSet[d.Doc] = true
	}
	preds := make([]*pred, len(events))
	predByDoc := map[string][]*pred{}
	res := Result{Predictions: len(events)}
	for i, m := range events {
		p := newPred(i, m)
		preds[i] = p
		if p.hasDoc && docSet[p.doc] {
			predByDoc[p.doc] = append(predByDoc[p.doc], p)
		} else {
			res.PredictionsUnknownDoc++
		}
	}

	var lines []string
	var strictTP, strictFP, looseTP, looseFP, coreHit, coreHitLoose, sectorChecks, sectorGood int
	matched := map[string][]*pred{} // gold id -> predictions that strictly match it
	for _, d := range sortedKeys(docSet) {
		golds := goldByDoc[d]
		var strictEdges, looseEdges [][]*GoldEvent
		for _, p := range predByDoc[d] {
			var strict, loose []*GoldEvent
			for _, ge := range golds {
				if typeOK(ge, p) && dyadOK(ge, p) {
					loose = append(loose, ge)
					if dateOK(ge, p) {
						strict = append(strict, ge)
					}
				}
			}
			strictEdges, looseEdges = append(strictEdges, strict), append(looseEdges, loose)
			if len(strict) > 0 {
				strictTP++
				for _, ge := range strict {
					matched[ge.ID] = append(matched[ge.ID], p)
				}
			} else {
				strictFP++
				if verbose {
					lines = append(lines, fmt.Sprintf("  FP  %s: %s %s -> %s (%s, %s) | %s", d, rp.str(p.event),
						rp.party(p.actor), rp.party(p.recipient), rp.date(p.start, p.hasStart), rp.date(p.end, p.hasEnd),
						prefixRunes(p.text, 110)))
				}
			}
			if len(loose) > 0 {
				looseTP++
			} else {
				looseFP++
			}
		}
		var core []*GoldEvent
		for _, ge := range golds {
			if ge.Core {
				core = append(core, ge)
			}
		}
		hitStrict, hitLoose := oneToOne(core, strictEdges), oneToOne(core, looseEdges)
		for _, ge := range core {
			res.CoreGold++
			if hitStrict[ge.ID] {
				coreHit++
				for _, p := range matched[ge.ID] {
					if ok, checked := sectorOK(ge.Actor, p.actor); checked {
						sectorChecks++
						sectorGood += b2i(ok)
					}
					if ok, checked := sectorOK(ge.Recipient, p.recipient); checked {
						sectorChecks++
						sectorGood += b2i(ok)
					}
				}
			}
			if hitLoose[ge.ID] {
				coreHitLoose++
			} else if verbose {
				lines = append(lines, fmt.Sprintf("  FN  %s: %s %s -> %s %s | %s", ge.ID, rp.list(ge.Event),
					rp.gold(ge.Actor), rp.gold(ge.Recipient), rp.list(ge.Date),
					prefixRunes(ge.Evidence, 110)))
			}
			if verbose && hitLoose[ge.ID] && !hitStrict[ge.ID] {
				lines = append(lines, fmt.Sprintf("  DATE %s: found, but the date is off (gold %s)", ge.ID, rp.list(ge.Date)))
			}
		}
	}

	sp := ratio(strictTP, strictTP+strictFP)
	sr := ratio(coreHit, res.CoreGold)
	lp := ratio(looseTP, looseTP+looseFP)
	lr := ratio(coreHitLoose, res.CoreGold)
	res.Strict = PRF{round4(sp), round4(sr), round4(f1(sp, sr))}
	res.LooseNoDate = PRF{round4(lp), round4(lr), round4(f1(lp, lr))}
	if coreHitLoose > 0 {
		res.DateAccuracyOnFound = round4(float64(coreHit) / float64(coreHitLoose))
	}
	if sectorChecks > 0 {
		v := round4(float64(sectorGood) / float64(sectorChecks))
		res.SectorAccuracy = &v
	}
	res.CrossDocPairs, res.CrossDocMerged = crossDocPairs(g, matched)
	res.MergedPairs, res.FalseMerges = falseMerges(g, preds, matched)
	if docs != nil {
		var docLines []string
		res.Docs, docLines = scoreDocs(g.Docs, docs, verbose, rp)
		lines = append(lines, docLines...)
	}
	return res, lines
}

func typeOK(g *GoldEvent, p *pred) bool {
	ev, ok := p.event.(string)
	if !ok {
		return false
	}
	yield := ev == "CONCEDE" || ev == "RETREAT"
	for _, t := range g.Event {
		if t == ev || (yield && (t == "CONCEDE" || t == "RETREAT")) {
			return true
		}
	}
	return false
}

func dyadOK(g *GoldEvent, p *pred) bool {
	if partyOK(g.Actor, p.actor) && partyOK(g.Recipient, p.recipient) {
		return true
	}
	return g.Reciprocal && partyOK(g.Actor, p.recipient) && partyOK(g.Recipient, p.actor)
}

// partyOK: a null gold party or country list accepts anything; a null in the
// list accepts an empty predicted party.
func partyOK(g *GoldParty, p *pparty) bool {
	if g == nil || g.Country == nil {
		return true
	}
	var country any
	if p != nil && truthy(p.country) {
		country = p.country
	}
	return slices.ContainsFunc(g.Country, func(c *string) bool { return pyEqual(country, c) })
}

// sectorOK returns whether the sector is right and whether it was checked.
func sectorOK(g *GoldParty, p *pparty) (ok, checked bool) {
	if g == nil || len(g.Sector) == 0 || p == nil {
		return false, false
	}
	return slices.ContainsFunc(g.Sector, func(c *string) bool { return pyEqual(p.sector, c) }), true
}

func dateOK(g *GoldEvent, p *pred) bool {
	if !p.hasStart || !p.hasEnd { // the script stops on a start without an end
		return false
	}
	if m := mid(p.start, p.end); m < g.from || m > g.to {
		return false
	}
	// a vague range buys nothing: at most the gold window plus a month
	return p.end-p.start <= g.to-g.from+31
}

// oneToOne is the script's augmenting-path matching between core gold events
// and predictions (edges[i]: gold events prediction i fits), run prediction
// by prediction and gold by gold in order, so ties fall the same way. It
// returns the core gold ids that get a prediction of their own.
func oneToOne(core []*GoldEvent, edges [][]*GoldEvent) map[string]bool {
	coreIDs := map[string]bool{}
	for _, g := range core {
		coreIDs[g.ID] = true
	}
	adj := make([][]string, len(edges))
	for i, e := range edges {
		for _, g := range e {
			if coreIDs[g.ID] {
				adj[i] = append(adj[i], g.ID)
			}
		}
	}
	owner := map[string]int{}
	var augment func(i int, seen map[string]bool) bool
	augment = func(i int, seen map[string]bool) bool {
		for _, gid := range adj[i] {
			if seen[gid] {
				continue
			}
			seen[gid] = true
			o, taken := owner[gid]
			if !taken || augment(o, seen) {
				owner[gid] = i
				return true
			}
		}
		return false
	}
	for i := range adj {
		augment(i, map[string]bool{})
	}
	hit := make(map[string]bool, len(owner))
	for gid := range owner {
		hit[gid] = true
	}
	return hit
}

// countryRepr prints the script's `g['actor'] and g['actor'].get('country')`.
func (p *GoldParty) countryRepr() string {
	switch {
	case p == nil:
		return "None"
	case p.empty:
		return "{}"
	case p.Country == nil:
		return "None"
	}
	parts := make([]string, len(p.Country))
	for i, c := range p.Country {
		parts[i] = "None"
		if c != nil {
			parts[i] = strRepr(*c)
		}
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
