// Package merge groups event mentions into stories: one real-world event
// reported once or many times, in one article or across outlets.
package merge

import (
	"cmp"
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/dyad-project/dyad/internal/event"
)

// Slack widens day-precise windows when comparing them: two outlets date the
// same call a day or two apart (the day it happened, the day it was told).
const Slack = 3 * 24 * time.Hour

// reciprocal types merge whichever side the text puts first.
var reciprocal = map[string]bool{"CONSULT": true, "AGREE": true, "COOPERATE": true}

// family folds types that PLOVER itself treats as one (CONCEDE/RETREAT).
func family(t string) string {
	if t == "CONCEDE" {
		return "RETREAT"
	}
	return t
}

// Story is a group of mentions of one event.
type Story struct {
	ID       string
	Event    string
	Mentions []*event.Mention
	Reasons  []string // why each mention after the first joined
	// Folded are the IDs of stories that turned out to report this one's
	// event and were joined into it: their stored mentions move here.
	Folded []string
	// Took are references taken from another story, whose event this one
	// turned out to fit better: stored ones move here one by one (their
	// StoryID is the final story's).
	Took []*event.Mention
	// start..end is the window of the story's reports (mentions that are
	// not references): a reference never widens it. Zero while the story
	// is known only from references.
	start, end time.Time
	reports    int
	// the entities named on each side by its mentions, so that a new
	// mention's clash with any of them is found without a scan
	actors, recipients map[string]bool
	// the words of its evidence sentences by stem (see readInto), with the
	// number of its first counted mentions that have each: filled only
	// when a reference asks (vocab), so merging reports costs no
	// tokenising. The counts give the words of the story without one of
	// its mentions (see without) with no second pass over the others.
	words   map[uint32]int
	counted int
	// vgen changes whenever a stem's count reaches one or two or the
	// words are recounted: a weight of shared words (see index.sum)
	// computed at one vgen holds until it changes
	vgen uint64
	// conflict is what conflicts answered for each pair of sides (by
	// number) since the story last noted a new pair: 1 no, 2 yes
	conflict []uint8
	// pgen changes whenever the story notes a new pair
	pgen uint64
	// the pairs of entities its mentions name, and its mentions by day
	// and article (see scan.go)
	pairs map[sides]bool
	near  *nearIndex
	// the references among its mentions and the span their windows
	// cover (refFrom zero when one is unbounded): a story none of whose
	// references can hold another story's reports is passed over by
	// rehome without a look at its mentions
	refs           int
	refFrom, refTo time.Time
	// the bounds of all its mentions' windows (refWindow): the latest
	// start among the bounded ones (bounded: there is one) and the
	// earliest end, so that whether every window holds a span or meets a
	// window is two comparisons, not a pass over the story (see allHold)
	winStart, winEnd time.Time
	bounded          bool
}

// allHold reports whether every mention's window contains [a, b] within
// the slack (window.contains for each).
func (s *Story) allHold(a, b time.Time) bool {
	if len(s.Mentions) == 0 {
		return true
	}
	return (!s.bounded || !a.Before(s.winStart.Add(-Slack))) && !b.After(s.winEnd.Add(Slack))
}

// allMeet reports whether every mention's window overlaps w
// (window.overlaps for each).
func (s *Story) allMeet(w window) bool {
	if len(s.Mentions) == 0 {
		return true
	}
	return (!s.bounded || !w.end.Before(s.winStart)) && (w.start.IsZero() || !s.winEnd.Before(w.start))
}

// vocab is the words of all the story's evidence sentences, by stem, each
// with the number of mentions that have it.
func (s *Story) vocab(x *index) map[uint32]int {
	if s.words == nil {
		s.words = map[uint32]int{}
	}
	for ; s.counted < len(s.Mentions); s.counted++ {
		for _, st := range x.read(s.Mentions[s.counted]).stems {
			c := s.words[st]
			s.words[st] = c + 1
			if c < 2 {
				s.vgen++
			}
		}
	}
	return s.words
}

