package syntax

// rowCache remembers, for the keys looked up recently, the slot that holds
// each (0 when absent), in a small direct-mapped array that stays in the
// processor's cache, unlike the weight table (8 MB of slots for the parser).
// Most keys recur: tags, labels and frequent words. With 8,192 entries, 63%
// of the parser's lookups on the dev file are answered here. One cache
// serves one weight table and one goroutine (it lives in a workspace).
type rowCache struct {
	e [cacheSize]cacheEntry
}

type cacheEntry struct{ key, slot uint64 }

const cacheBits = 13
const cacheSize = 1 << cacheBits

func cacheIndex(key uint64) uint64 { return key * 0x9E3779B97F4A7C15 >> (64 - cacheBits) }

// find is weights.find through the cache: keys are never 0, so an empty
// entry never matches.
func (c *rowCache) find(w *weights, keys []uint64, got []uint64) {
	var missed [scoreBatch]uint64
	var at [scoreBatch]uint8
	n := 0
	for j, f := range keys {
		e := &c.e[cacheIndex(f)]
		got[j] = e.slot
		if e.key != f {
			missed[n], at[n] = f, uint8(j)
			n++
		}
	}
	if n == 0 {
		return
	}
	var found [scoreBatch]uint64
	w.find(missed[:n], found[:n])
	for k, f := range missed[:n] {
		got[at[k]] = found[k]
		c.e[cacheIndex(f)] = cacheEntry{f, found[k]}
	}
}
