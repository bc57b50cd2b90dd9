package timex

import (
	"testing"
	"time"
)

func FuzzFind(f *testing.F) {
	for _, r := range rows {
		f.Add(r.in, int64(0), r.future)
	}
	for _, s := range []string{
		"", "2016-05-20", "mid-", "mid-2014s", "1990s", "New Year’s Eve", "Sunday’s", "9999-99-99",
		"the following Monday", "for 999 decades", "Feb. 29", "in 2015-16 and 2099-2100",
		"a couple of weeks ago", "March 31 last year", "Sat, 1 Jan", "30th of February",
		"في الأسبوع الماضي", "\xff\xfe Tuesday", "2,000,000 years ago", "Christmas Day 2019",
	} {
		f.Add(s, int64(1424822400), false)
	}
	f.Fuzz(func(t *testing.T, s string, unix int64, future bool) {
		ref := time.Unix(unix%(1<<35), 0).UTC()
		anchor := dayW(day(ref))
		xs := Find(s, ref, Options{Future: future, Anchor: anchor})
		end := 0
		for _, x := range xs {
			if x.Start < end || x.End <= x.Start || x.End > len(s) || s[x.Start:x.End] != x.Text {
				t.Fatalf("bad offsets %d:%d (after %d) for %q in %q", x.Start, x.End, end, x.Text, s)
			}
			end = x.End
			w := x.Window
			if !w.IsZero() && w.End.Before(w.Start) {
				t.Fatalf("%q: window %v ends before it starts", x.Text, w)
			}
			if w2 := Resolve(x, ref, Options{Future: future, Anchor: anchor}); w2 != w {
				t.Fatalf("%q: Resolve gives %v, Find gave %v", x.Text, w2, w)
			}
		}
	})
}