// mayHold reports whether some reference of s has a window that holds
// [start, end] (without the slack): the bounds of all its references'
// windows do.
func (s *Story) mayHold(start, end time.Time) bool {
	return s.refs > 0 && (s.refFrom.IsZero() || !start.Before(s.refFrom)) && !end.After(s.refTo)
}

// add appends m to the story's mentions.
func (s *Story) add(ms ...*event.Mention) {
	for _, m := range ms {
		s.Mentions = append(s.Mentions, m)
		if w := refWindow(m); len(s.Mentions) == 1 {
			s.winStart, s.winEnd, s.bounded = w.start, w.end, !w.start.IsZero()
		} else {
			if !w.start.IsZero() && (!s.bounded || w.start.After(s.winStart)) {
				s.winStart, s.bounded = w.start, true
			}
			if w.end.Before(s.winEnd) {
				s.winEnd = w.end
			}
		}
		note(&s.actors, m.Actor.EntityID)
		note(&s.recipients, m.Recipient.EntityID)
		s.notePair(m)
		if isReference(m) {
			w := refWindow(m)
			if s.refs == 0 || w.start.IsZero() || w.start.Before(s.refFrom) {
				s.refFrom = w.start
			}
			if s.refs == 0 || w.end.After(s.refTo) {
				s.refTo = w.end
			}
			s.refs++
			continue
		}
		if m.DateStart.IsZero() {
			continue
		}
		if s.reports == 0 || m.DateStart.Before(s.start) {
			s.start = m.DateStart
		}
		if s.reports == 0 || m.DateEnd.After(s.end) {
			s.end = m.DateEnd
		}
		s.reports++
	}
}

// rebuild recounts the story from its mentions after one left it.
func (s *Story) rebuild() {
	ms := s.Mentions
	s.Mentions, s.start, s.end, s.reports = nil, time.Time{}, time.Time{}, 0
	s.actors, s.recipients, s.words, s.counted = nil, nil, nil, 0
	s.vgen++ // words may be lost: what was summed at the last vgen no longer holds
	s.conflict = nil
	s.refs, s.refFrom, s.refTo = 0, time.Time{}, time.Time{}
	s.pairs, s.near = nil, nil
	s.add(ms...)
}

// KnownFromReferences reports a story none of whose mentions reports the
// event on its day: it is known only from later accounts.
func (s *Story) KnownFromReferences() bool { return s.reports == 0 }

// referenceSpan is wider than any day-precise report's window: a window
// this wide ("in 2012", "last month") recalls an event more than it
// reports it. The same bound keeps such mentions out of series
// (analyze.Countable).
const referenceSpan = 7 * 24 * time.Hour

// isReference reports a mention that recalls an event rather than reports
// it: history the article recounts, or a window of a week or more. What is
// announced ("plans to travel in the coming week") or supposed recalls
// nothing, however wide its window, nor does the news of an article dated
// by its content's window because its printed date is wrong.
func isReference(m *event.Mention) bool {
	if m.Background {
		return true
	}
	if m.ArticleDateConflict {
		// the article's printed date is wrong and its news is dated by the
		// content's window: wide, but what the article reports, not recalls
		return false
	}
	if m.Claim == event.Planned || m.Claim == event.Hypothetical || m.DateStart.IsZero() {
		return false
	}
	return m.DateEnd.Sub(m.DateStart) >= referenceSpan
}

// IsReference is isReference for other packages (stored mentions read
// before the flag existed).
func IsReference(m *event.Mention) bool { return isReference(m) }

// window is a date range; a zero start is unbounded ("the attack that
// killed the ambassador", recalled with no date: any time up to the
// article).
type window struct{ start, end time.Time }

// refWindow is the span a mention allows its event: its window, or, for
// history told without a date of its own, anything up to its end.
func refWindow(m *event.Mention) window {
	if m.Background && m.DateText == "" {
		return window{end: m.DateEnd}
	}
	return window{m.DateStart, m.DateEnd}
}

