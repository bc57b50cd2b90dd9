package merge

import (
	"slices"
	"time"

	"github.com/dyad-project/dyad/internal/event"
)

// A busy dyad's story can hold thousands of mentions over weeks (each day's
// reports chain it on within the slack). Comparing a new mention with every
// one of them made merging quadratic; the story keeps what the comparisons
// need instead: the pairs of entities its mentions name, and its mentions
// by day and by article.

// sides is the pair of entities one mention names, and whether its type is
// told either way round: all that conflict reads of it.
type sides struct {
	actor, recipient string
	either           bool
}

func sidesOf(m *event.Mention) sides {
	return sides{m.Actor.EntityID, m.Recipient.EntityID, reciprocal[family(m.Event)]}
}

// conflict reports two mentions (o's sides and m's) that name different
// entities for the same side, either way round for reciprocal types.
func (o sides) conflict(m sides) bool {
	clash := func(x, y string) bool { return x != "" && y != "" && x != y }
	straight := clash(o.actor, m.actor) || clash(o.recipient, m.recipient)
	if !m.either {
		return straight
	}
	return straight && (clash(o.actor, m.recipient) || clash(o.recipient, m.actor))
}

// notePair records the entities m names; mentions that name none cannot
// conflict with anything and are left out.
func (s *Story) notePair(m *event.Mention) {
	p := sidesOf(m)
	if p.actor == "" && p.recipient == "" {
		return
	}
	if s.pairs == nil {
		s.pairs = map[sides]bool{}
	}
	if !s.pairs[p] {
		s.pairs[p] = true
		s.pgen++
		clear(s.conflict) // a new pair may conflict where none did
	}
}

// conflicts reports whether any mention of s conflicts with m: one
// comparison per pair of entities the story names, not per mention.
// The answer is kept by m's sides (numbered by x) until the story notes a
// new pair: a busy story is asked about the same few pairs again and again.
func (s *Story) conflicts(x *index, m *event.Mention) bool {
	if len(s.pairs) == 0 {
		return false
	}
	return s.conflictsSaid(x, m, x.said(m))
}

// conflictsSaid is conflicts with the said of m at hand.
func (s *Story) conflictsSaid(x *index, m *event.Mention, d *said) bool {
	if len(s.pairs) == 0 {
		return false
	}
	if !d.hasSide {
		mp := sidesOf(m)
		n, ok := x.sideIDs[mp]
		if !ok {
			n = uint32(len(x.sideIDs))
			x.sideIDs[mp] = n
		}
		d.side, d.hasSide = n, true
	}
	if int(d.side) < len(s.conflict) && s.conflict[d.side] != 0 {
		return s.conflict[d.side] == 2
	}
	mp := sidesOf(m)
	c := false
	for p := range s.pairs {
		if p.conflict(mp) {
			c = true
			break
		}
	}
	if int(d.side) < maxSides {
		for int(d.side) >= len(s.conflict) {
			s.conflict = append(s.conflict, 0)
		}
		s.conflict[d.side] = 1
		if c {
			s.conflict[d.side] = 2
		}
	}
	return c
}

// maxSides is the number of pairs of sides whose conflicts a story keeps
// (a byte each); others are found again each time.
const maxSides = 4096

// days are lists of a story's mentions by day, dense from the first day
// any is placed on: a lookup is an index, not a hash.
type days struct {
	first int64
	lists [][]int32
}

func (ds *days) add(d int64, i int32) {
	switch {
	case len(ds.lists) == 0:
		ds.first = d
	case d < ds.first:
		ds.lists = append(make([][]int32, ds.first-d, int64(len(ds.lists))+ds.first-d), ds.lists...)
		ds.first = d
	}
	for d-ds.first >= int64(len(ds.lists)) {
		ds.lists = append(ds.lists, nil)
	}
	ds.lists[d-ds.first] = append(ds.lists[d-ds.first], i)
}

func (ds *days) at(d int64) []int32 {
	if d < ds.first || d-ds.first >= int64(len(ds.lists)) {
		return nil
	}
	return ds.lists[d-ds.first]
}

// nearIndex places a story's dated mentions on the days their windows
// cover (those of at most nearWide), its references by the day their
// windows start (those of at most farWindow), and the mentions whose text
// dates them by article; it is filled as mentions are added.
type nearIndex struct {
	byDay  days
	wide   []int32
	refDay map[int64][]int32
	// refWidest is the widest window among the references placed by day
	refWidest time.Duration
	// refWide are the other references (unbounded or wider), sorted by
	// the end of their windows: only those ending after a span can hold it
	refWide []wideRef
	byDoc   map[string][]int32
	// said are the saids of the story's mentions, in its order
	said    []*said
	counted int
}

type wideRef struct {
	end time.Time
	i   int32
}

const (
	// nearWide is the widest window a mention is placed by day for;
	// wider ones are candidates for every comparison
	nearWide = 14 * 24 * time.Hour
	// nearScan is the least number of mentions a story indexes: smaller
	// ones are scanned
	nearScan = 16
	// farWindow is the widest window of a new mention the index is asked
	// about, and of a reference placed by day; a wider one scans
	farWindow = 62 * 24 * time.Hour
)

func dayOf(t time.Time) int64 {
	u := t.Unix()
	d := u / 86400
	if u%86400 < 0 {
		d--
	}
	return d
}

