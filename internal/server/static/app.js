// dyad dashboard: draws the charts whose data the server put in
// <script type="application/json"> blocks. No inline script anywhere: the
// Content-Security-Policy allows only files from this origin.
"use strict";

function readData(id) {
  const el = document.getElementById(id);
  return el ? JSON.parse(el.textContent) : null;
}

function drawSeries(box) {
  const s = readData(box.dataset.series);
  if (!s || typeof uPlot === "undefined") return;
  if (s.points.length === 0) {
    box.textContent = "No events between these countries.";
    return;
  }
  const xs = s.points.map(p => Date.parse(p.start + "T00:00:00Z") / 1000);
  const data = [xs, s.points.map(p => p.conflict), s.points.map(p => p.cooperation), s.points.map(p => p.stories)];
  const opts = {
    width: Math.max(320, box.clientWidth),
    height: 320,
    scales: { x: { time: true } },
    series: [
      {},
      { label: "conflict", stroke: "#c0392b", width: 2, fill: "rgba(192,57,43,0.08)" },
      { label: "cooperation", stroke: "#2471a3", width: 2, fill: "rgba(36,113,163,0.08)" },
      { label: "stories", stroke: "#7f8c8d", width: 1, dash: [4, 4] },
    ],
    axes: [{}, { label: "mentions per " + s.bucket }],
  };
  box.textContent = "";
  new uPlot(opts, data, box);
}

function drawNetwork(box) {
  const edges = readData(box.dataset.graph);
  if (!edges || typeof cytoscape === "undefined") return;
  if (edges.length === 0) {
    box.textContent = "No events in this period.";
    return;
  }
  const nodes = new Map();
  const els = [];
  let most = 1;
  for (const e of edges) most = Math.max(most, e.events);
  for (const e of edges) {
    for (const [id, label] of [[e.source, e.source_label], [e.target, e.target_label]]) {
      const n = nodes.get(id) || { id: id, label: label || id, weight: 0 };
      n.weight += e.events;
      nodes.set(id, n);
    }
    const hostile = e.conflict > e.cooperation;
    els.push({ data: { id: e.source + "->" + e.target, source: e.source, target: e.target,
      width: 1 + 7 * e.events / most, color: hostile ? "#c0392b" : "#2471a3", label: String(e.events) } });
  }
  let heaviest = 1;
  for (const n of nodes.values()) heaviest = Math.max(heaviest, n.weight);
  for (const n of nodes.values()) {
    els.push({ data: { id: n.id, label: n.label, size: 18 + 40 * Math.sqrt(n.weight / heaviest) } });
  }
  const cy = cytoscape({
    container: box,
    elements: els,
    layout: { name: "cose", animate: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 110 },
    style: [
      { selector: "node", style: { label: "data(label)", width: "data(size)", height: "data(size)",
        "background-color": "#34495e", color: "#222", "font-size": 11, "text-valign": "bottom", "text-margin-y": 4 } },
      { selector: "edge", style: { width: "data(width)", "line-color": "data(color)", "target-arrow-color": "data(color)",
        "target-arrow-shape": "triangle", "curve-style": "bezier", opacity: 0.75 } },
    ],
  });
  cy.on("tap", "node", ev => {
    const id = ev.target.id();
    window.location.href = "/timeline?actor=" + encodeURIComponent(id);
  });
}

function init(root) {
  root.querySelectorAll("[data-series]").forEach(drawSeries);
  root.querySelectorAll("[data-graph]").forEach(drawNetwork);
}

document.addEventListener("DOMContentLoaded", () => init(document));