// contains reports whether [a, b] lies inside w, within the slack.
func (w window) contains(a, b time.Time) bool {
	return (w.start.IsZero() || !a.Before(w.start.Add(-Slack))) && !b.After(w.end.Add(Slack))
}

func (w window) overlaps(o window) bool {
	return (w.start.IsZero() || !o.end.Before(w.start)) && (o.start.IsZero() || !w.end.Before(o.start))
}

func (w window) String() string {
	if w.start.IsZero() {
		return "…" + w.end.Format(time.DateOnly)
	}
	return span(w.start, w.end)
}

func span(a, b time.Time) string {
	if a.Equal(b) {
		return a.Format(time.DateOnly)
	}
	return a.Format(time.DateOnly) + "…" + b.Format(time.DateOnly)
}

func note(set *map[string]bool, id string) {
	if id == "" {
		return
	}
	if *set == nil {
		*set = map[string]bool{}
	}
	(*set)[id] = true
}

// mayConflict is false when no mention of s can name another entity than
// m on the same side: the check of the entities its mentions name (conflicts) is then
// skipped, so a busy story costs no more per new mention than a small one.
func (s *Story) mayConflict(m *event.Mention) bool {
	other := func(set map[string]bool, id string) bool {
		return id != "" && (len(set) > 1 || len(set) == 1 && !set[id])
	}
	return other(s.actors, m.Actor.EntityID) || other(s.recipients, m.Recipient.EntityID)
}

// index finds the stories a mention could join: only those of its type
// family and dyad (either way round for reciprocal types), since every
// mention of a story shares them. Comparing each mention with every story
// made merging quadratic in the number of stories.
type index struct {
	stories []*Story
	byKey   map[string][]*Story
	// what each mention's evidence says, read once per mention rather
	// than once per comparison: a mention is compared with many
	memo map[*event.Mention]*said
	slab []said // where the next saids are
	// words and stems as numbers: comparing two sentences compares
	// integers, and a story's vocabulary hashes no strings
	intern map[string]uint32
	// the weight of each stem by its number, NaN until asked
	weights []float64
	// sums are weights of shared words already computed (see sum)
	sums map[sumKey]sumVal
	// sideIDs number the pairs of entities mentions name
	sideIDs map[sides]uint32
	// homed is what rehome last found each other story's references to
	// depend on, when none moved (see rehome)
	homed map[homeKey]homeState
	// clash is what clashes last answered for two stories
	clash  map[[2]*Story]clashState
	lists  [][]int32        // scratch of firstNear
	refs   []*event.Mention // scratch of references
	refIdx []int32          // scratch of references
	seen   []seen           // scratch of read
	lower  []byte           // scratch of read
	// lex is what reading found of each lower-case ASCII word
	lex  map[string]*lexEntry
	trig []uint32 // scratch of read
	// reading keeps the readings of stored mentions for the next merge
	// (see MergeIntoReading); nil for none
	reading *Reading
}

// key is what a mention shares with every mention of its story; "" for a
// mention that can join none (one-sided or undated).
func key(m *event.Mention) string {
	if m.Recipient.Code == "" || m.DateStart.IsZero() {
		return ""
	}
	f, a, r := family(m.Event), partyKey(m.Actor), partyKey(m.Recipient)
	if reciprocal[f] && r < a {
		a, r = r, a
	}
	return f + "|" + a + "|" + r
}

// partyKey is a party's country code, or its name when it has none.
func partyKey(p event.Party) string {
	if p.Code == "" {
		return "?" + strings.ToLower(p.Text)
	}
	return p.Code
}

func (x *index) put(s *Story) {
	x.stories = append(x.stories, s)
	seen := map[string]bool{}
	for _, m := range s.Mentions {
		if k := key(m); k != "" && !seen[k] {
			seen[k] = true
			x.byKey[k] = append(x.byKey[k], s)
		}
	}
}

