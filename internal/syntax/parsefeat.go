package syntax

// Parser features follow Zhang & Nivre (2011), "Transition-based dependency
// parsing with rich non-local features", adapted to arc-hybrid, where s1 and
// s0 compete for arcs as s0 and b0 do: words and tags of s0..s2 and b0..b2,
// their pairs and triples, the outermost children of s0, s1 and b0 with their
// labels, distances, valencies and label sets.

const (
	nullTok = 1000003 // a position that is empty (no such stack item or child)
	rootTok = 1000033 // the root's word and tag
)

// sentCtx holds the per-word values features read: word hashes and tag ids,
// with the root as the last entry.
type sentCtx struct {
	words, tags, ambs, sufs, ups []uint64
}

func (c *sentCtx) reset(ctx []wordCtx, tags []int, coarse []uint64) {
	c.words, c.tags, c.ambs, c.sufs, c.ups = c.words[:0], c.tags[:0], c.ambs[:0], c.sufs[:0], c.ups[:0]
	for i := range ctx {
		c.words = append(c.words, ctx[i].lower)
		c.tags = append(c.tags, uint64(tags[i]))
		c.ambs = append(c.ambs, ctx[i].amb)
		c.sufs = append(c.sufs, ctx[i].suf3)
		c.ups = append(c.ups, coarse[tags[i]])
	}
	c.words = append(c.words, rootTok)
	c.tags = append(c.tags, rootTok)
	c.ambs = append(c.ambs, rootTok)
	c.sufs = append(c.sufs, rootTok)
	c.ups = append(c.ups, rootTok)
}

func dist(a, b int) uint64 {
	d := b - a
	if d < 0 {
		d = -d
	}
	switch {
	case d > 10:
		return 11
	case d > 5:
		return 6
	}
	return uint64(d)
}

func capped(n int) uint64 {
	if n > 3 {
		return 3
	}
	return uint64(n)
}

