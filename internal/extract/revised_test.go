package extract

import (
	"testing"
	"time"
)

func TestRevisedPage(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"embed a day later", "Ceasefire agreed\nCNN\nFri, Sep 09, 2016\n\nThe deal was announced on Friday in Geneva by the two ministers.\n\nStrikes went on. pic.twitter.com/x — The White Helmets (@SyriaCivilDef) September 10, 2016\n\nMore text follows here about the talks and the ceasefire terms.", "2016-09-10"},
		{"caption a day later", "Truce talks\nUSA TODAY\nPublished 25 July 2014\n\nSmoke rises from a vehicle in Gaza City on Saturday, July 26. (Photo: AP)\n\nThe ministers met on Friday to discuss a truce in Gaza and the West Bank.", "2014-07-26"},
		{"embed before the date line is not a revision", "Old embed\nOutlet\nPublished 25 July 2014\n\nThe ministers met on Friday to discuss a truce in Gaza.\n\nA post. pic.twitter.com/y — Someone (@some) July 20, 2014", ""},
		{"a week later is a different story", "Later\nOutlet\nPublished 25 July 2014\n\nThe ministers met on Friday to discuss a truce in Gaza.\n\nA post. pic.twitter.com/y — Someone (@some) August 5, 2014", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := ParseText(tt.text)
			got := ""
			if !p.Updated.IsZero() {
				got = p.Updated.Format(time.DateOnly)
			}
			if got != tt.want {
				t.Errorf("Updated = %q, want %q (published %v)", got, tt.want, p.Published)
			}
		})
	}
}
