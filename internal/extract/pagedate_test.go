package extract

import (
	"strings"
	"testing"
)

// Publication dates of HTML pages (issue 17, extraction details): a day
// htmldate finds without a time of day is kept (go-trafilatura dropped an
// HtmlDateOverride without one), a link's dated address is not the page's
// date, and a UTC JSON-LD timestamp does not move the page's local day.
func TestPageDates(t *testing.T) {
	body := `<p>Iranian and American negotiators met in Muscat for a third round of indirect talks on the nuclear programme, officials said on Tuesday.</p>
<p>The Omani foreign minister carried messages between the two delegations, which sat in separate rooms of the same palace.</p>
<p>Both sides described the meeting as constructive and agreed to meet again next week, according to a statement.</p>`
	page := func(head, byline, aside string) string {
		return "<!DOCTYPE html><html><head><title>Talks resume</title>" + head + "</head><body><article><h1>Talks resume</h1>" +
			byline + body + "</article>" + aside + "</body></html>"
	}
	cases := []struct {
		name, html, want string
	}{
		{"byline day without a time", page("", `<p class="byline">By Jane Roe, March 3, 2026</p>`, ""), "2026-03-03"},
		{"a sidebar link's dated address is another page's",
			page("", "", `<aside><a href="/2003/06/24/regular-expressions">MT-Regex</a></aside>`), ""},
		{"JSON-LD in UTC, meta in the page's zone, same instant",
			page(`<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2017-02-24T01:18:13Z"}</script>
<meta property="article:published_time" content="2017-02-23T17:18:13-08:00">`, "", ""), "2017-02-23"},
		{"JSON-LD in UTC alone", page(`<script type="application/ld+json">{"datePublished":"2017-02-24T01:18:13Z"}</script>`, "", ""), "2017-02-24"},
		{"JSON-LD and meta on different days: JSON-LD wins",
			page(`<script type="application/ld+json">{"datePublished":"2017-02-20T01:00:00Z"}</script>
<meta property="article:published_time" content="2017-02-23T17:18:13-08:00">`, "", ""), "2017-02-20"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			hp, err := extractHTML(c.html, "")
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if !hp.Published.IsZero() {
				got = hp.Published.Format("2006-01-02")
			}
			if got != c.want {
				t.Errorf("published %q, want %q", got, c.want)
			}
			if !strings.Contains(hp.Text, "negotiators met in Muscat") {
				t.Errorf("text: %q", hp.Text)
			}
		})
	}
}
