package article

import "time"

// DateCheck is what the content says about the printed date: the dated
// roles it names ("Secretary of State Mike Pompeo") place it in a window,
// and a printed date outside that window is a conflict. The coder fills it
// in; the store keeps it so listings, the API and the dashboard can show
// that a "2025" story is a 2020 one.
type DateCheck struct {
	// Checked is false for articles stored before dyad kept the check and
	// for text the coder does not read: nothing is known either way.
	Checked bool
	// Conflict: the printed date falls outside the content's window, so the
	// article's events are dated by Start..End instead.
	Conflict   bool
	Start, End time.Time // the content's window; zero when the content names no dated role
	Reasons    []string  // one line per dated role that fixed the window ("Mike Pompeo held foreign_minister 2018-04-26…2021-01-20")
	// Inconsistent lists titles the text itself gets wrong ("Iraq's Foreign
	// Minister Zarif"), a sign of a careless or recycled source.
	Inconsistent []string
}

// Window returns the content's window as "2020-05-07…2021-01-20" when the
// printed date conflicts with it, else "".
func (c DateCheck) Window() string {
	if !c.Conflict || c.Start.IsZero() {
		return ""
	}
	end := "now"
	if !c.End.IsZero() {
		end = c.End.Format(time.DateOnly)
	}
	return c.Start.Format(time.DateOnly) + "…" + end
}
