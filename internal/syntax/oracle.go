package syntax

// The dynamic oracle of Goldberg & Nivre (2013) for arc-hybrid: the cost of
// a transition is the number of gold arcs it makes unreachable. It is exact
// for projective gold trees, so training trees are projectivised first
// (projectivise). gh and gl are gold heads (root = n) and label ids.

func moveCosts(s *state, gh []int) (c [3]int) {
	k := len(s.stack)
	b := s.b
	if k > 0 {
		s0 := s.stack[k-1]
		deps := 0
		for d := b; d < s.n; d++ {
			if gh[d] == s0 {
				deps++
			}
		}
		// LEFT: s0 can no longer take a head from s1 or the buffer past b0,
		// nor dependents from the buffer.
		c[left] = deps
		if gh[s0] != b && (gh[s0] > b || (k > 1 && gh[s0] == s.stack[k-2])) {
			c[left]++
		}
		// RIGHT: s0 loses heads and dependents in the buffer.
		c[right] = deps
		if gh[s0] >= b {
			c[right]++
		}
	}
	if b < s.n {
		// SHIFT: b0 loses dependents on the stack and heads below s0.
		for i, x := range s.stack {
			if gh[x] == b {
				c[shift]++
			}
			if gh[b] == x && i < k-1 {
				c[shift]++
			}
		}
	}
	return c
}

// classCost adds the label's cost to the move's: a wrong label on a gold arc
// loses that arc.
func classCost(s *state, mc [3]int, cls, nLabels int, gh, gl []int) int {
	move, lab := moveOf(cls, nLabels)
	c := mc[move]
	k := len(s.stack)
	switch move {
	case left:
		if s0 := s.stack[k-1]; gh[s0] == s.b && gl[s0] != lab {
			c++
		}
	case right:
		if s0 := s.stack[k-1]; gh[s0] == s.stack[k-2] && gl[s0] != lab {
			c++
		}
	}
	return c
}

// projectivise lifts non-projective arcs, shortest first, to the head's head
// until the tree is projective, and reports how many arcs it lifted. heads
// use root = n. It fails (ok false) when a lift would give the root a second
// dependent, which the transition system cannot build.
func projectivise(gh []int) (lifted int, ok bool) {
	for {
		worst, span := -1, 1<<30
		for d, h := range gh {
			if h < 0 || isProjectiveArc(gh, h, d) {
				continue
			}
			if sp := abs(h - d); sp < span {
				worst, span = d, sp
			}
		}
		if worst < 0 {
			return lifted, true
		}
		if gh[gh[worst]] >= len(gh) {
			return lifted, false
		}
		gh[worst] = gh[gh[worst]]
		lifted++
	}
}

func isProjectiveArc(gh []int, h, d int) bool {
	lo, hi := min(h, d), max(h, d)
	for k := lo + 1; k < hi; k++ {
		a := k
		for steps := 0; a != h && a < len(gh) && steps <= len(gh); steps++ {
			a = gh[a]
		}
		if a != h {
			return false
		}
	}
	return true
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
