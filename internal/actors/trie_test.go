package actors

import (
	"slices"
	"testing"
)

func TestTrieKeysFrom(t *testing.T) {
	key := func(ids ...uint32) string {
		var b []byte
		for _, id := range ids {
			b = appendCode(b, id)
		}
		return string(b)
	}
	// keys: [5], [5 6], [5 6 7], [6 7], and one with a code above 2^14
	pats := []string{key(5), key(5, 6), key(5, 6, 7), key(6, 7), key(20000)}
	tr := buildTrie(pats, 20001)
	cases := []struct {
		ids  []uint32
		from int
		want []keyEnd
	}{
		{[]uint32{5, 6, 7}, 0, []keyEnd{{1, 0}, {2, 1}, {3, 2}}}, // every key from the word, shortest first
		{[]uint32{5, 6, 7}, 1, []keyEnd{{3, 3}}},
		{[]uint32{5, 6, 8}, 0, []keyEnd{{1, 0}, {2, 1}}},
		{[]uint32{5, codeBarrier, 6}, 0, []keyEnd{{1, 0}}}, // a barrier ends every key
		{[]uint32{codeUnknown, 5}, 0, nil},
		{[]uint32{20000}, 0, []keyEnd{{1, 4}}},
		{[]uint32{30000}, 0, nil}, // a code the dictionary never gave
	}
	for _, c := range cases {
		if got := tr.keysFrom(c.ids, c.from, nil); !slices.Equal(got, c.want) {
			t.Errorf("keysFrom(%v, %d) = %v, want %v", c.ids, c.from, got, c.want)
		}
	}
}

// A key whose case rule fails does not hide a name that starts inside it:
// "the United States" where the dictionary also has "The United States".
func TestScanRetriesInsideRejectedKey(t *testing.T) {
	kb, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	got := texts(kb.Scan("Officials said the United States and Iraq agreed."))
	if !slices.Contains(got, "United States/country") || !slices.Contains(got, "Iraq/country") {
		t.Errorf("Scan = %v, want United States and Iraq", got)
	}
}
