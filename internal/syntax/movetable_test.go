package syntax

import (
	"bufio"
	"bytes"
	"errors"
	"slices"
	"testing"
)

// TestMoveTable freezes a small three-class trainer and checks the scores
// of known, unknown and pruned features, and that the table survives its
// file format unchanged.
func TestMoveTable(t *testing.T) {
	tr := newTrainer(3)
	a, b, c := feat1(1, 10), feat1(2, 20), feat1(3, 30)
	for i := 0; i < 10; i++ {
		tr.tick()
		tr.update(left, shift, []uint64{a})
		tr.update(right, left, []uint64{a, b})
	}
	tr.tick()
	tr.update(shift, right, []uint64{c}) // one small update: pruned at 20%
	tr.tick()
	for _, tc := range []struct {
		name      string
		minWeight float64
		feats     []uint64
		want      [3]int32 // signs
		kept      int
	}{
		{"a alone", 0, []uint64{a}, [3]int32{-1, 0, 1}, 3},
		{"b alone", 0, []uint64{b}, [3]int32{0, -1, 1}, 3},
		{"unknown", 0, []uint64{feat1(9, 9)}, [3]int32{0, 0, 0}, 3},
		{"c kept", 0, []uint64{c}, [3]int32{1, 0, -1}, 3},
		{"c pruned", 0.2, []uint64{c}, [3]int32{0, 0, 0}, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mt := tr.freezeMoves(tc.minWeight)
			if got := mt.size(); got != tc.kept {
				t.Errorf("%d features kept, want %d", got, tc.kept)
			}
			var sc [3]int32
			mt.score(tc.feats, &sc)
			for i, v := range sc {
				if sign(v) != tc.want[i] {
					t.Errorf("scores %v, want signs %v", sc, tc.want)
				}
			}
			var buf bytes.Buffer
			bw := &binWriter{w: bufio.NewWriter(&buf)}
			bw.moveTable(mt)
			if err := bw.w.Flush(); err != nil {
				t.Fatal(err)
			}
			data := buf.Bytes()
			br := &binReader{data: data}
			back := br.moveTable()
			if br.err != nil || len(br.data) != 0 || !slices.Equal(back.slots, mt.slots) {
				t.Fatalf("round trip: err %v, %d bytes left", br.err, len(br.data))
			}
			br = &binReader{data: data[:len(data)-1]}
			if br.moveTable(); !errors.Is(br.err, ErrFormat) {
				t.Errorf("truncated table: err %v, want ErrFormat", br.err)
			}
		})
	}
}

func sign(v int32) int32 {
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	}
	return 0
}

func TestArgmax32(t *testing.T) {
	for _, tc := range []struct {
		scores []int32
		best   int
		lead   int32
	}{
		{[]int32{1, 9, 4}, 1, 5},
		{[]int32{9, 1, 4}, 0, 5},
		{[]int32{3, 3, 1}, 0, 0},
		{[]int32{-4, -2, -9}, 1, 2},
	} {
		best, lead := argmax32(tc.scores)
		if best != tc.best || lead != tc.lead {
			t.Errorf("argmax32(%v) = %d, %d; want %d, %d", tc.scores, best, lead, tc.best, tc.lead)
		}
	}
}

// TestModelRoundTrip decodes the committed model and writes it again: the
// same bytes, so the format loses nothing.
func TestModelRoundTrip(t *testing.T) {
	m := loadModel(t)
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), embedded) {
		t.Fatalf("model written back differs from the embedded one (%d bytes, want %d)", buf.Len(), len(embedded))
	}
}
