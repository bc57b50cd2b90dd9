// Package plover holds the PLOVER event ontology (types, modes, quad classes,
// intensity scores, contexts and sectors) and the CAMEO crosswalk used to
// read CAMEO-coded data and to export GDELT-style codes.
//
// All tables are embedded (data/) and parsed once on first use; they are
// never modified afterwards, so every function is safe for concurrent use.
package plover

import (
	"fmt"
	"strings"
)

// EventType is one of the 16 PLOVER event types, spelled as in PLOVER JSON.
type EventType string

// The PLOVER event types, in the manual's order.
const (
	Agree     EventType = "AGREE"
	Consult   EventType = "CONSULT"
	Support   EventType = "SUPPORT"
	Concede   EventType = "CONCEDE"
	Cooperate EventType = "COOPERATE"
	Aid       EventType = "AID"
	Retreat   EventType = "RETREAT"
	Request   EventType = "REQUEST"
	Accuse    EventType = "ACCUSE"
	Reject    EventType = "REJECT"
	Threaten  EventType = "THREATEN"
	Protest   EventType = "PROTEST"
	Sanction  EventType = "SANCTION"
	Mobilize  EventType = "MOBILIZE"
	Coerce    EventType = "COERCE"
	Assault   EventType = "ASSAULT"
)

var allTypes = [...]EventType{
	Agree, Consult, Support, Concede, Cooperate, Aid, Retreat, Request,
	Accuse, Reject, Threaten, Protest, Sanction, Mobilize, Coerce, Assault,
}

// Types returns the 16 event types in PLOVER order. The slice is a copy.
func Types() []EventType {
	out := make([]EventType, len(allTypes))
	copy(out, allTypes[:])
	return out
}

// Valid reports whether t is one of the 16 types.
func (t EventType) Valid() bool {
	_, ok := onto().types[t]
	return ok
}

// ParseType reads a type label, case-insensitively, and accepts the labels of
// earlier PLOVER drafts (DEMAND, DISAPPROVE, INVESTIGATE, FIGHT, YIELD).
func ParseType(s string) (EventType, bool) {
	t, _, ok := ParseLabel(s)
	return t, ok
}

// ParseLabel is ParseType that also returns the mode an old label implies
// (INVESTIGATE is ACCUSE with mode investigate); mode is "" otherwise.
func ParseLabel(s string) (t EventType, mode string, ok bool) {
	s = strings.ToUpper(strings.TrimSpace(s))
	o := onto()
	if _, ok := o.types[EventType(s)]; ok {
		return EventType(s), "", true
	}
	if old, ok := o.oldLabels[s]; ok {
		return old.typ, old.mode, true
	}
	return "", "", false
}

// QuadClass is the PLOVER/CAMEO quad category of an event type.
type QuadClass int

// The four quad classes, numbered as in PLOVER JSON's quad_code.
const (
	VerbalCooperation   QuadClass = 1
	MaterialCooperation QuadClass = 2
	VerbalConflict      QuadClass = 3
	MaterialConflict    QuadClass = 4
)

// String returns the PLOVER name, e.g. "verbal_cooperation".
func (q QuadClass) String() string {
	if name, ok := onto().quads[q]; ok {
		return name
	}
	return fmt.Sprintf("QuadClass(%d)", int(q))
}

// Quad returns the type's quad class, or 0 for an unknown type.
// SANCTION is material conflict (see data/ontology.yaml for why).
func (t EventType) Quad() QuadClass {
	if ti := onto().types[t]; ti != nil {
		return ti.quad
	}
	return 0
}

// Description returns the type's one-paragraph definition ("" if unknown).
func (t EventType) Description() string {
	if ti := onto().types[t]; ti != nil {
		return ti.description
	}
	return ""
}

// RequiresRecipient reports whether the manual makes a recipient mandatory.
func (t EventType) RequiresRecipient() bool {
	ti := onto().types[t]
	return ti != nil && ti.requiresRecipient
}
