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

// separate pushes apart nodes whose boxes overlap after the layout (cose
// treats them as points pulled together by their edges), along the axis
// where they overlap least, then fits the graph to its box again.
function separate(cy) {
  const gap = 60; // room for an arrow, or two curved ones, between two boxes
  const nodes = cy.nodes().toArray();
  for (let pass = 0; pass < 100; pass++) {
    let moved = false;
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i], b = nodes[j];
        const pa = a.position(), pb = b.position();
        const dx = (a.width() + b.width()) / 2 + gap - Math.abs(pa.x - pb.x);
        const dy = (a.height() + b.height()) / 2 + gap - Math.abs(pa.y - pb.y);
        if (dx <= 0 || dy <= 0) continue;
        moved = true;
        if (dx < dy) {
          const s = (pa.x < pb.x ? -1 : 1) * dx / 2;
          a.position({ x: pa.x + s, y: pa.y });
          b.position({ x: pb.x - s, y: pb.y });
        } else {
          const s = (pa.y < pb.y ? -1 : 1) * dy / 2;
          a.position({ x: pa.x, y: pa.y + s });
          b.position({ x: pb.x, y: pb.y - s });
        }
      }
    }
    if (!moved) break;
  }
  cy.fit(undefined, 20);
  // On a narrow screen the whole graph would be drawn too small to read:
  // names stay at 10 px or more, centred on the busiest node, and the
  // rest is a drag away.
  const smallest = Math.min(...nodes.map(n => n.data("font")));
  if (cy.zoom() * smallest < 10) {
    cy.zoom(10 / smallest);
    cy.center(cy.nodes().max(n => n.data("height")).ele);
  }
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
  // Each node is a box around its label, so that an arrow, which ends at
  // the node's border, never runs over the name, and no name hangs outside
  // its node for another node or arrow to cover. Activity sets its height
  // and type size.
  const ctx = document.createElement("canvas").getContext("2d");
  let x = 0; // nodes start in a row, apart, until the layout places them
  for (const n of nodes.values()) {
    const share = Math.sqrt(n.weight / heaviest);
    const font = Math.round(12 + 4 * share);
    ctx.font = "600 " + font + "px system-ui, sans-serif";
    const text = ctx.measureText(n.label).width;
    const height = Math.round(font + 10 + 14 * share);
    const width = Math.ceil(text + 18);
    els.push({ data: { id: n.id, label: n.label, font: font, height: height, width: width }, position: { x: x + width / 2, y: 0 } });
    x += width + 40;
  }
  const cy = cytoscape({
    container: box,
    elements: els,
    // no frame may be drawn with nodes on top of each other (cytoscape
    // warns of edges it cannot draw): they start in a row, then cose below
    layout: { name: "preset" },
    style: [
      { selector: "node", style: { label: "data(label)", shape: "round-rectangle", width: "data(width)", height: "data(height)",
        "background-color": "#34495e", color: "#fff", "font-size": "data(font)", "font-weight": 600,
        "font-family": "system-ui, sans-serif", "text-valign": "center", "text-halign": "center" } },
      { selector: "edge", style: { width: "data(width)", "line-color": "data(color)", "target-arrow-color": "data(color)",
        "target-arrow-shape": "triangle", "curve-style": "bezier", opacity: 0.75 } },
    ],
  });
  // edges as long as the boxes they join are wide, so names stay apart
  cy.layout({ name: "cose", animate: false, nodeDimensionsIncludeLabels: true, nodeRepulsion: () => 12000,
    idealEdgeLength: e => 60 + (e.source().data("width") + e.target().data("width")) / 2, nodeOverlap: 40, padding: 20 }).run();
  separate(cy);
  box.cy = cy; // for the browser tests, which check that no arrow or node covers a name
  cy.on("tap", "node", ev => {
    const id = ev.target.id();
    window.location.href = "/timeline?actor=" + encodeURIComponent(id);
  });
}

// labelCells gives every table cell its column's name, which the phone
// layout (app.css) shows before the value once rows become cards.
function labelCells(root) {
  root.querySelectorAll("table.list").forEach(t => {
    const heads = [...t.querySelectorAll("thead th")].map(th => th.textContent.trim());
    t.querySelectorAll("tbody tr").forEach(tr => {
      [...tr.children].forEach((td, i) => {
        if (heads[i] && td.colSpan === 1) td.dataset.label = heads[i];
      });
    });
  });
}

function init(root) {
  root.querySelectorAll("[data-series]").forEach(drawSeries);
  root.querySelectorAll("[data-graph]").forEach(drawNetwork);
  labelCells(root);
}

document.addEventListener("DOMContentLoaded", () => {
  init(document);
  // the timeline's filters swap its table in place
  document.body.addEventListener("htmx:afterSwap", ev => labelCells(ev.target));
});
