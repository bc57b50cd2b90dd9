package timex

import (
	"testing"
	"time"
)

func TestWithin(t *testing.T) {
	at := time.Date(2014, 7, 26, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		p    Precision
		want string
	}{
		{Day, "2014-07-26/2014-07-26"},
		{Month, "2014-07-01/2014-07-31"},
		{Year, "2014-01-01/2014-12-31"},
	} {
		w := Within(at, tt.p)
		if got := w.Start.Format(time.DateOnly) + "/" + w.End.Format(time.DateOnly); got != tt.want || w.Precision != tt.p {
			t.Errorf("Within(%s) = %s %s, want %s", tt.p, got, w.Precision, tt.want)
		}
	}
}