// remove drops the stories folded into another.
func (x *index) remove(gone map[*Story]bool) {
	keep := func(ss []*Story) []*Story {
		out := ss[:0]
		for _, s := range ss {
			if !gone[s] {
				out = append(out, s)
			}
		}
		return out
	}
	if len(gone) == 0 {
		return
	}
	x.stories = keep(x.stories)
	// each key's list once, however many of a story's mentions share it
	keys := map[string]bool{}
	for g := range gone {
		for _, m := range g.Mentions {
			if k := x.key(m); k != "" && !keys[k] {
				keys[k] = true
				x.byKey[k] = keep(x.byKey[k])
			}
		}
	}
}

// Merge assigns StoryID to every mention and returns the stories, in a
// deterministic order whatever the order of the input.
func Merge(ms []event.Mention) []*Story {
	return MergeInto(nil, ms)
}

// MergeInto assigns StoryID to the new mentions, joining the stories of
// already stored mentions where they report the same event (incremental
// merging: an article ingested today joins yesterday's story). Stored
// mentions keep their story ids.
func MergeInto(stored []event.Mention, ms []event.Mention) []*Story {
	return MergeIntoReading(nil, stored, ms)
}

// newIndex is an empty index sized for stored and ms.
func newIndex(stored, ms []event.Mention) *index {
	return &index{byKey: map[string][]*Story{}, memo: make(map[*event.Mention]*said, len(stored)+len(ms)), sums: map[sumKey]sumVal{},
		sideIDs: map[sides]uint32{}, homed: map[homeKey]homeState{}, clash: map[[2]*Story]clashState{}}
}

// mergeStored is MergeInto on the index x.
func (x *index) mergeStored(stored []event.Mention, ms []event.Mention) []*Story {
	var stories []*Story
	byID := map[string]*Story{}
	for i := range stored {
		m := &stored[i]
		if m.StoryID == "" {
			continue
		}
		st, ok := byID[m.StoryID]
		if !ok {
			st = &Story{ID: m.StoryID, Event: family(m.Event)}
			byID[m.StoryID] = st
			stories = append(stories, st)
		}
		st.add(m)
	}
	for _, st := range stories {
		x.put(st)
	}
	return mergeNew(x, ms)
}

func mergeNew(x *index, ms []event.Mention) []*Story {
	idx := make([]int, len(ms))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		x, y := &ms[a], &ms[b]
		return cmp.Or(strings.Compare(x.Doc, y.Doc), cmp.Compare(x.SentStart, y.SentStart))
	})
	type match struct {
		s   *Story
		why reason
	}
	var scratch []match
	for _, i := range idx {
		m := &ms[i]
		m.Reference = isReference(m)
		found := scratch[:0]
		dm := x.said(m)
		if k := x.key(m); k != "" {
			for _, s := range x.byKey[k] {
				if ok, why := x.compatible(s, m, dm); ok {
					found = append(found, match{s, why})
				}
			}
		}
		var joined *Story
		var why reason
		switch {
		case len(found) == 1:
			joined, why = found[0].s, found[0].why
		case len(found) > 1:
			// m reports the event of several stories: they are one. Joining
			// them keeps the stories the connected groups of compatible
			// mentions, whatever order the mentions came in. A reference
			// is vaguer: it joins the reported story it shares most with,
			// never two events of different days.
			group := make([]*Story, 0, len(found))
			for _, f := range found {
				group = append(group, f.s)
			}
			into := lead(group)
			if m.Reference {
				into = x.best(group, m)
				keep := group[:0]
				for _, g := range group {
					if g == into || g.reports == 0 {
						keep = append(keep, g)
					}
				}
				group = keep
			}
			for _, f := range found {
				if f.s == into {
					why = f.why
				}
			}
			joined = fold(x, into, group)
		}
		if joined == nil {
			joined = &Story{ID: storyID(m), Event: family(m.Event)}
			joined.add(m)
			x.put(joined)
			m.StoryWhy = "first report"
			if m.Reference {
				m.StoryWhy = "first reference (known only from later accounts so far)"
			}
		} else {
			text := why.String()
			joined.Reasons = append(joined.Reasons, m.Doc+": "+text)
			m.StoryWhy = text
			joined.add(m)
		}
		m.StoryID = joined.ID
		if !m.Reference {
			rehome(x, joined, x.key(m))
		}
		scratch = found[:0]
	}
	return x.stories
}

