package timex

// kind is the shape of a parsed expression; spec holds its parts until it
// is resolved against a reference date and an anchor.
type kind uint8

const (
	kNone       kind = iota
	kDate            // y-m-d; y 0 = year from the reference ("March 3")
	kMonth           // y-m; y 0 = relative ("in September", "last June")
	kYear            // y
	kDecade          // the 1990s
	kYearSpan        // 2015-16
	kWeekday         // on Tuesday, last Tuesday, next Tuesday
	kRelDay          // today, yesterday, tomorrow, last night: ref + n days
	kRelUnit         // last week, this month, next year, the weekend (rel -1/0/+1)
	kAgo             // n units ago
	kPast            // the past n units, in recent months, recently: [ref - n units, ref]
	kComing          // the coming days, the next two weeks: [ref, ref + n units]
	kDuration        // for n units: [ref - n units, ref], or forwards when future
	kSeason          // summer 2014, last winter
	kHoliday         // New Year's Eve, Christmas
	kAnchor          // the following month, the next day, two days later: anchor + n units
	kAnchorWday      // the following Monday: the first such day after the anchor (rel +1) or before it (-1)
)

// part narrows a window to a part of it.
type part uint8

const (
	pWhole   part = iota
	pEarly        // early August: 1-10; early 2015: Jan-Apr
	pMid          // mid-September: 8-22; mid-2014: May-Aug
	pLate         // late December: 21-31; late 2015: Sep-Dec
	pEarlier      // earlier this month: from the start up to the day before the reference
	pLater        // later this year: from the day after the reference to the end
)

// Relations to the reference date for rel.
const (
	relLast = -1
	relThis = 0
	relNext = 1
	relBare = 2 // no determiner: direction comes from Options.Future
)

type spec struct {
	kind    kind
	y, m, d int  // calendar parts; y == 0 means not written
	y2      int  // last year of a year span
	wday    int  // weekday + 1; 0 = none
	rel     int  // relLast/relThis/relNext/relBare, or a signed offset for kRelDay and kAnchor
	yrel    int  // with hasYrel: "July last year" is yrel -1
	hasYrel bool //
	n       int  // a count of units
	unit    unit //
	part    part //
	season  int  //
	vague   bool // a fuzzy count or a fuzzy word ("recently", "for years"): the window widens
	approx  bool // a hedged count ("nearly a year ago"): the window stays, trust drops
	within  bool // kAgo: "less than three weeks ago" is any day from then to the reference
	forward bool // kDuration: "for another six months"
	exact   bool // kAnchor: "a week later" shifts the anchor by 7 days; "the following week" is the next calendar week
}

func (s spec) anchored() bool { return s.kind == kAnchor || s.kind == kAnchorWday }

// relative reports whether the window depends on the reference or an anchor.
func (s spec) relative() bool {
	switch s.kind {
	case kDate, kMonth, kSeason, kHoliday:
		return s.y == 0
	case kYear, kDecade, kYearSpan:
		return false
	}
	return true
}
