package coder

import (
	"time"

	"github.com/dyad-project/dyad/internal/event"
)

// shareDates lets a mention dated only by its article take the date that
// the text gives the same exchange elsewhere: "Rubio has spoken with
// al-Sudani … as he encouraged Baghdad" and, a sentence later, "Rubio and
// al-Sudani spoke on Sunday". Only a recent, day-precise date of the same
// two parties is taken, so history is never pulled into the news.
func shareDates(ms []event.Mention, ref time.Time) {
	for i := range ms {
		m := &ms[i]
		if m.DateText != "" || m.DateStart.IsZero() || m.Background {
			continue
		}
		for j := range ms {
			o := &ms[j]
			if i == j || o.DateText == "" || o.Precision != "day" || !sameParties(m, o) {
				continue
			}
			if o.DateEnd.After(ref) || ref.Sub(o.DateStart) > 7*24*time.Hour {
				continue
			}
			m.DateStart, m.DateEnd, m.Precision, m.DateText = o.DateStart, o.DateEnd, o.Precision, o.DateText
			break
		}
	}
}

// sameParties compares two mentions' parties by entity where both name
// one, else by country, in either direction.
func sameParties(a, b *event.Mention) bool {
	same := func(x, y event.Party) bool {
		if x.EntityID != "" && y.EntityID != "" {
			return x.EntityID == y.EntityID
		}
		return x.Code != "" && x.Code == y.Code
	}
	return same(a.Actor, b.Actor) && same(a.Recipient, b.Recipient) ||
		same(a.Actor, b.Recipient) && same(a.Recipient, b.Actor)
}
