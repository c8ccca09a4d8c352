// warta's dashboard: fetches /api/* and draws with plain DOM and SVG.
// Every text from the store goes in through textContent, never as HTML.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const QUADS = [1, 2, 3, 4];

// ---- helpers ---------------------------------------------------------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  for (const c of children)
    if (c !== null && c !== undefined)
      node.append(c instanceof Node ? c : String(c));
  return node;
}

function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  setAttrs(node, attrs);
  if (text !== undefined) node.textContent = text;
  return node;
}

function setAttrs(node, attrs) {
  for (const [k, v] of Object.entries(attrs || {}))
    if (v !== null && v !== undefined) node.setAttribute(k, v);
}

async function api(path, options) {
  const res = await fetch(path, options);
  const body = await res.json();
  if (!res.ok) throw new Error(body.error || res.statusText);
  return body;
}

function showError(err) {
  document.getElementById("error").textContent = err ? err.message : "";
}

// The filter form as a query string (empty fields left out).
function filterQuery() {
  const form = document.getElementById("filters");
  const q = new URLSearchParams();
  for (const [k, v] of new FormData(form))
    if (v !== "") q.set(k, k === "undirected" ? "1" : v);
  return q;
}

// Goldstein -10..10 as a colour from red through grey to green.
function goldsteinColour(g) {
  const t = Math.max(-1, Math.min(1, g / 10));
  const grey = [150, 150, 150];
  const end = t < 0 ? [192, 57, 43] : [31, 140, 67];
  const mix = grey.map((c, i) => Math.round(c + (end[i] - c) * Math.abs(t)));
  return `rgb(${mix.join(",")})`;
}

// A sentence as text with the source, verb and target marked.
function sentenceView(segments) {
  const p = el("p", { class: "sentence" });
  for (const s of segments || [])
    p.append(s.role ? el("mark", { class: s.role, title: s.role }, s.text)
                    : s.text);
  return p;
}

// ---- timeline ----------------------------------------------------------

async function drawTimeline(q) {
  const by = document.getElementById("period").value;
  const params = new URLSearchParams(q);
  params.set("by", by);
  const { points } = await api("/api/series?" + params);
  const box = document.getElementById("timeline");
  box.replaceChildren();
  const W = 640, H = 240, L = 34, R = 34, T = 10, B = 34;
  box.append(svg("line", { class: "axis", x1: L, y1: H - B, x2: W - R, y2: H - B }));
  if (!points.length) {
    box.append(svg("text", { class: "tick", x: W / 2, y: H / 2,
                             "text-anchor": "middle" }, "no dated events"));
    return;
  }
  const max = Math.max(...points.map((p) => p.events));
  const step = (W - L - R) / points.length;
  const barW = Math.max(2, step * 0.7);
  const y = (n) => H - B - (n / max) * (H - T - B);
  const gy = (g) => T + ((10 - g) / 20) * (H - T - B);   // -10..10
  box.append(svg("text", { class: "tick", x: L - 4, y: T + 8,
                           "text-anchor": "end" }, max));
  box.append(svg("text", { class: "tick", x: W - R + 4, y: gy(10) + 8 }, "+10"));
  box.append(svg("text", { class: "tick", x: W - R + 4, y: gy(-10) }, "-10"));
  let line = "";
  points.forEach((p, i) => {
    const x = L + i * step + (step - barW) / 2;
    let base = 0;
    for (const quad of QUADS) {
      const n = p.quad[quad - 1];
      if (!n) continue;
      const bar = svg("rect", { class: `bar q${quad}`, x, width: barW,
                                y: y(base + n), height: y(base) - y(base + n) });
      bar.append(svg("title", {}, `${p.t}: ${n} events of QuadClass ${quad}`));
      box.append(bar);
      base += n;
    }
    const cx = x + barW / 2;
    // a period without events has no mean: the line breaks there
    if (p.goldstein !== null) {
      const prev = points[i - 1];
      line += `${i && prev.goldstein !== null ? "L" : "M"}${cx},${gy(p.goldstein)}`;
      const dot = svg("circle", { class: "point", cx, cy: gy(p.goldstein), r: 3,
                                  "data-t": p.t });
      dot.append(svg("title", {},
        `${p.t}: ${p.events} events, mean Goldstein ${p.goldstein.toFixed(1)}`));
      box.append(dot);
    }
    if (points.length <= 12 || i % Math.ceil(points.length / 8) === 0)
      box.append(svg("text", { class: "tick", x: cx, y: H - B + 14,
                               "text-anchor": "middle" }, p.t));
  });
  box.insertBefore(svg("path", { class: "goldstein", d: line }),
                   box.querySelector(".point"));
}

