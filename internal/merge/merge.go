// Package merge groups event mentions into stories: one real-world event
// reported once or many times, in one article or across outlets.
package merge

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"sort"
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
	start    time.Time
	end      time.Time
}

// Merge assigns StoryID to every mention and returns the stories, in a
// deterministic order whatever the order of the input.
func Merge(ms []event.Mention) []*Story {
	idx := make([]int, len(ms))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		x, y := &ms[idx[a]], &ms[idx[b]]
		if x.Doc != y.Doc {
			return x.Doc < y.Doc
		}
		return x.SentStart < y.SentStart
	})
	var stories []*Story
	for _, i := range idx {
		m := &ms[i]
		var joined *Story
		var why string
		for _, s := range stories {
			if ok, reason := compatible(s, m); ok {
				joined, why = s, reason
				break
			}
		}
		if joined == nil {
			joined = &Story{ID: storyID(m), Event: family(m.Event), start: m.DateStart, end: m.DateEnd}
			stories = append(stories, joined)
		} else {
			joined.Reasons = append(joined.Reasons, fmt.Sprintf("%s: %s", m.Doc, why))
		}
		joined.Mentions = append(joined.Mentions, m)
		m.StoryID = joined.ID
	}
	return stories
}

// compatible says whether m reports the same event as the story s.
func compatible(s *Story, m *event.Mention) (bool, string) {
	if family(m.Event) != s.Event {
		return false, ""
	}
	first := s.Mentions[0]
	same := sameDyad(first, m)
	if !same && reciprocal[s.Event] {
		same = sameParty(first.Actor, m.Recipient) && sameParty(first.Recipient, m.Actor)
	}
	if !same {
		return false, ""
	}
	if m.DateStart.IsZero() || s.start.IsZero() {
		return false, ""
	}
	if m.DateStart.After(s.end.Add(Slack)) || s.start.After(m.DateEnd.Add(Slack)) {
		return false, ""
	}
	return true, fmt.Sprintf("same type %s, dyad %s→%s, overlapping dates", m.Event, m.Actor.Code, m.Recipient.Code)
}

func sameDyad(a, b *event.Mention) bool {
	return sameParty(a.Actor, b.Actor) && sameParty(a.Recipient, b.Recipient)
}

// sameParty compares entity-level where both are known, else by country
// (a government and its officials are compatible).
func sameParty(a, b event.Party) bool {
	if a.EntityID != "" && b.EntityID != "" && a.EntityID != b.EntityID {
		return false
	}
	return a.Code == b.Code
}

func storyID(m *event.Mention) string {
	h := sha1.Sum([]byte(fmt.Sprintf("%s|%d|%s|%s|%s", m.Doc, m.SentStart, m.Event, m.Actor.Code, m.Recipient.Code)))
	return "S" + hex.EncodeToString(h[:6])
}
