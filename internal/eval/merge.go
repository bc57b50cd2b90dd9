package eval

// crossDocPairs counts pairs of gold events of one story in different
// documents that both have matched predictions, and how many of those pairs
// share a predicted story_id.
func crossDocPairs(g *Gold, matched map[string][]*pred) (pairs, merged int) {
	var order []string
	byStory := map[string][]*GoldEvent{}
	for i := range g.Events {
		e := &g.Events[i]
		if e.Story == "" {
			continue
		}
		if _, ok := byStory[e.Story]; !ok {
			order = append(order, e.Story)
		}
		byStory[e.Story] = append(byStory[e.Story], e)
	}
	for _, s := range order {
		gs := byStory[s]
		for i := range gs {
			for j := i + 1; j < len(gs); j++ {
				if gs[i].Doc == gs[j].Doc {
					continue
				}
				pi, pj := matched[gs[i].ID], matched[gs[j].ID]
				if len(pi) == 0 || len(pj) == 0 {
					continue
				}
				pairs++
				if intersects(storyIDs(pi), storyIDs(pj)) {
					merged++
				}
			}
		}
	}
	return pairs, merged
}

// falseMerges counts pairs of matched predictions in different documents
// that share a story_id, and how many of them stand for different gold
// stories.
func falseMerges(g *Gold, preds []*pred, matched map[string][]*pred) (pairs, wrong int) {
	goldOfPred := map[int]map[string]bool{}
	for gid, ps := range matched {
		for _, p := range ps {
			if goldOfPred[p.idx] == nil {
				goldOfPred[p.idx] = map[string]bool{}
			}
			goldOfPred[p.idx][gid] = true
		}
	}
	goldStory := map[string]string{}
	for _, e := range g.Events {
		goldStory[e.ID] = e.ID
		if e.Story != "" {
			goldStory[e.ID] = e.Story
		}
	}
	stories := func(p *pred) map[string]bool {
		s := map[string]bool{}
		for gid := range goldOfPred[p.idx] {
			s[goldStory[gid]] = true
		}
		return s
	}
	byStory := map[string][]*pred{}
	for _, p := range preds {
		if p.hasStory && goldOfPred[p.idx] != nil {
			byStory[p.story] = append(byStory[p.story], p)
		}
	}
	for _, ps := range byStory {
		for i := range ps {
			for j := i + 1; j < len(ps); j++ {
				if ps[i].doc == ps[j].doc {
					continue
				}
				pairs++
				if !intersects(stories(ps[i]), stories(ps[j])) {
					wrong++
				}
			}
		}
	}
	return pairs, wrong
}

func storyIDs(ps []*pred) map[string]bool {
	s := map[string]bool{}
	for _, p := range ps {
		if p.hasStory {
			s[p.story] = true
		}
	}
	return s
}

func intersects(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}