// ---- network -------------------------------------------------------------

// Dyads folded to countries (the first three letters of a code) unless
// full codes are asked for.
function networkData(dyads, full) {
  const key = (code) => (full ? code : code.slice(0, 3));
  const edges = new Map(), nodes = new Map();
  for (const d of dyads) {
    const a = key(d.source), b = key(d.target);
    if (!a || !b || a === b) continue;
    const [s, t] = a < b ? [a, b] : [b, a];
    const e = edges.get(s + "-" + t) || { s, t, events: 0, gsum: 0 };
    e.events += d.events;
    e.gsum += d.goldstein * d.events;
    edges.set(s + "-" + t, e);
    for (const n of [s, t]) nodes.set(n, (nodes.get(n) || 0) + d.events);
  }
  return { nodes: [...nodes.keys()], weight: nodes, edges: [...edges.values()] };
}

// A small force layout: nodes repel, edges pull, all drift to the centre.
// Starts from a circle, so the same data gives the same picture; then
// fitted to the box.
function layout(names, edges, W, H) {
  const pos = new Map();
  names.forEach((n, i) => {
    const a = (2 * Math.PI * i) / names.length;
    pos.set(n, { x: W / 2 + (W / 3) * Math.cos(a), y: H / 2 + (H / 3) * Math.sin(a) });
  });
  const k = Math.sqrt((W * H) / Math.max(1, names.length)) * 0.4;
  for (let iter = 0; iter < 300; iter++) {
    const force = new Map(names.map((n) => [n, { x: 0, y: 0 }]));
    for (const a of names)
      for (const b of names) {
        if (a >= b) continue;
        const pa = pos.get(a), pb = pos.get(b);
        const dx = pa.x - pb.x, dy = pa.y - pb.y;
        const d = Math.max(1, Math.hypot(dx, dy)), f = (k / d) ** 3;
        force.get(a).x += dx * f; force.get(a).y += dy * f;
        force.get(b).x -= dx * f; force.get(b).y -= dy * f;
      }
    for (const e of edges) {
      const pa = pos.get(e.s), pb = pos.get(e.t);
      const dx = pa.x - pb.x, dy = pa.y - pb.y;
      const d = Math.max(1, Math.hypot(dx, dy)), f = d / k;
      force.get(e.s).x -= (dx / d) * f * 2; force.get(e.s).y -= (dy / d) * f * 2;
      force.get(e.t).x += (dx / d) * f * 2; force.get(e.t).y += (dy / d) * f * 2;
    }
    const cool = 10 * (1 - iter / 300) + 0.5;
    for (const n of names) {
      const p = pos.get(n), f = force.get(n);
      f.x += (W / 2 - p.x) * 0.1; f.y += (H / 2 - p.y) * 0.1;
      const len = Math.max(1e-9, Math.hypot(f.x, f.y)), step = Math.min(len, cool);
      p.x += (f.x / len) * step;
      p.y += (f.y / len) * step;
    }
  }
  return fitInto(pos, W, H);
}

