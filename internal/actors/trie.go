package actors

// trie holds the dictionary's keys as sequences of word codes. Scanning a
// text walks it from each word: most words of running text are not in the
// dictionary at all and cost one slice index, and a name costs one map
// lookup per further word, which is several times cheaper than running a
// byte-level automaton over three bytes a word.
type trie struct {
	root []int32          // word code → node under the root (0 = none)
	next map[uint64]int32 // node<<32 | word code → child node
	term []int32          // node → pattern number + 1 (0 = no key ends here)
}

// buildTrie compiles the encoded keys; pattern n is pats[n].
func buildTrie(pats []string, vocab int) trie {
	// most keys are names of two or three words: about one inner node
	// each, sized up front since growing the map cost a tenth of the load
	t := trie{root: make([]int32, vocab+2), next: make(map[uint64]int32, len(pats)), term: make([]int32, 1, 2*len(pats)+1)}
	for n, p := range pats {
		node := int32(0)
		for i := 0; i+codeLen <= len(p); i += codeLen {
			id := decodeCode(p[i : i+codeLen])
			child := t.child(node, id)
			if child == 0 {
				child = int32(len(t.term))
				t.term = append(t.term, 0)
				if node == 0 {
					t.root[id] = child
				} else {
					t.next[uint64(node)<<32|uint64(id)] = child
				}
			}
			node = child
		}
		t.term[node] = int32(n + 1)
	}
	return t
}

func (t *trie) child(node int32, id uint32) int32 {
	if node == 0 {
		if int(id) < len(t.root) {
			return t.root[id]
		}
		return 0
	}
	return t.next[uint64(node)<<32|uint64(id)]
}

// keyEnd is one dictionary key found from a start word: it ends after word
// end (exclusive) and is pattern n.
type keyEnd struct{ end, n int }

// keysFrom appends, shortest first, every key that starts at word i of ids.
func (t *trie) keysFrom(ids []uint32, i int, dst []keyEnd) []keyEnd {
	node := int32(0)
	for j := i; j < len(ids); j++ {
		if node = t.child(node, ids[j]); node == 0 {
			break
		}
		if n := t.term[node]; n != 0 {
			dst = append(dst, keyEnd{end: j + 1, n: int(n - 1)})
		}
	}
	return dst
}

func decodeCode(b string) uint32 {
	return uint32(b[0]&0x7f)<<14 | uint32(b[1])<<7 | uint32(b[2])
}
