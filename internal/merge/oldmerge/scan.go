package oldmerge

import (
	"math/bits"
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
	s.pairs[p] = true
}

// conflicts reports whether any mention of s conflicts with m: one
// comparison per pair of entities the story names, not per mention.
func (s *Story) conflicts(m *event.Mention) bool {
	mp := sidesOf(m)
	for p := range s.pairs {
		if p.conflict(mp) {
			return true
		}
	}
	return false
}

// nearIndex places a story's dated mentions on the days their windows
// cover (those of at most nearWide), its references by the day their
// windows start (those of at most farWindow), and the mentions whose text
// dates them by article; it is filled as mentions are added.
type nearIndex struct {
	byDay  map[int64][]int32
	wide   []int32
	refDay map[int64][]int32
	// refWidest is the widest window among the references placed by day
	refWidest time.Duration
	refWide   []int32
	byDoc     map[string][]int32
	counted   int
	// marks is a bitmap over the story's mentions: candidates from
	// several days are marked, then read in the story's order, each once
	marks []uint64
}

// mark sets the bits of the positions in each list.
func (x *nearIndex) mark(lists ...[]int32) {
	for _, l := range lists {
		for _, i := range l {
			for int(i>>6) >= len(x.marks) {
				x.marks = append(x.marks, 0)
			}
			x.marks[i>>6] |= 1 << (i & 63)
		}
	}
}

// marked returns the marked positions in order and clears the marks.
func (x *nearIndex) marked(out []int32) []int32 {
	for w, b := range x.marks {
		for b != 0 {
			out = append(out, int32(w<<6+bits.TrailingZeros64(b)))
			b &= b - 1
		}
		x.marks[w] = 0
	}
	return out
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

func (s *Story) nearIndex() *nearIndex {
	if s.near == nil {
		s.near = &nearIndex{byDay: map[int64][]int32{}, refDay: map[int64][]int32{}, byDoc: map[string][]int32{}}
	}
	x := s.near
	for ; x.counted < len(s.Mentions); x.counted++ {
		i, o := int32(x.counted), s.Mentions[x.counted]
		if o.DateText != "" {
			x.byDoc[o.Doc] = append(x.byDoc[o.Doc], i)
		}
		switch {
		case o.DateStart.IsZero():
		case o.DateEnd.Sub(o.DateStart) > nearWide:
			x.wide = append(x.wide, i)
		default:
			for d, last := dayOf(o.DateStart), dayOf(o.DateEnd); d <= last; d++ {
				x.byDay[d] = append(x.byDay[d], i)
			}
		}
		if !isReference(o) {
			continue
		}
		w := refWindow(o)
		if w.start.IsZero() || w.end.Sub(w.start) > farWindow {
			x.refWide = append(x.refWide, i)
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
func (s *Story) firstNear(m *event.Mention, fn func(o *event.Mention) (bool, string)) (bool, string) {
	if len(s.Mentions) < nearScan || m.DateStart.IsZero() || m.DateEnd.Sub(m.DateStart) > farWindow {
		for _, o := range s.Mentions {
			if ok, why := fn(o); ok {
				return true, why
			}
		}
		return false, ""
	}
	x := s.nearIndex()
	// a placed mention within the slack of m covers a day from m's start
	// less the slack to m's end plus the slack. The candidates are read in
	// the story's order straight from the lists (each sorted), so that the
	// search stops at the first that holds: collecting them all first made
	// each new mention cost a share of the whole story, and merging a busy
	// dyad quadratic.
	lists := make([][]int32, 0, 16)
	if len(x.wide) > 0 {
		lists = append(lists, x.wide)
	}
	for d, last := dayOf(m.DateStart.Add(-Slack)), dayOf(m.DateEnd.Add(Slack)); d <= last; d++ {
		if l := x.byDay[d]; len(l) > 0 {
			lists = append(lists, l)
		}
	}
	for {
		next := int32(-1)
		for _, l := range lists {
			if len(l) > 0 && (next < 0 || l[0] < next) {
				next = l[0]
			}
		}
		if next < 0 {
			return false, ""
		}
		for j, l := range lists {
			if len(l) > 0 && l[0] == next {
				lists[j] = l[1:] // a mention placed on several days is read once
			}
		}
		if ok, why := fn(s.Mentions[next]); ok {
			return true, why
		}
	}
}

// references returns, in the story's order, its references whose window
// may hold start..end: all of them for a small story, else those placed
// on a day the window of one holding it could start.
func (s *Story) references(start, end time.Time) []*event.Mention {
	var out []*event.Mention
	if len(s.Mentions) < nearScan {
		for _, o := range s.Mentions {
			if isReference(o) {
				out = append(out, o)
			}
		}
		return out
	}
	x := s.nearIndex()
	x.mark(x.refWide)
	// a placed window holding start..end starts on or before start and
	// no earlier than end less the widest placed window
	if end.Sub(start) <= x.refWidest {
		for d, last := dayOf(end.Add(-x.refWidest)), dayOf(start); d <= last; d++ {
			x.mark(x.refDay[d])
		}
	}
	var buf [64]int32
	for _, i := range x.marked(buf[:0]) {
		out = append(out, s.Mentions[i])
	}
	return out
}

// datedApart reports a mention of s from m's article that the text dates
// apart from m (see apart).
func (s *Story) datedApart(m *event.Mention) bool {
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
	for _, i := range s.nearIndex().byDoc[m.Doc] {
		if apart(m, s.Mentions[i]) {
			return true
		}
	}
	return false
}