// Scale and move the layout to fill the box, keeping its proportions.
function fitInto(pos, W, H) {
  const xs = [...pos.values()].map((p) => p.x), ys = [...pos.values()].map((p) => p.y);
  const x0 = Math.min(...xs), y0 = Math.min(...ys);
  const w = Math.max(1, Math.max(...xs) - x0), h = Math.max(1, Math.max(...ys) - y0);
  const scale = Math.min((W - 60) / w, (H - 40) / h);
  const dx = (W - w * scale) / 2, dy = (H - h * scale) / 2;
  for (const p of pos.values()) {
    p.x = dx + (p.x - x0) * scale;
    p.y = dy + (p.y - y0) * scale;
  }
  return pos;
}

async function drawNetwork(q) {
  const params = new URLSearchParams(q);
  params.set("top", "300");
  const { dyads } = await api("/api/dyads?" + params);
  const full = document.getElementById("full-codes").checked;
  const { nodes, weight, edges } = networkData(dyads, full);
  const box = document.getElementById("network");
  box.replaceChildren();
  const W = 640, H = 360;
  if (!nodes.length) {
    box.append(svg("text", { class: "tick", x: W / 2, y: H / 2,
                             "text-anchor": "middle" }, "no dyads"));
    return;
  }
  const pos = layout(nodes, edges, W, H);
  const maxEvents = Math.max(...edges.map((e) => e.events));
  for (const e of edges) {
    const a = pos.get(e.s), b = pos.get(e.t), g = e.gsum / e.events;
    const line = svg("line", { class: "edge", x1: a.x, y1: a.y, x2: b.x, y2: b.y,
      stroke: goldsteinColour(g), "stroke-width": 1.5 + 6 * (e.events / maxEvents),
      "data-edge": `${e.s}-${e.t}` });
    line.append(svg("title", {},
      `${e.s} – ${e.t}: ${e.events} events, mean Goldstein ${g.toFixed(1)}`));
    box.append(line);
  }
  const maxWeight = Math.max(...weight.values());
  for (const n of nodes) {
    const p = pos.get(n);
    const g = svg("g", { class: "node", "data-node": n,
                         transform: `translate(${p.x},${p.y})` });
    g.append(svg("circle", { r: 6 + 10 * Math.sqrt(weight.get(n) / maxWeight) }));
    g.append(svg("text", { x: 0, y: 4, "text-anchor": "middle" }, n));
    g.addEventListener("click", () => {
      document.querySelector("#filters [name=actor]").value = n;
      refresh();
    });
    box.append(g);
  }
}

// ---- events table and one event ------------------------------------------

async function drawTable(q) {
  const params = new URLSearchParams(q);
  params.set("top", "1000");
  const { events } = await api("/api/events?" + params);
  document.getElementById("event-count").textContent =
    `(${events.length}${events.length === 1000 ? "+" : ""})`;
  const body = document.querySelector("#events tbody");
  body.replaceChildren();
  for (const e of events) {
    const row = el("tr", { "data-id": e.id },
      el("td", {}, e.date || "–"), el("td", {}, e.source), el("td", {}, e.code),
      el("td", {}, e.label), el("td", {}, e.target), modeCell(e),
      el("td", {}, e.quad),
      el("td", {}, e.goldstein), el("td", {}, e.place || ""),
      el("td", {}, e.mentions));
    row.addEventListener("click", () => {
      for (const r of body.querySelectorAll(".selected")) r.classList.remove("selected");
      row.classList.add("selected");
      showEvent(e.id).catch(showError);
    });
    body.append(row);
  }
}

// How the text told an event: its mode, marked when it is not "asserted",
// and whether it is historical.
function modeText(e) {
  return (e.mode || "asserted") + (e.historical ? " · historical" : "");
}

function modeCell(e) {
  return el("td", { class: `mode ${e.mode || "asserted"}` }, modeText(e));
}

// The relation of the tree that gave each side ("nsubj of 'met'"), or
// nothing when none was kept (older reports).
function relations(m) {
  if (!m.source_how && !m.target_how) return null;
  return el("div", { class: "entries relations" },
    `source by ${m.source_how || "–"} · target by ${m.target_how || "–"}`);
}

