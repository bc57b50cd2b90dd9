package nlp

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
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
		{"It included New Zealand.[38] The British Government appointed him.[39][40] He left.",
			[]string{"It included New Zealand.[38]", "The British Government appointed him.[39][40]", "He left."}},
		{"See the list [a] below. [Editor's note] And x.[] Y.", []string{"See the list [a] below. [Editor's note] And x.[] Y."}},
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
	f.Add(strings.Repeat("é a.", 400))
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, sp := range Split(s) {
			if sp.Start < prev || sp.End < sp.Start || sp.End > len(s) || sp.End-sp.Start > MaxSentence {
				t.Fatalf("bad span %+v in %q", sp, s)
			}
			prev = sp.End
		}
	})
}

// TestSplitBounded: a run-on text is cut into pieces no longer than
// MaxSentence, at clause breaks where there are some, and nothing but
// spaces is lost between the pieces.
func TestSplitBounded(t *testing.T) {
	tests := []struct {
		name, text string
		cutAfter   string // the text every piece but the last ends with
	}{
		{"clauses", strings.Repeat("the ministry said the talks would resume, ", 200), ","},
		{"semicolons", strings.Repeat("troops moved north, then west; ", 300), ";"},
		{"words", strings.Repeat("word ", 1000), "word"},
		{"one token", strings.Repeat("a.", 3000), ""},
		{"multibyte token", strings.Repeat("الحكومة", 500), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spans := Split(tt.text)
			if len(spans) < 2 {
				t.Fatalf("%d spans for %d bytes", len(spans), len(tt.text))
			}
			var rebuilt strings.Builder
			for i, sp := range spans {
				piece := tt.text[sp.Start:sp.End]
				if len(piece) > MaxSentence || !utf8.ValidString(piece) {
					t.Fatalf("piece %d: %d bytes, valid UTF-8 %v", i, len(piece), utf8.ValidString(piece))
				}
				if i < len(spans)-1 && !strings.HasSuffix(piece, tt.cutAfter) {
					t.Errorf("piece %d ends %q, want a cut after %q", i, piece[len(piece)-10:], tt.cutAfter)
				}
				rebuilt.WriteString(piece)
			}
			if strip(rebuilt.String()) != strip(tt.text) {
				t.Error("text lost between the pieces")
			}
		})
	}
}

func strip(s string) string { return strings.Join(strings.Fields(s), "") }
