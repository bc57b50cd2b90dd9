package extract

import (
	"context"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// TestBlockText checks that the text of an extracted content tree keeps
// one block a line and does not split words at inline markup.
func TestBlockText(t *testing.T) {
	tests := []struct {
		name, html, want string
	}{
		{"paragraphs", `<p>The minister said.</p><p>US Defense officials denied it.</p>`,
			"The minister said.\nUS Defense officials denied it.\n"},
		{"inline markup", `<p>He <b>said</b>: "no<i>thing</i>".</p>`, "He said: \"nothing\".\n"},
		{"line break", `<p>First line<br>second line</p>`, "First line\nsecond line\n"},
		{"list", `<ul><li>one</li><li>two</li></ul>`, "one\ntwo\n"},
		{"table row", `<table><tr><td>Name</td><td>Year</td></tr><tr><td>A</td><td>1990</td></tr></table>`,
			"Name Year\nA 1990\n"},
		{"white space", "<p>  a \n\t b  </p>\n<p>c</p>", "a b\nc\n"},
		{"tag names only", "", "one\ntwo\n"}, // trafilatura's trees carry no DataAtom
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var root *html.Node
			if tt.html == "" {
				root = &html.Node{Type: html.ElementNode, Data: "body"}
				for _, s := range []string{"one", "two"} {
					p := &html.Node{Type: html.ElementNode, Data: "p"}
					p.AppendChild(&html.Node{Type: html.TextNode, Data: s})
					root.AppendChild(p)
				}
			} else {
				nodes, err := html.ParseFragment(strings.NewReader(tt.html), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
				if err != nil {
					t.Fatal(err)
				}
				root = &html.Node{Type: html.ElementNode, Data: "body"}
				for _, n := range nodes {
					root.AppendChild(n)
				}
			}
			if got := blockText(root); got != tt.want {
				t.Errorf("blockText = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestHTMLParagraphBreaks: no HTML text loses its paragraph breaks (issue
// 16). go-trafilatura's ContentText joins all text with spaces, which glued
// paragraphs ("…said.US Defense officials") and left the line-based
// clean-up one line to look at.
func TestHTMLParagraphBreaks(t *testing.T) {
	const page = `<!doctype html><html><head><title>Strike near the base</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Strike near the base</h1>
<p>A drone struck a logistics depot near the airbase on Tuesday, two officials said, adding that no casualties had been reported so far and that the damage was being assessed.</p>
<p>US Defense officials said the attack was the third this month and that the Pentagon was weighing its response with allies in the region, according to a statement released late on Tuesday.</p>
<p>The government condemned the strike and summoned the ambassador, the foreign ministry said in a statement, calling the attack a violation of the country's sovereignty and of international law.</p>
</article><footer>© 2024 Example News</footer></body></html>`
	a, err := Extract(context.Background(), Input{Source: "t", Body: []byte(page), ContentType: "text/html"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"so far and that the damage was being assessed.\n\nUS Defense officials said",
		"late on Tuesday.\n\nThe government condemned"} {
		if !strings.Contains(a.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, a.Text)
		}
	}

	// Every corpus page long enough to hold several paragraphs has them.
	for _, p := range loadPages(t) {
		a, err := Extract(context.Background(), Input{Source: p.name, URL: p.url, Body: p.body, ContentType: "text/html"})
		if err != nil || len(a.Text) < 800 {
			continue
		}
		if !strings.Contains(a.Text, "\n\n") {
			t.Errorf("%s: %d bytes of text in one paragraph", p.name, len(a.Text))
		}
	}
}