function fields(obj, names) {
  const dl = el("dl", { class: "fields" });
  for (const n of names)
    if (obj[n] !== null && obj[n] !== undefined && obj[n] !== "")
      dl.append(el("dt", {}, n), el("dd", {}, obj[n]));
  return dl;
}

function entries(m, verbKey) {
  return el("div", { class: "entries" },
    `source ${m.source_entry || "–"} · verb ${m[verbKey] || "–"} · target ${m.target_entry || "–"}`);
}

async function showEvent(id) {
  const { event, mentions } = await api(`/api/events/${id}`);
  const view = document.getElementById("event-view");
  view.replaceChildren(
    el("h2", {}, `Event ${event.id}: ${event.source} → ${event.target}, ` +
                 `${event.code} ${event.label}`),
    fields({ ...event, mode: modeText(event) },
           ["date", "precision", "mode", "quad", "goldstein", "plover_type",
            "place", "place_country", "mentions", "sources", "articles"]));
  for (const m of mentions) {
    const link = m.url ? el("a", { href: m.url, rel: "noopener noreferrer",
                                   target: "_blank" }, m.article) : m.article;
    view.append(el("div", { class: "mention" },
      el("div", { class: "muted" }, link, ` · ${m.article_date || ""} · ` +
         `sentence ${m.sentence} · ${m.lang || ""}` +
         (m.historical ? " · historical report" : "")),
      sentenceView(m.segments), entries(m, "rule"), relations(m)));
  }
  view.hidden = false;
  view.scrollIntoView({ block: "nearest" });
}

// ---- code a text -----------------------------------------------------------

async function codeText(ev) {
  ev.preventDefault();
  const form = ev.target;
  const body = {};
  for (const [k, v] of new FormData(form))
    if (v) body[k] = k === "historical" ? true : v;
  const status = document.getElementById("code-status");
  const out = document.getElementById("code-results");
  status.textContent = "coding…";
  out.replaceChildren();
  try {
    const r = await api("/api/code", { method: "POST",
      headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    status.textContent = `${r.events.length} events from ${r.sentences} ` +
                         `sentences (language ${r.lang})`;
    for (const e of r.events)
      out.append(el("div", { class: "coded" },
        el("strong", {}, `${e.source.code} → ${e.target.code}  ${e.code} ${e.label}`),
        el("span", { class: `mode ${e.mode}` }, `  ${modeText(e)}`),
        el("span", { class: "muted" }, `  ${e.date || ""} ${e.place ? "· " + e.place.name : ""}`),
        sentenceView(e.segments),
        el("div", { class: "entries" },
           `source ${e.source.entry} · verb ${e.explain.rule} · target ${e.target.entry}`),
        relations(e.explain)));
  } catch (err) {
    status.textContent = err.message;
  }
}

// ---- wiring --------------------------------------------------------------

async function refresh() {
  showError(null);
  const q = filterQuery();
  try {
    await Promise.all([drawTimeline(q), drawNetwork(q), drawTable(q)]);
  } catch (err) {
    showError(err);
  }
}

async function drawStats() {
  const s = await api("/api/stats");
  document.getElementById("stats").textContent =
    `${s.documents} articles · ${s.events} events · ${s.mentions} mentions`;
}

document.getElementById("filters").addEventListener("submit", (ev) => {
  ev.preventDefault();
  refresh();
});
document.getElementById("filters").addEventListener("reset", () =>
  setTimeout(refresh, 0));
document.getElementById("period").addEventListener("change", () =>
  drawTimeline(filterQuery()).catch(showError));
document.getElementById("full-codes").addEventListener("change", () =>
  drawNetwork(filterQuery()).catch(showError));
document.getElementById("code-form").addEventListener("submit", codeText);
drawStats().catch(showError);
refresh();