// rehome takes into the story s the references of other reported stories
// that fit it better: their windows hold its reports and they share more
// with it than with the rest of their own story. A reference placed before
// the report of its event arrived (with another event of its window) thus
// ends where it would have gone had the report come first: the order of
// arrival does not decide.
func rehome(x *index, s *Story, k string) {
	if k == "" || s.reports == 0 {
		return
	}
	kn := x.id(k) // the key as a number, for homed
	for _, y := range x.byKey[k] {
		if y == s || y.reports == 0 || y.Event != s.Event || !y.mayHold(s.start, s.end) {
			continue
		}
		// Whether a reference of y moves depends only on s's span, the
		// words s has once and twice, the pairs s names, the words y has
		// twice and y's references: when none of these changed since y
		// was last looked at for s and none moved, none moves now. A busy
		// story is rehomed at every report that joins it, and after its
		// first days most of them change none of these.
		s.vocab(x)
		y.vocab(x)
		hk := homeKey{s, y, kn}
		state := homeState{s.start, s.end, s.vgen, s.pgen, y.vgen, y.refs}
		if x.homed[hk] == state {
			continue
		}
		var moved bool
		for _, o := range y.references(x, s.start, s.end) {
			// moving is for a clear case: the reports lie inside the
			// window itself, not only within the slack of its edge
			w := refWindow(o)
			inside := (w.start.IsZero() || !s.start.Before(w.start)) && !s.end.After(w.end)
			if !isReference(o) || !inside || x.key(o) != k || s.mayConflict(o) && s.conflicts(x, o) {
				continue
			}
			gain := x.gain(s, o)
			if gain < minShared {
				continue
			}
			// the rest of y keeps its reports (o is a reference), so o
			// leaves only for more shared words than the rest has
			if keep := x.identifiersWithout(y, o); gain <= keep {
				continue
			}
			gain, names := x.identifiers(s, o)
			o.StoryID = s.ID
			o.StoryWhy = fmt.Sprintf("joined as a reference: window %s contains %s; %s (more than with %s)",
				refWindow(o), span(s.start, s.end), sharedText(names, gain), y.ID)
			s.add(o)
			s.Took = append(s.Took, o)
			moved = true
		}
		if moved {
			kept := y.Mentions[:0]
			for _, p := range y.Mentions {
				if p.StoryID == y.ID {
					kept = append(kept, p)
				}
			}
			y.Mentions = kept
			y.rebuild()
			delete(x.homed, hk)
			continue
		}
		x.homed[hk] = state
	}
}

type homeKey struct {
	s, y *Story
	k    uint32
}

type homeState struct {
	start, end time.Time
	vgen, pgen uint64
	yvgen      uint64
	yRefs      int // a rebuild changes yvgen
}

type clashState struct {
	apgen, bpgen uint64
	clash        bool
}

// lead is the story a group folds into: the smallest ID among those with
// reports, else the smallest.
func lead(group []*Story) *Story {
	var into *Story
	for _, g := range group {
		switch {
		case into == nil,
			g.reports > 0 && into.reports == 0,
			(g.reports > 0) == (into.reports > 0) && g.ID < into.ID:
			into = g
		}
	}
	return into
}

// best is the story of a group a reference joins: among the stories with
// reports (two of which are two events), the one it shares most with;
// stories known only from references follow it if they agree.
func (x *index) best(group []*Story, m *event.Mention) *Story {
	var into *Story
	var top float64
	for _, g := range group {
		if g.reports == 0 {
			continue
		}
		sc, _ := x.identifiers(g, m)
		if into == nil || sc > top || sc == top && g.ID < into.ID {
			into, top = g, sc
		}
	}
	if into == nil {
		return lead(group)
	}
	return into
}

