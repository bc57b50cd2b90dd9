package nlp

import (
	"reflect"
	"testing"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"One. Two.", []string{"One.", "Two."}},
		{"Susan E. Rice met Mr. Netanyahu. He left.", []string{"Susan E. Rice met Mr. Netanyahu.", "He left."}},
		{"The U.S. Embassy closed. It said “no.” Then it opened.", []string{"The U.S. Embassy closed.", "It said “no.”", "Then it opened."}},
		{"He said: \"Go.\" She went.", []string{"He said: \"Go.\"", "She went."}},
		{"Line one\nLine two.  \n\n Three", []string{"Line one", "Line two.", "Three"}},
		{"It rose 2.5 percent. Prices fell.", []string{"It rose 2.5 percent.", "Prices fell."}},
		{"Al-Abbasi went on Nov. 2 to Tehran.", []string{"Al-Abbasi went on Nov. 2 to Tehran."}},
		{"It is growing in Gaza.Early Friday, jets hit houses.", []string{"It is growing in Gaza.", "Early Friday, jets hit houses."}},
		{"The U.S.Embassy stays; see www.Example.com today.", []string{"The U.S.Embassy stays; see www.Example.com today."}},
		{"", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range Split(tt.in) {
			got = append(got, tt.in[s.Start:s.End])
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Split(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzSplit(f *testing.F) {
	f.Add("One. Two! Three? “Four.” Mr. X.\nY")
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, sp := range Split(s) {
			if sp.Start < prev || sp.End < sp.Start || sp.End > len(s) {
				t.Fatalf("bad span %+v in %q", sp, s)
			}
			prev = sp.End
		}
	})
}
