package server

import (
	"context"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// networkProblems lists, from the drawn graph, every name that is not
// readable: one outside its node (where arrows and other nodes run), one
// covered by another node, an arrowhead on a name, a name drawn smaller
// than 10 px, a node labelled with a bare code where a name is known.
const networkProblems = `(() => {
  const cy = document.getElementById('network').cy;
  const bad = [];
  const nodes = cy.nodes();
  const body = n => n.boundingBox({includeLabels: false, includeOverlays: false});
  const label = n => n.boundingBox({includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false});
  const inside = (a, b) => a.x1 >= b.x1 - 0.5 && a.x2 <= b.x2 + 0.5 && a.y1 >= b.y1 - 0.5 && a.y2 <= b.y2 + 0.5;
  const overlap = (a, b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
  nodes.forEach(n => {
    if (!inside(label(n), body(n))) bad.push('name outside its node: ' + n.data('label'));
    if (parseFloat(n.style('font-size')) * cy.zoom() < 10) bad.push('name under 10px: ' + n.data('label'));
    if (/^[A-Z]{3}$/.test(n.data('label'))) bad.push('a code for a name: ' + n.data('label'));
    nodes.forEach(m => { if (n !== m && overlap(label(n), body(m))) bad.push(m.data('label') + ' covers ' + n.data('label')); });
  });
  cy.edges().forEach(e => {
    const p = e.targetEndpoint();
    nodes.forEach(n => {
      const l = label(n);
      if (p.x > l.x1 && p.x < l.x2 && p.y > l.y1 && p.y < l.y2) bad.push('arrowhead of ' + e.id() + ' on ' + n.data('label'));
    });
  });
  return bad;
})()`

// TestBrowserDashboard checks the pages an analyst meets first: the
// network's names readable in its default window, the most active actors,
// the alerts' evidence, and every page at a phone's width.
func TestBrowserDashboard(t *testing.T) {
	b := newBrowser(t)
	now := time.Now().UTC()
	srv := httptest.NewServer(newServer(t, Config{Store: busyFixture(t), Actors: testKB(), Token: testToken,
		RulesPath: filepath.Join(t.TempDir(), "watch.yaml"), Alerts: alertList{testAlert(t, now)}, Now: func() time.Time { return now }}))
	defer srv.Close()
	b.base = srv.URL

	for _, mode := range []string{"countries", "actors"} {
		t.Run("network names are readable: "+mode, func(t *testing.T) {
			b.run(t, chromedp.Navigate(b.base+"/network?nodes="+mode), chromedp.WaitVisible("#network canvas"), settle())
			nodes := value(t, b, chromedp.Evaluate[int](`document.getElementById('network').cy.nodes().length`))
			bad := value(t, b, chromedp.Evaluate[[]string](networkProblems))
			b.screenshot(t, "network-"+mode)
			if nodes < 8 {
				t.Errorf("the default window shows %d nodes", nodes)
			}
			if len(bad) > 0 {
				t.Errorf("network: %q", bad)
			}
			if probs := b.takeProblems(); len(probs) > 0 {
				t.Errorf("network: %v", probs)
			}
		})
	}

	t.Run("no page is wider than a phone", func(t *testing.T) {
		pages := []struct{ path, ready string }{
			{"/", "table.stories"}, {"/timeline", "table.events"}, {"/dyads", "table.dyads"},
			{"/dyads/USA/IRQ", "#series-chart .uplot canvas"}, {"/network", "#network canvas"}, {"/map", "svg.worldmap"},
			{"/stories/S1", "mark.evidence"}, {"/articles", "table.articles"}, {"/articles/1", "article.text"},
			{"/actors", "table.active-actors"}, {"/actors/Q1", "table.roles"}, {"/alerts", "section.alert"},
			{"/ingest", "form.edit"},
		}
		ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
		err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844))
		cancel()
		if err != nil {
			t.Fatal(err)
		}
		defer chromedp.Do(b.ctx, chromedp.EmulateViewport(1280, 900))
		for _, p := range pages {
			b.run(t, chromedp.Navigate(b.base+p.path), chromedp.WaitVisible(p.ready), settle())
			wide := value(t, b, chromedp.Evaluate[[]string](`(() => {
  const w = document.documentElement.clientWidth;
  const out = [];
  if (document.documentElement.scrollWidth > w) out.push('page ' + document.documentElement.scrollWidth + 'px');
  document.querySelectorAll('main *').forEach(el => {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > w + 1 && !el.closest('.network')) out.push(el.tagName.toLowerCase() + '.' + el.className + ' to ' + Math.round(r.right) + 'px');
  });
  return out.slice(0, 5);
})()`))
			b.screenshot(t, "phone"+strings.ReplaceAll(p.path, "/", "-"))
			if p.path == "/network" {
				wide = append(wide, value(t, b, chromedp.Evaluate[[]string](networkProblems))...)
			}
			if len(wide) > 0 {
				t.Errorf("%s at 390px: %q", p.path, wide)
			}
		}
		if probs := b.takeProblems(); len(probs) > 0 {
			t.Errorf("phone pages: %v", probs)
		}
	})
}