// agree reports whether two stories can be one event by their dates: two
// reported stories always (a mention reported both, within the slack); a
// reported one and one known from references when every reference's window
// holds the reports; two known from references when all their windows meet.
func agree(a, b *Story) bool {
	if a.reports > 0 && b.reports > 0 {
		return true
	}
	if a.reports > 0 || b.reports > 0 {
		if b.reports > 0 {
			a, b = b, a
		}
		for _, o := range b.Mentions {
			if !refWindow(o).contains(a.start, a.end) {
				return false
			}
		}
		return true
	}
	for _, o := range a.Mentions {
		for _, p := range b.Mentions {
			if !refWindow(o).overlaps(refWindow(p)) {
				return false
			}
		}
	}
	return true
}

// fold joins the other stories of group into into, unless two of them
// name different people for one side (see sides.conflict) or their dates
// cannot be one event's (see agree); those stay apart and only into joins
// the mention. It returns into; the folded stories leave the index. A
// folded story's ID is kept in Folded, so stored mentions can be moved.
func fold(x *index, into *Story, group []*Story) *Story {
	rest := make([]*Story, 0, len(group))
	for _, g := range group {
		if g != into {
			rest = append(rest, g)
		}
	}
	sort.Slice(rest, func(a, b int) bool { return rest[a].ID < rest[b].ID })
	var gone map[*Story]bool
	for _, g := range rest {
		if x.clashes(into, g) || !agree(into, g) {
			continue
		}
		if gone == nil {
			gone = map[*Story]bool{}
		}
		for _, o := range g.Mentions {
			o.StoryID = into.ID
			o.StoryWhy = "joined " + g.ID
		}
		into.add(g.Mentions...)
		into.Reasons = append(into.Reasons, g.Reasons...)
		into.Folded = append(append(into.Folded, g.ID), g.Folded...)
		into.Took = append(into.Took, g.Took...)
		gone[g] = true
	}
	x.remove(gone)
	return into
}

// clashes reports two stories with mentions naming different people for
// one side.
//
// The answer holds until either notes a new pair: the stories a mention
// finds compatible are mostly the same few again and again.
func (x *index) clashes(a, b *Story) bool {
	k := [2]*Story{a, b}
	if c, ok := x.clash[k]; ok && c.apgen == a.pgen && c.bpgen == b.pgen {
		return c.clash
	}
	c := clashState{a.pgen, b.pgen, false}
pairs:
	for p := range a.pairs {
		for q := range b.pairs {
			if p.conflict(q) {
				c.clash = true
				break pairs
			}
		}
	}
	x.clash[k] = c
	return c.clash
}