func parseFeatures(c *sentCtx, s *state, buf []uint64) []uint64 {
	w := func(i int) uint64 {
		if i < 0 {
			return nullTok
		}
		return c.words[i]
	}
	p := func(i int) uint64 {
		if i < 0 {
			return nullTok
		}
		return c.tags[i]
	}
	a := func(i int) uint64 {
		if i < 0 {
			return nullTok
		}
		return c.ambs[i]
	}
	l := func(i int) uint64 {
		if i < 0 {
			return nullTok
		}
		return uint64(s.label[i])
	}
	at := func(a []int, i int) int {
		if i < 0 {
			return -1
		}
		return a[i]
	}
	k := len(s.stack)
	s0, s1, s2 := -1, -1, -1
	if k > 0 {
		s0 = s.stack[k-1]
	}
	if k > 1 {
		s1 = s.stack[k-2]
	}
	if k > 2 {
		s2 = s.stack[k-3]
	}
	b0, b1, b2 := s.b, -1, -1
	if s.b+1 <= s.n {
		b1 = s.b + 1
	}
	if s.b+2 <= s.n {
		b2 = s.b + 2
	}
	s0l1, s0l2, s0r1, s0r2 := at(s.lc1, s0), at(s.lc2, s0), at(s.rc1, s0), at(s.rc2, s0)
	s1l1, s1r1, s1r2 := at(s.lc1, s1), at(s.rc1, s1), at(s.rc2, s1)
	b0l1, b0l2 := s.lc1[b0], s.lc2[b0]

	s0w, s0p, s1w, s1p, b0w, b0p := w(s0), p(s0), w(s1), p(s1), w(b0), p(b0)
	b1w, b1p, b2p, s2p := w(b1), p(b1), p(b2), p(s2)
	d, d10 := uint64(nullTok), uint64(nullTok)
	if s0 >= 0 {
		d = dist(s0, b0)
	}
	if s1 >= 0 {
		d10 = dist(s1, s0)
	}
	var s0nl, s0nr, s0sl, s0sr, s1nr, s1nl, s1sr uint64 = nullTok, nullTok, nullTok, nullTok, nullTok, nullTok, nullTok
	if s0 >= 0 {
		s0nl, s0nr, s0sl, s0sr = capped(s.nl[s0]), capped(s.nr[s0]), s.lset[s0], s.rset[s0]
	}
	if s1 >= 0 {
		s1nl, s1nr, s1sr = capped(s.nl[s1]), capped(s.nr[s1]), s.rset[s1]
	}
	b0nl, b0sl := capped(s.nl[b0]), s.lset[b0]

	return append(buf,
		feat1(1, s0w), feat1(2, s0p), feat2(3, s0w, s0p),
		feat1(4, s1w), feat1(5, s1p), feat2(6, s1w, s1p),
		feat1(7, b0w), feat1(8, b0p), feat2(9, b0w, b0p),
		feat1(10, b1w), feat1(11, b1p), feat2(12, b1w, b1p),
		feat1(13, w(b2)), feat1(14, b2p), feat1(15, s2p), feat1(16, w(s2)),
		feat(17, s0w, s0p, b0w, b0p), feat3(18, s0w, s0p, b0w), feat3(19, s0w, b0w, b0p),
		feat3(20, s0w, s0p, b0p), feat3(21, s0p, b0w, b0p), feat2(22, s0w, b0w), feat2(23, s0p, b0p),
		feat2(24, b0p, b1p),
		feat(25, s1w, s1p, s0w, s0p), feat2(26, s1w, s0w), feat2(27, s1p, s0p),
		feat3(28, s1w, s1p, s0p), feat3(29, s1p, s0w, s0p),
		feat3(30, b0p, b1p, b2p), feat3(31, s0p, b0p, b1p), feat3(32, s1p, s0p, b0p),
		feat3(33, s0p, p(s0l1), b0p), feat3(34, s0p, p(s0r1), b0p), feat3(35, s0p, b0p, p(b0l1)),
		feat3(36, s2p, s1p, s0p), feat3(37, s1p, p(s1r1), s0p), feat3(38, s1p, p(s1l1), s0p),
		feat3(39, s1p, s0p, p(s0l1)), feat3(40, s1p, s0p, p(s0r1)),
		feat2(41, s0w, d), feat2(42, s0p, d), feat2(43, b0w, d), feat2(44, b0p, d),
		feat3(45, s0w, b0w, d), feat3(46, s0p, b0p, d),
		feat3(47, s1p, s0p, d10), feat2(48, s1w, d10), feat2(49, s0w, d10),
		feat3(90, s1w, s0w, d10), feat3(91, s1p, s0w, d10), feat3(92, s1w, s0p, d10),
		feat2(50, s0w, s0nr), feat2(51, s0p, s0nr), feat2(52, s0w, s0nl), feat2(53, s0p, s0nl),
		feat2(54, b0w, b0nl), feat2(55, b0p, b0nl), feat2(56, s1w, s1nr), feat2(57, s1p, s1nr), feat2(58, s1p, s1nl),
		feat1(59, w(s0l1)), feat1(60, p(s0l1)), feat1(61, l(s0l1)),
		feat1(62, w(s0r1)), feat1(63, p(s0r1)), feat1(64, l(s0r1)),
		feat1(65, w(b0l1)), feat1(66, p(b0l1)), feat1(67, l(b0l1)),
		feat1(68, w(s1r1)), feat1(69, p(s1r1)), feat1(70, l(s1r1)),
		feat1(71, l(s1l1)), feat1(93, p(s1l1)),
		feat1(72, w(s0l2)), feat1(73, p(s0l2)), feat1(74, l(s0l2)),
		feat1(75, w(s0r2)), feat1(76, p(s0r2)), feat1(77, l(s0r2)),
		feat1(78, w(b0l2)), feat1(79, p(b0l2)), feat1(80, l(b0l2)),
		feat3(81, s0p, p(s0l1), p(s0l2)), feat3(82, s0p, p(s0r1), p(s0r2)), feat3(83, b0p, p(b0l1), p(b0l2)),
		feat3(94, s1p, p(s1r1), p(s1r2)),
		feat2(84, s0w, s0sr), feat2(85, s0p, s0sr), feat2(86, s0w, s0sl), feat2(87, s0p, s0sl),
		feat2(88, b0w, b0sl), feat2(89, b0p, b0sl), feat2(95, s1p, s1sr),
		feat3(96, s0p, l(s0l1), b0p), feat3(97, s0p, l(s0r1), b0p), feat3(98, s1p, l(s1r1), s0p),
		feat3(99, s0w, b0p, b1p), feat3(100, s0p, b0w, b1p),
		feat1(101, a(b0)), feat1(102, a(s0)), feat2(103, a(s0), a(b0)), feat1(104, a(b1)), feat1(105, a(s1)),
		feat2(106, a(s1), a(s0)), feat2(107, b0p, c.sufs[b0]), feat3(108, s0p, b0p, c.sufs[b0]),
	)
}
