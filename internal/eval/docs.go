package eval

import "fmt"

// scoreDocs scores the per-document lines: publication date inside the gold
// window, date-conflict detection, and the content window of conflicting
// documents.
func scoreDocs(gdocs []GoldDoc, docs []DocPrediction, verbose bool, rp reprs) (*DocResult, []string) {
	pdocs := map[string]DocPrediction{}
	for _, d := range docs {
		if k, ok := docKey(d); ok && k != "" {
			pdocs[k] = d
		}
	}
	var lines []string
	var pubOK, pubTotal, confTP, confFP, confFN, windowOK, windowTotal int
	for _, g := range gdocs {
		p, found := pdocs[g.Doc]
		pubTotal++
		if found {
			if pd, ok := isoDay(p["published"]); ok && g.pubFrom <= pd && pd <= g.pubTo {
				pubOK++
			} else if verbose {
				lines = append(lines, fmt.Sprintf("  PUB %s: %s not in %s", g.Doc, rp.str(p["published"]), rp.list(g.Published)))
			}
		}
		flagged := found && truthy(p["date_conflict"])
		if !g.DateConflict {
			confFP += b2i(flagged)
			continue
		}
		confTP += b2i(flagged)
		confFN += b2i(!flagged)
		windowTotal++
		if found {
			s, okS := isoDay(p["content_date_start"])
			e, okE := isoDay(p["content_date_end"])
			if okS && okE {
				if m := mid(s, e); g.winFrom <= m && m <= g.winTo && e-s <= g.winTo-g.winFrom+366 {
					windowOK++
				}
			}
		}
	}
	r := &DocResult{DateConflict: prf(confTP, confFP, confFN), ConflictsGold: confTP + confFN, ConflictsFlagged: confTP + confFP}
	if pubTotal > 0 {
		r.PublishedAccuracy = round4(float64(pubOK) / float64(pubTotal))
	}
	if windowTotal > 0 {
		v := round4(float64(windowOK) / float64(windowTotal))
		r.ContentWindowAccuracy = &v
	}
	return r, lines
}

func prf(tp, fp, fn int) PRF {
	p, r := ratio(tp, tp+fp), ratio(tp, tp+fn)
	return PRF{round4(p), round4(r), round4(f1(p, r))}
}