// compatible says whether m reports the same event as the story s: the
// same type family, and some mention of the story with the same dyad (either
// way round for reciprocal types), a date window within the slack and, across
// outlets, shared entities or wording. Comparing with every mention, not
// only the first, keeps the result independent of arrival order.
//
// A reference (see isReference) joins a story whose reports' dates its
// window holds, when the two share what identifies the event (see
// identifiers); a story known only from references takes a report whose day
// every reference's window holds, or a reference whose window meets them
// all. A reference never lets a report join a story of another day.
func (x *index) compatible(s *Story, m *event.Mention, dm *said) (bool, reason) {
	if family(m.Event) != s.Event || m.Recipient.Code == "" || m.DateStart.IsZero() {
		return false, reason{}
	}
	// No mention of the story may name other people on either side: two
	// senators' accusations of one prime minister are two stories even when
	// a third, unnamed mention would bridge them.
	if s.conflictsSaid(x, m, dm) {
		return false, reason{}
	}
	ref := isReference(m)
	w := refWindow(m)
	var why reason
	switch {
	case s.reports > 0 && ref:
		if !w.contains(s.start, s.end) {
			return false, reason{}
		}
		why = reason{dates: refContains, w: w, a: s.start, b: s.end}
	case s.reports > 0:
		if m.DateStart.After(s.end.Add(Slack)) || s.start.After(m.DateEnd.Add(Slack)) {
			return false, reason{}
		}
	default:
		// every mention's window meets a reference's, or holds a report
		if ref && !s.allMeet(w) || !ref && !s.allHold(m.DateStart, m.DateEnd) {
			return false, reason{}
		}
		if ref {
			why = reason{dates: refMeets, w: w}
		} else {
			why = reason{dates: reportInRefs, a: m.DateStart, b: m.DateEnd}
		}
	}
	same := func(o *event.Mention, do *said) bool { return x.sameEvent(o, m, do, dm) }
	if why.dates == noDates {
		if o, do := s.firstNear(x, m, same); o != nil {
			return true, reason{same: x.sameAs(o, m, do, dm)}
		}
		return false, reason{}
	}
	if s.datedApart(x, m) {
		return false, reason{} // one text dating them apart tells two events (see sameEvent)
	}
	if sum, _ := x.shared(s, x.readInto(m, dm).ids, 1, false); sum >= minShared {
		why.sum, why.names = x.identifiers(s, m)
		return true, why
	}
	// what merged such mentions before references were told apart still
	// does: the same people, or much the same wording
	if o, do := s.firstNear(x, m, same); o != nil {
		why.same = x.sameAs(o, m, do, dm)
		return true, why
	}
	return false, reason{}
}

// reason is why a mention joins a story, kept as its parts and written out
// (String) only for the story it joins: a mention is found compatible
// with several.
type reason struct {
	dates dateReason
	w     window
	a, b  time.Time
	// the identifiers shared (names set), or the mention it is the same
	// event as (same.o set)
	names []string
	sum   float64
	same  sameAs
}

type dateReason uint8

const (
	noDates      dateReason = iota
	refContains             // a reference whose window holds the story's reports
	refMeets                // a reference meeting the windows of a story known from references
	reportInRefs            // a report of an event known from references
)

// sameAs is the mention o of the story m is the same event as, with
// their saids: their similarity is computed only for the reason given.
type sameAs struct {
	o, m   *event.Mention
	do, dm *said
}

func (x *index) sameAs(o, m *event.Mention, do, dm *said) sameAs {
	x.readInto(o, do)
	x.readInto(m, dm)
	return sameAs{o, m, do, dm}
}

// String is built without fmt: each mention that joins a story writes one.
func (r reason) String() string {
	var dates string
	switch r.dates {
	case refContains:
		dates = "joined as a reference: window " + r.w.String() + " contains " + span(r.a, r.b)
	case refMeets:
		dates = "joined as a reference: window " + r.w.String() + " meets the windows of the story's references"
	case reportInRefs:
		dates = "a report of an event known from references: " + span(r.a, r.b) + " lies in their windows"
	}
	var what string
	if r.same.o != nil {
		m := r.same.m
		sim := similarity(r.same.do.words, r.same.dm.words)
		what = "same type " + m.Event + ", dyad " + m.Actor.Code + "→" + m.Recipient.Code + ", dates within " +
			strconv.Itoa(int(Slack.Hours()/24)) + " days of " + r.same.o.Doc + ", evidence similarity " + strconv.FormatFloat(sim, 'f', 2, 64)
	} else {
		what = sharedText(r.names, r.sum)
	}
	if dates == "" {
		return what
	}
	return dates + "; " + what
}

