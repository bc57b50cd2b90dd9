package extract

import (
	"context"
	"reflect"
	"testing"
)

// TestPageTypes: the kinds a page declares (og:type, JSON-LD @type) reach
// the article for the relevance gate, once each, in document order.
func TestPageTypes(t *testing.T) {
	const para = `<p>The port authority said on Tuesday that talks with the union would resume next week, after a strike that halted the loading of grain ships for three days.</p>`
	tests := []struct {
		name, head string
		want       []string
	}{
		{"none", ``, nil},
		{"og", `<meta property="og:type" content="article">`, []string{"article"}},
		{"og and ld", `<meta property="og:type" content="article">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","author":{"@type":"Person","name":"A"},"publisher":{"@type":"Organization"}}</script>`,
			[]string{"article", "NewsArticle", "Person", "Organization"}},
		{"ld list", `<script type="application/ld+json">{"@type":["WebPage","ItemPage"]}</script>
<script type="application/ld+json">{"@type":"WebPage"}</script>`, []string{"WebPage"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := `<html><head><title>Talks</title>` + tt.head + `</head><body><article>` + para + para + `</article></body></html>`
			a, err := Extract(context.Background(), Input{Source: tt.name, Body: []byte(page), ContentType: "text/html"})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(a.PageTypes, tt.want) {
				t.Errorf("PageTypes = %q, want %q", a.PageTypes, tt.want)
			}
		})
	}
}
