package syntax

// The parser is a greedy arc-hybrid transition system (Kuhlmann et al. 2011)
// with labelled transitions, scored by an averaged perceptron and trained
// with the dynamic oracle of Goldberg & Nivre (2013). Words are 0..n-1 and
// the root is n, placed at the end of the buffer (Ballesteros & Nivre 2013)
// so that it takes its one dependent last: LEFT onto the root is allowed only
// when that word is alone on the stack, which yields exactly one root.

const (
	shift = iota // push b0
	left         // s0 ← b0, pop s0
	right        // s1 → s0, pop s0
)

// state is a parser configuration with the arcs built so far and the child
// summaries the features read.
type state struct {
	n                  int
	stack              []int
	b                  int
	head, label        []int
	lc1, lc2, rc1, rc2 []int
	nl, nr             []int
	lset, rset         []uint64
}

func (s *state) reset(n int) {
	s.n, s.b = n, 0
	s.stack = s.stack[:0]
	for _, p := range []*[]int{&s.head, &s.label, &s.lc1, &s.lc2, &s.rc1, &s.rc2} {
		*p = fill(*p, n+1, -1)
	}
	s.nl, s.nr = fill(s.nl, n+1, 0), fill(s.nr, n+1, 0)
	s.lset, s.rset = fillU(s.lset, n+1), fillU(s.rset, n+1)
}

func fill(a []int, n, v int) []int {
	if cap(a) < n {
		a = make([]int, n)
	}
	a = a[:n]
	for i := range a {
		a[i] = v
	}
	return a
}

func fillU(a []uint64, n int) []uint64 {
	if cap(a) < n {
		a = make([]uint64, n)
	}
	a = a[:n]
	clear(a)
	return a
}

func (s *state) done() bool { return s.b == s.n && len(s.stack) == 0 }

func (s *state) valid(move int) bool {
	switch move {
	case shift:
		return s.b < s.n
	case left:
		return len(s.stack) > 0 && (s.b < s.n || len(s.stack) == 1)
	default:
		return len(s.stack) >= 2
	}
}

func (s *state) apply(move, lab int) {
	switch move {
	case shift:
		s.stack = append(s.stack, s.b)
		s.b++
	case left:
		d := s.pop()
		s.arc(s.b, d, lab)
	default:
		d := s.pop()
		s.arc(s.stack[len(s.stack)-1], d, lab)
	}
}

func (s *state) pop() int {
	d := s.stack[len(s.stack)-1]
	s.stack = s.stack[:len(s.stack)-1]
	return d
}

// arc records h → d. In arc-hybrid a head's left dependents arrive right to
// left and its right dependents left to right, so the newest is always the
// outermost.
func (s *state) arc(h, d, lab int) {
	s.head[d], s.label[d] = h, lab
	bit := uint64(1) << (uint(lab) & 63)
	if d < h {
		s.lc2[h], s.lc1[h] = s.lc1[h], d
		s.nl[h]++
		s.lset[h] |= bit
	} else {
		s.rc2[h], s.rc1[h] = s.rc1[h], d
		s.nr[h]++
		s.rset[h] |= bit
	}
}

// Classes number the labelled transitions: 0 is SHIFT, 1+l is LEFT with
// label l, 1+L+l is RIGHT with label l.
func moveOf(cls, nLabels int) (move, lab int) {
	switch {
	case cls == 0:
		return shift, -1
	case cls <= nLabels:
		return left, cls - 1
	default:
		return right, cls - 1 - nLabels
	}
}

// allowed says whether class cls may be taken in s: the root label goes on
// the arc to the root and nowhere else.
func (s *state) allowed(cls, nLabels, rootLabel int) bool {
	move, lab := moveOf(cls, nLabels)
	if !s.valid(move) {
		return false
	}
	switch move {
	case left:
		return (s.b == s.n) == (lab == rootLabel)
	case right:
		return lab != rootLabel
	}
	return true
}

// bestAllowed is the highest-scoring class allowed in s (the first on
// ties), checking each move's validity once rather than per label.
func bestAllowed[T int32 | float32](s *state, scores []T, nLabels, rootLabel int) int {
	best := -1
	if s.valid(shift) {
		best = shift
	}
	if s.valid(left) {
		if s.b == s.n {
			best = better(scores, best, 1+rootLabel, 2+rootLabel)
		} else {
			best = better(scores, best, 1, 1+rootLabel)
			best = better(scores, best, 2+rootLabel, 1+nLabels)
		}
	}
	if s.valid(right) {
		best = better(scores, best, 1+nLabels, 1+nLabels+rootLabel)
		best = better(scores, best, 2+nLabels+rootLabel, 1+2*nLabels)
	}
	return best
}

// better returns the first class of lo..hi-1 scoring above best's, or
// best (-1 for none yet).
func better[T int32 | float32](scores []T, best, lo, hi int) int {
	if lo >= hi {
		return best
	}
	if best < 0 {
		best, lo = lo, lo+1
	}
	top := scores[best]
	for c, v := range scores[lo:hi] {
		if v > top {
			best, top = lo+c, v
		}
	}
	return best
}