// sameEvent reports whether o and m tell one event (see compatible).
//
// do and dm are their saids.
func (x *index) sameEvent(o, m *event.Mention, do, dm *said) bool {
	same := sameDyad(o, m)
	if !same && reciprocal[family(m.Event)] {
		same = sameParty(&o.Actor, &m.Recipient) && sameParty(&o.Recipient, &m.Actor)
	}
	if !same || o.Recipient.Code == "" || o.DateStart.IsZero() {
		return false // a one-sided event is too vague to equate
	}
	if m.DateStart.After(o.DateEnd.Add(Slack)) || o.DateStart.After(m.DateEnd.Add(Slack)) {
		return false
	}
	if m.Doc == o.Doc && m.DateText != "" && o.DateText != "" && apart(m, o) {
		// one text dating two such events differently tells two events:
		// "arrested three days after the confrontation" and "indicted on
		// Monday"
		return false
	}
	if m.Doc != o.Doc && !sameEntities(o, m) && !(reciprocal[family(m.Event)] && sameEntities(o, swapped(m))) {
		return similarity(x.readInto(o, do).words, x.readInto(m, dm).words) >= minSimilarity
	}
	return true
}

// apart reports windows whose middles lie more than Slack apart.
func apart(a, b *event.Mention) bool {
	ma := a.DateStart.Add(a.DateEnd.Sub(a.DateStart) / 2)
	mb := b.DateStart.Add(b.DateEnd.Sub(b.DateStart) / 2)
	d := ma.Sub(mb)
	return d > Slack || d < -Slack
}

func sameDyad(a, b *event.Mention) bool {
	return sameParty(&a.Actor, &b.Actor) && sameParty(&a.Recipient, &b.Recipient)
}

// sameParty compares entity-level where both are known, else by country
// (a government and its officials are compatible). The parties are
// pointers: it is asked for every mention a new one is compared with.
func sameParty(a, b *event.Party) bool {
	if a.EntityID != "" && b.EntityID != "" && a.EntityID != b.EntityID {
		return false
	}
	if a.Code == "" && b.Code == "" && a.Text != "" {
		// names the knowledge base does not know: the same only by name
		return strings.EqualFold(a.Text, b.Text)
	}
	return a.Code == b.Code
}

func storyID(m *event.Mention) string {
	h := sha1.Sum([]byte(fmt.Sprintf("%s|%d|%s|%s|%s", m.Doc, m.SentStart, m.Event, m.Actor.Code, m.Recipient.Code)))
	return "S" + hex.EncodeToString(h[:6])
}

// minSimilarity is the least word overlap between two outlets' evidence
// sentences for mentions of the same dyad to be one story, unless both
// name the same people or groups on at least one side.
const minSimilarity = 0.08

func sameEntities(a, b *event.Mention) bool {
	if a.Actor.EntityID != "" || b.Actor.EntityID != "" {
		// who acted decides: Leahy's and an unnamed official's criticism of
		// one prime minister are not the same event by their target alone
		return a.Actor.EntityID == b.Actor.EntityID
	}
	return a.Recipient.EntityID != "" && a.Recipient.EntityID == b.Recipient.EntityID
}

var stopwords = map[string]bool{"the": true, "a": true, "an": true, "of": true, "to": true, "in": true, "on": true,
	"and": true, "or": true, "for": true, "with": true, "that": true, "said": true, "was": true, "is": true,
	"by": true, "at": true, "from": true, "as": true, "it": true, "its": true, "his": true, "her": true,
	"he": true, "she": true, "they": true, "has": true, "had": true, "have": true, "be": true, "been": true,
	"were": true, "are": true, "this": true, "which": true, "who": true, "will": true, "would": true}

// similarity is the Jaccard overlap of two sentences' content words (see
// words).
func similarity(wa, wb []uint32) float64 {
	if len(wa) == 0 || len(wb) == 0 {
		return 0
	}
	inter := 0
	for i, j := 0, 0; i < len(wa) && j < len(wb); {
		switch {
		case wa[i] == wb[j]:
			inter++
			i++
			j++
		case wa[i] < wb[j]:
			i++
		default:
			j++
		}
	}
	return float64(inter) / float64(len(wa)+len(wb)-inter)
}

// swapped is m with actor and recipient exchanged (reciprocal events are
// told either way round).
func swapped(m *event.Mention) *event.Mention {
	c := *m
	c.Actor, c.Recipient = m.Recipient, m.Actor
	return &c
}
