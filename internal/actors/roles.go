package actors

import (
	"math"
	"time"
)

// holding is one role of one entity, indexed by country and office.
type holding struct {
	ent  *Entity
	role Role
}

// Get returns the entity with that id, or nil.
func (kb *KB) Get(id string) *Entity { return kb.byID[id] }

// Entities returns every entity, curated ones first.
func (kb *KB) Entities() []*Entity { return kb.entities }

func covers(ro Role, day time.Time) bool {
	return (ro.From.IsZero() || !day.Before(ro.From)) && (ro.To.IsZero() || day.Before(ro.To))
}

// RoleAt returns the role e held on day: the most senior if several (by the
// order of offices.yaml, then government before other sectors, then the
// entity's own country, then the latest begun); a zero day gives the latest role. Undated roles only
// answer when no dated role covers the day.
func (kb *KB) RoleAt(e *Entity, day time.Time) (Role, bool) {
	if e == nil || len(e.Roles) == 0 {
		return Role{}, false
	}
	if day.IsZero() {
		best := -1
		for i, ro := range e.Roles {
			if best < 0 || later(ro, e.Roles[best]) {
				best = i
			}
		}
		return e.Roles[best], true
	}
	best, undated := -1, -1
	for i, ro := range e.Roles {
		if !covers(ro, day) {
			continue
		}
		if ro.From.IsZero() && ro.To.IsZero() {
			if undated < 0 {
				undated = i
			}
			continue
		}
		if best < 0 || kb.senior(ro, e.Roles[best], e.Country) {
			best = i
		}
	}
	if best < 0 {
		best = undated
	}
	if best < 0 {
		return Role{}, false
	}
	return e.Roles[best], true
}

// later orders roles by start, an open role after a closed one.
func later(a, b Role) bool {
	if a.To.IsZero() != b.To.IsZero() {
		return a.To.IsZero()
	}
	return a.From.After(b.From)
}

func (kb *KB) senior(a, b Role, home string) bool {
	ra, rb := kb.officeRank(a.Office), kb.officeRank(b.Office)
	if ra != rb {
		return ra < rb
	}
	if (a.Sector == "GOV") != (b.Sector == "GOV") {
		return a.Sector == "GOV"
	}
	// one office held for several countries at once (a monarch of several
	// realms, a co-prince): the person's own country first
	if (a.Country == home) != (b.Country == home) {
		return a.Country == home
	}
	return a.From.After(b.From)
}

func (kb *KB) officeRank(key string) int {
	if r, ok := kb.rank[key]; ok {
		return r
	}
	return math.MaxInt
}

// Holder returns who held office in country on day (the latest appointed if
// the records overlap); a zero day asks for the current holder.
func (kb *KB) Holder(country, office string, day time.Time) (*Entity, Role, bool) {
	var best *holding
	for i, h := range kb.holders[country+"|"+office] {
		ok := covers(h.role, day)
		if day.IsZero() {
			ok = h.role.To.IsZero()
		}
		if ok && (best == nil || h.role.From.After(best.role.From)) {
			best = &kb.holders[country+"|"+office][i]
		}
	}
	if best == nil {
		return nil, Role{}, false
	}
	return best.ent, best.role, true
}

// Terms returns the earliest and latest dates of e's roles; a zero to means
// a role is still open (or no role ends).
func (kb *KB) Terms(e *Entity) (from, to time.Time) {
	if e == nil {
		return
	}
	open := false
	for _, ro := range e.Roles {
		if !ro.From.IsZero() && (from.IsZero() || ro.From.Before(from)) {
			from = ro.From
		}
		if ro.To.IsZero() {
			if !ro.From.IsZero() {
				open = true
			}
		} else if ro.To.After(to) {
			to = ro.To
		}
	}
	if open {
		to = time.Time{}
	}
	return from, to
}

func (kb *KB) indexHolders() {
	kb.holders = map[string][]holding{}
	for _, e := range kb.entities {
		for _, ro := range e.Roles {
			if ro.Office != "" && ro.Country != "" {
				k := ro.Country + "|" + ro.Office
				kb.holders[k] = append(kb.holders[k], holding{e, ro})
			}
		}
	}
}