func (s *Story) nearIndex(ix *index) *nearIndex {
	if s.near == nil {
		s.near = &nearIndex{refDay: map[int64][]int32{}, byDoc: map[string][]int32{}}
	}
	x := s.near
	for ; x.counted < len(s.Mentions); x.counted++ {
		i, o := int32(x.counted), s.Mentions[x.counted]
		x.said = append(x.said, ix.said(o))
		if o.DateText != "" {
			x.byDoc[o.Doc] = append(x.byDoc[o.Doc], i)
		}
		switch {
		case o.DateStart.IsZero():
		case o.DateEnd.Sub(o.DateStart) > nearWide:
			x.wide = append(x.wide, i)
		default:
			for d, last := dayOf(o.DateStart), dayOf(o.DateEnd); d <= last; d++ {
				x.byDay.add(d, i)
			}
		}
		if !isReference(o) {
			continue
		}
		w := refWindow(o)
		if w.start.IsZero() || w.end.Sub(w.start) > farWindow {
			at, _ := slices.BinarySearchFunc(x.refWide, w.end, func(r wideRef, t time.Time) int { return r.end.Compare(t) })
			for at < len(x.refWide) && x.refWide[at].end.Equal(w.end) {
				at++ // the same end: in the story's order
			}
			x.refWide = slices.Insert(x.refWide, at, wideRef{w.end, i})
			continue
		}
		d := dayOf(w.start)
		x.refDay[d] = append(x.refDay[d], i)
		x.refWidest = max(x.refWidest, w.end.Sub(w.start))
	}
	return x
}

// firstNear returns the first mention of s, in the story's order, for
// which fn holds, among those whose window comes within the slack of m's:
// the only ones sameEvent can equate with m. It is the loop over all
// mentions for small stories and vague mentions.
// fn is given the said of each (see index.said).
func (s *Story) firstNear(ix *index, m *event.Mention, fn func(o *event.Mention, d *said) bool) (*event.Mention, *said) {
	if len(s.Mentions) < nearScan || m.DateStart.IsZero() || m.DateEnd.Sub(m.DateStart) > farWindow {
		for _, o := range s.Mentions {
			if d := ix.said(o); fn(o, d) {
				return o, d
			}
		}
		return nil, nil
	}
	scratch := &ix.lists
	x := s.nearIndex(ix)
	// a placed mention within the slack of m covers a day from m's start
	// less the slack to m's end plus the slack. The candidates are read in
	// the story's order straight from the lists (each sorted), so that the
	// search stops at the first that holds: collecting them all first made
	// each new mention cost a share of the whole story, and merging a busy
	// dyad quadratic.
	ls := (*scratch)[:0]
	defer func() { *scratch = ls[:0] }()
	if len(x.wide) > 0 {
		ls = append(ls, x.wide)
	}
	for d, last := dayOf(m.DateStart.Add(-Slack)), dayOf(m.DateEnd.Add(Slack)); d <= last; d++ {
		if l := x.byDay.at(d); len(l) > 0 {
			ls = append(ls, l)
		}
	}
	lists := ls
	for {
		next := int32(-1)
		for _, l := range lists {
			if len(l) > 0 && (next < 0 || l[0] < next) {
				next = l[0]
			}
		}
		if next < 0 {
			return nil, nil
		}
		for j, l := range lists {
			if len(l) > 0 && l[0] == next {
				lists[j] = l[1:] // a mention placed on several days is read once
			}
		}
		if o, d := s.Mentions[next], x.said[next]; fn(o, d) {
			return o, d
		}
	}
}

// references returns, in the story's order, its references whose window
// may hold start..end: all of them for a small story, else those placed
// on a day the window of one holding it could start.
//
// The list is scratch of ix's, good until the next call.
func (s *Story) references(ix *index, start, end time.Time) []*event.Mention {
	out := ix.refs[:0]
	defer func() { ix.refs = out[:0] }()
	if len(s.Mentions) < nearScan {
		for _, o := range s.Mentions {
			if isReference(o) {
				out = append(out, o)
			}
		}
		return out
	}
	x := s.nearIndex(ix)
	// a window holding start..end ends on or after end: the wide ones
	// are sorted by their end, and a busy story's references recalling
	// earlier days are passed over without a look
	idx := ix.refIdx[:0]
	defer func() { ix.refIdx = idx[:0] }()
	at, _ := slices.BinarySearchFunc(x.refWide, end, func(r wideRef, t time.Time) int { return r.end.Compare(t) })
	for _, r := range x.refWide[at:] {
		idx = append(idx, r.i)
	}
	// a placed window holding start..end starts on or before start and
	// no earlier than end less the widest placed window
	if end.Sub(start) <= x.refWidest {
		for d, last := dayOf(end.Add(-x.refWidest)), dayOf(start); d <= last; d++ {
			idx = append(idx, x.refDay[d]...)
		}
	}
	slices.Sort(idx) // each is in one list once: no duplicates
	for _, i := range idx {
		out = append(out, s.Mentions[i])
	}
	return out
}

// datedApart reports a mention of s from m's article that the text dates
// apart from m (see apart).
func (s *Story) datedApart(ix *index, m *event.Mention) bool {
	if m.DateText == "" {
		return false
	}
	if len(s.Mentions) < nearScan {
		for _, o := range s.Mentions {
			if m.Doc == o.Doc && o.DateText != "" && apart(m, o) {
				return true
			}
		}
		return false
	}
	for _, i := range s.nearIndex(ix).byDoc[m.Doc] {
		if apart(m, s.Mentions[i]) {
			return true
		}
	}
	return false
}
