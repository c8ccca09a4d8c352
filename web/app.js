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

const DAY = 86400000;

// A period's label ("2024-03-12", "2024-03", "2024") as the UTC time of
// its first day, and the first day of the period after it.
function periodStart(t) {
  const [y, m = 1, d = 1] = t.split("-").map(Number);
  return Date.UTC(y, m - 1, d);
}
function periodEnd(t, by) {
  const s = new Date(periodStart(t));
  if (by === "day") return s.getTime() + DAY;
  if (by === "week") return s.getTime() + 7 * DAY;
  if (by === "month") return Date.UTC(s.getUTCFullYear(), s.getUTCMonth() + 1, 1);
  return Date.UTC(s.getUTCFullYear() + 1, 0, 1);
}

// The finest period that shows the span in at most MAX_PERIODS bars:
// days for weeks, weeks for months, months for years, years beyond.
const MAX_PERIODS = 120;
function periodFor(first, last) {
  const days = (last - first) / DAY + 1;
  if (days <= MAX_PERIODS) return "day";
  if (days / 7 <= MAX_PERIODS) return "week";
  if (days / 30.44 <= MAX_PERIODS) return "month";
  return "year";
}

// The period asked, or for "auto" the one the selected range calls for:
// from `from` and `to` when both are set, else from the first and the
// last dated event (two one-row queries on the date index; a series
// would read every event).
async function chosenPeriod(q) {
  const asked = document.getElementById("period").value;
  if (asked !== "auto") return asked;
  if (q.get("from") && q.get("to"))
    return periodFor(Date.parse(q.get("from")), Date.parse(q.get("to")));
  const end = async (sort) => {
    const params = new URLSearchParams(q);
    params.set("sort", sort);
    params.set("top", "1");
    if (!params.get("from")) params.set("from", "0001-01-01");  // dated ones
    const { events } = await api("/api/events?" + params);
    return events.length ? Date.parse(events[0].date) : null;
  };
  const [first, last] = await Promise.all([end("date:asc"), end("date:desc")]);
  return first === null ? "month" : periodFor(first, last);
}

// Ticks for 0..max: round steps, at most about five.
function ticks(max) {
  const raw = max / 4, mag = 10 ** Math.floor(Math.log10(Math.max(1, raw)));
  const step = [1, 2, 5, 10].map((k) => k * mag).find((s) => s >= raw) || mag;
  const out = [];
  for (let v = 0; v <= max; v += step) out.push(v);
  return out;
}

// Dates along the axis: the first day of years, or of months, or days,
// whichever gives four to ten of them in [t0, t1).
function timeTicks(t0, t1) {
  const out = [];
  const first = new Date(t0);
  for (const months of [120, 60, 24, 12, 6, 3, 1]) {
    out.length = 0;
    let y = first.getUTCFullYear(), m = 0;
    for (let t = Date.UTC(y, m, 1); t < t1; t = Date.UTC(y, (m += months), 1))
      if (t >= t0) out.push({ t, label: months >= 12 ? String(new Date(t).getUTCFullYear())
                                                      : new Date(t).toISOString().slice(0, 7) });
    if (out.length >= 4) return out.length <= 10 ? out : out.filter((_, i) => i % 2 === 0);
  }
  const step = Math.max(1, Math.ceil((t1 - t0) / DAY / 7));
  out.length = 0;
  for (let t = t0; t < t1; t += step * DAY)
    out.push({ t, label: new Date(t).toISOString().slice(0, 10) });
  return out;
}

// Events per period, stacked by QuadClass, on an axis proportional to
// time (a period without events is a gap of its length), with the mean
// Goldstein on its own axis (-10..+10) and its zero line.
async function drawTimeline(q) {
  const by = await chosenPeriod(q);
  const params = new URLSearchParams(q);
  params.set("by", by);
  const { points } = await api("/api/series?" + params);
  const box = document.getElementById("timeline");
  box.replaceChildren();
  box.dataset.by = by;
  document.getElementById("period-shown").textContent =
    document.getElementById("period").value === "auto" ? `(per ${by})` : "";
  const W = 640, H = 240, L = 40, R = 34, T = 10, B = 34;
  box.append(svg("line", { class: "axis", x1: L, y1: H - B, x2: W - R, y2: H - B }));
  if (!points.length) {
    box.append(svg("text", { class: "tick", x: W / 2, y: H / 2,
                             "text-anchor": "middle" }, "no dated events"));
    return;
  }
  const t0 = periodStart(points[0].t);
  const t1 = periodEnd(points[points.length - 1].t, by);
  const x = (t) => L + ((t - t0) / (t1 - t0)) * (W - L - R);
  const max = Math.max(1, ...points.map((p) => p.events));
  const y = (n) => H - B - (n / max) * (H - T - B);
  const gy = (g) => T + ((10 - g) / 20) * (H - T - B);   // -10..10
  for (const v of ticks(max))
    box.append(svg("text", { class: "tick", x: L - 4, y: y(v) + 3,
                             "text-anchor": "end" }, v));
  for (const g of [-10, -5, 0, 5, 10])
    box.append(svg("text", { class: "tick gs-tick", x: W - R + 4, y: gy(g) + 3 },
                   g > 0 ? `+${g}` : g));
  box.append(svg("line", { class: "zero", x1: L, x2: W - R, y1: gy(0), y2: gy(0) }));
  for (const tick of timeTicks(t0, t1)) {
    box.append(svg("line", { class: "axis", x1: x(tick.t), x2: x(tick.t),
                             y1: H - B, y2: H - B + 4 }));
    box.append(svg("text", { class: "tick", x: x(tick.t), y: H - B + 15,
                             "text-anchor": "middle" }, tick.label));
  }
  let line = "", prev = null;
  for (const p of points) {
    const x0 = x(periodStart(p.t)), x1 = x(periodEnd(p.t, by));
    const barW = Math.max(1, (x1 - x0) * 0.8), bx = x0 + (x1 - x0 - barW) / 2;
    let base = 0;
    for (const quad of QUADS) {
      const n = p.quad[quad - 1];
      if (!n) continue;
      const bar = svg("rect", { class: `bar q${quad}`, x: bx, width: barW,
                                y: y(base + n), height: y(base) - y(base + n),
                                "data-t": p.t });
      bar.append(svg("title", {}, `${p.t}: ${n} events of QuadClass ${quad}`));
      box.append(bar);
      base += n;
    }
    const cx = (x0 + x1) / 2;
    // a period without events has no mean: the line breaks there
    if (p.goldstein !== null) {
      line += `${prev && prev.goldstein !== null ? "L" : "M"}${cx},${gy(p.goldstein)}`;
      const dot = svg("circle", { class: "point", cx, cy: gy(p.goldstein), r: 3,
                                  "data-t": p.t });
      dot.append(svg("title", {},
        `${p.t}: ${p.events} events, mean Goldstein ${p.goldstein.toFixed(1)}`));
      box.append(dot);
    }
    prev = p;
  }
  box.insertBefore(svg("path", { class: "goldstein", d: line }),
                   box.querySelector(".point"));
  brushable(box, (a, b) => {                  // a drag sets from and to
    const date = (px) => new Date(t0 + ((px - L) / (W - L - R)) * (t1 - t0))
      .toISOString().slice(0, 10);
    setField("from", date(Math.max(L, a)));
    setField("to", date(Math.min(W - R, b) - 0.01));
    refresh(true);
  });
}

// Dragging across box: a shaded band, then done(left, right) in the
// box's own units (its viewBox), unless the drag was only a click.
function brushable(box, done) {
  const toBox = (ev) => {
    const r = box.getBoundingClientRect();
    return ((ev.clientX - r.left) / r.width) * box.viewBox.baseVal.width;
  };
  let from = null, band = null;
  box.onpointerdown = (ev) => {
    from = toBox(ev);
    band = svg("rect", { class: "brush", x: from, y: 0, width: 0,
                         height: box.viewBox.baseVal.height });
    box.append(band);
    box.setPointerCapture(ev.pointerId);
  };
  box.onpointermove = (ev) => {
    if (from === null) return;
    const at = toBox(ev);
    band.setAttribute("x", Math.min(from, at));
    band.setAttribute("width", Math.abs(at - from));
  };
  box.onpointerup = (ev) => {
    if (from === null) return;
    const at = toBox(ev), a = Math.min(from, at), b = Math.max(from, at);
    from = null;
    band.remove();
    if (b - a > 4) done(a, b);
  };
}

// ---- map -----------------------------------------------------------------

// The countries of Natural Earth's 1:110m map (compiled in as /world.json,
// TopoJSON) on an equirectangular projection from 84°N to 58°S (no
// Antarctica), and the places of the selected events on it.
const MAP_W = 640, MAP_H = 252, MAP_N = 84, MAP_S = -58;
const project = (lon, lat) =>
  [((lon + 180) / 360) * MAP_W, ((MAP_N - lat) / (MAP_N - MAP_S)) * MAP_H];

// TopoJSON's arcs are quantised and delta-coded: back to lon/lat.
function decodeArcs(topo) {
  const [sx, sy] = topo.transform.scale, [tx, ty] = topo.transform.translate;
  return topo.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => [(x += dx) * sx + tx, (y += dy) * sy + ty]);
  });
}

// Each country as one SVG path ("M...Z" per ring); a ring's step across
// the antimeridian starts a new stroke rather than a line across the map.
function countryPaths(topo) {
  const countries = topo.objects && topo.objects.countries;
  if (!countries || !topo.arcs) return null;
  const arcs = decodeArcs(topo);
  const arcPoints = (i) => (i < 0 ? arcs[~i].slice().reverse() : arcs[i]);
  const ring = (ids) => {
    let d = "", prev = null;
    for (const [k, id] of ids.entries())
      for (const p of arcPoints(id).slice(k ? 1 : 0)) {
        const [x, y] = project(p[0], p[1]);
        d += (prev === null || Math.abs(p[0] - prev) > 180 ? "M" : "L") +
             x.toFixed(1) + "," + y.toFixed(1);
        prev = p[0];
      }
    return d + "Z";
  };
  return countries.geometries
    .filter((g) => g.properties?.name !== "Antarctica")
    .map((g) => {
      const polys = g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [];
      return { name: g.properties?.name || "", d: polys.flat().map(ring).join("") };
    });
}

let world = null;
function worldMap() {
  if (!world) world = fetch("/world.json").then((r) => r.json()).then(countryPaths);
  return world;
}

async function drawMap(q) {
  const params = new URLSearchParams(q);
  params.set("top", "500");
  const [countries, { places }] = await Promise.all([worldMap(), api("/api/places?" + params)]);
  const box = document.getElementById("map");
  box.replaceChildren(svg("rect", { class: "sea", width: MAP_W, height: MAP_H }));
  document.getElementById("map-note").textContent = countries ? "" :
    "This warta was built without the world map's countries (npm's world-atlas: " +
    "sh scripts/install-deps.sh map, then make); the places are on a blank map.";
  for (const c of countries || []) {
    const path = svg("path", { class: "land", d: c.d });
    path.append(svg("title", {}, c.name));
    box.append(path);
  }
  const max = Math.max(1, ...places.map((p) => p.events));
  // the largest first, so that a small place over a large one can be clicked
  for (const p of [...places].sort((a, b) => b.events - a.events)) {
    if (p.lat === null || p.lon === null || p.lat < MAP_S || p.lat > MAP_N) continue;
    const [cx, cy] = project(p.lon, p.lat);
    const dot = svg("circle", { class: "place", cx, cy, r: 2.5 + 9 * Math.sqrt(p.events / max),
      fill: goldsteinColour(p.goldstein ?? 0), "data-place": p.place, "data-country": p.country });
    dot.append(svg("title", {}, `${p.place}${p.country ? " (" + p.country + ")" : ""}: ` +
      `${p.events} events, mean Goldstein ${p.goldstein === null ? "–" : p.goldstein.toFixed(1)}`));
    dot.addEventListener("click", () => {
      setField("place", p.place);
      setField("country", p.country || "");
      refresh(true);
    });
    box.append(dot);
  }
  if (!places.length)
    box.append(svg("text", { class: "tick", x: MAP_W / 2, y: MAP_H / 2,
                             "text-anchor": "middle" }, "no geocoded events"));
}

// ---- network -------------------------------------------------------------

// The country codes (data/countries.tsv, compiled in): a node that is
// neither one nor an international body (IGO and its own three letters)
// is unknown (---) or generic (GOV, REB, NGO...), hidden unless asked.
let countryList = null;
function countryCodes() {
  if (!countryList) countryList = api("/countries.json").then((list) => new Set(list));
  return countryList;
}
const specific = (countries, code) =>
  countries.has(code.slice(0, 3)) || /^IGO[A-Z]{3}/.test(code);
const MAX_NODES = 60;

// The dyads as directed edges between the nodes shown: the MAX_NODES with
// the most events (the API has folded codes to countries already unless
// full codes are asked).
function networkData(dyads, keep) {
  const weight = new Map();
  for (const d of dyads)
    if (d.source !== d.target && keep(d.source) && keep(d.target))
      for (const n of [d.source, d.target])
        weight.set(n, (weight.get(n) || 0) + d.events);
  const all = [...weight.keys()].sort((a, b) => weight.get(b) - weight.get(a));
  const nodes = all.slice(0, MAX_NODES), shown = new Set(nodes);
  const edges = dyads.filter((d) => shown.has(d.source) && shown.has(d.target) &&
                                    d.source !== d.target)
    .map((d) => ({ s: d.source, t: d.target, events: d.events, g: d.goldstein ?? 0 }));
  return { nodes, weight, edges, hidden: all.length - nodes.length };
}

// A small force layout: nodes repel, edges pull, all drift to the centre.
// Starts from a circle, so the same data gives the same picture; then
// fitted to the box and spread until no two labels overlap.
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
  return separate(fitInto(pos, W, H), W, H);
}

// Scale and move the layout into the middle of the box, keeping its
// proportions; a few nodes are not stretched across all of it.
function fitInto(pos, W, H) {
  const xs = [...pos.values()].map((p) => p.x), ys = [...pos.values()].map((p) => p.y);
  const x0 = Math.min(...xs), y0 = Math.min(...ys);
  const w = Math.max(1, Math.max(...xs) - x0), h = Math.max(1, Math.max(...ys) - y0);
  const scale = Math.min(1.5, (W - 80) / w, (H - 60) / h);
  const dx = (W - w * scale) / 2, dy = (H - h * scale) / 2;
  for (const p of pos.values()) {
    p.x = dx + (p.x - x0) * scale;
    p.y = dy + (p.y - y0) * scale;
  }
  return pos;
}

// Push apart the nodes whose labels would touch (a label is about as wide
// as six letters, as high as two lines), inside the box's margins.
const LABEL_W = 46, LABEL_H = 30;
function separate(pos, W, H) {
  const ps = [...pos.values()];
  for (let round = 0; round < 60; round++) {
    let moved = false;
    for (let i = 0; i < ps.length; i++)
      for (let j = i + 1; j < ps.length; j++) {
        const a = ps[i], b = ps[j];
        const ox = LABEL_W - Math.abs(a.x - b.x), oy = LABEL_H - Math.abs(a.y - b.y);
        if (ox <= 0 || oy <= 0) continue;
        moved = true;
        if (ox / LABEL_W < oy / LABEL_H) {       // the cheaper way apart
          const s = (a.x < b.x ? -1 : 1) * (ox / 2 + 0.5);
          a.x += s; b.x -= s;
        } else {
          const s = (a.y < b.y ? -1 : 1) * (oy / 2 + 0.5);
          a.y += s; b.y -= s;
        }
      }
    for (const p of ps) {
      p.x = Math.max(LABEL_W / 2, Math.min(W - LABEL_W / 2, p.x));
      p.y = Math.max(LABEL_H / 2, Math.min(H - LABEL_H / 2, p.y));
    }
    if (!moved) break;
  }
  return pos;
}

// An edge from a to b as a curve bending to its right (so that a dyad's
// two directions are two curves) ending in an arrowhead at b's rim.
function edgeShape(a, b, rb) {
  const dx = b.x - a.x, dy = b.y - a.y, len = Math.max(1, Math.hypot(dx, dy));
  const c = { x: (a.x + b.x) / 2 - (dy / len) * len * 0.15,
              y: (a.y + b.y) / 2 + (dx / len) * len * 0.15 };
  const tx = b.x - c.x, ty = b.y - c.y, tl = Math.max(1, Math.hypot(tx, ty));
  const ux = tx / tl, uy = ty / tl;
  const tip = { x: b.x - ux * (rb + 2), y: b.y - uy * (rb + 2) };
  const base = { x: tip.x - ux * 9, y: tip.y - uy * 9 };
  const f = (n) => n.toFixed(1);
  return {
    d: `M${f(a.x)},${f(a.y)}Q${f(c.x)},${f(c.y)} ${f(base.x)},${f(base.y)}`,
    arrow: `${f(tip.x)},${f(tip.y)} ${f(base.x - uy * 4.5)},${f(base.y + ux * 4.5)} ` +
           `${f(base.x + uy * 4.5)},${f(base.y - ux * 4.5)}`,
  };
}

const NET_W = 960, NET_H = 480;
const isCode = (code) => /^[A-Za-z0-9]+$/.test(code);

async function drawNetwork(q) {
  const full = document.getElementById("full-codes").checked;
  const generic = document.getElementById("generic-codes").checked;
  const params = new URLSearchParams(q);
  params.set("top", "500");
  if (!full) params.set("level", "country");
  const [{ dyads }, countries] = await Promise.all([api("/api/dyads?" + params), countryCodes()]);
  const keep = (code) => generic || specific(countries, code);
  const { nodes, weight, edges, hidden } = networkData(dyads, keep);
  const box = document.getElementById("network");
  box.replaceChildren();
  box.setAttribute("viewBox", `0 0 ${NET_W} ${NET_H}`);
  document.getElementById("network-note").textContent =
    hidden ? `the ${MAX_NODES} actors with the most events of ${nodes.length + hidden}` : "";
  if (!nodes.length) {
    box.append(svg("text", { class: "tick", x: NET_W / 2, y: NET_H / 2,
                             "text-anchor": "middle" }, "no dyads"));
    return;
  }
  const pos = layout(nodes, edges, NET_W, NET_H);
  const maxWeight = Math.max(...weight.values());
  const radius = (n) => 6 + 10 * Math.sqrt(weight.get(n) / maxWeight);
  const maxEvents = Math.max(...edges.map((e) => e.events));
  const view = svg("g", { class: "view" });
  box.append(view);
  for (const e of edges) {
    const { d, arrow } = edgeShape(pos.get(e.s), pos.get(e.t), radius(e.t));
    const colour = goldsteinColour(e.g);
    const g = svg("g", { class: "edge", "data-edge": `${e.s}:${e.t}` });
    g.append(svg("path", { d, stroke: colour, "stroke-width": 1.5 + 5 * (e.events / maxEvents) }),
             svg("polygon", { points: arrow, fill: colour }),
             svg("title", {}, `${e.s} → ${e.t}: ${e.events} events, ` +
                              `mean Goldstein ${e.g.toFixed(1)}`));
    if (isCode(e.s) && isCode(e.t))
      g.addEventListener("click", () => {
        setField("dyad", `${e.s}:${e.t}`);
        document.querySelector("#filters [name=undirected]").checked = false;
        refresh(true);
      });
    view.append(g);
  }
  for (const n of nodes) {
    const p = pos.get(n);
    const g = svg("g", { class: "node", "data-node": n,
                         transform: `translate(${p.x.toFixed(1)},${p.y.toFixed(1)})` });
    g.append(svg("circle", { r: radius(n) }),
             svg("text", { x: 0, y: 4, "text-anchor": "middle" }, n),
             svg("title", {}, `${n}: ${weight.get(n)} events`));
    if (isCode(n))
      g.addEventListener("click", () => {
        setField("actor", n);
        refresh(true);
      });
    view.append(g);
  }
  zoomable(box, view, NET_W, NET_H);
}

// The wheel zooms about the pointer, a drag on the background pans; what
// is shown is view's transform.
function zoomable(box, view, W, H) {
  let k = 1, x = 0, y = 0, drag = null;
  const apply = () => view.setAttribute("transform", `translate(${x},${y}) scale(${k})`);
  const toBox = (ev) => {
    const r = box.getBoundingClientRect();
    return [((ev.clientX - r.left) / r.width) * W, ((ev.clientY - r.top) / r.height) * H];
  };
  box.onwheel = (ev) => {
    ev.preventDefault();
    const [px, py] = toBox(ev), by = Math.exp(-ev.deltaY / 500);
    const nk = Math.max(0.5, Math.min(8, k * by));
    x = px - ((px - x) * nk) / k;
    y = py - ((py - y) * nk) / k;
    k = nk;
    apply();
  };
  box.onpointerdown = (ev) => {
    if (ev.target !== box) return;          // a node or an edge: its click
    drag = { at: toBox(ev), x, y };
    box.setPointerCapture(ev.pointerId);
  };
  box.onpointermove = (ev) => {
    if (!drag) return;
    const [px, py] = toBox(ev);
    x = drag.x + px - drag.at[0];
    y = drag.y + py - drag.at[1];
    apply();
  };
  box.onpointerup = () => { drag = null; };
  document.getElementById("network-reset").onclick = () => { k = 1; x = 0; y = 0; apply(); };
}

// ---- events table and one event ------------------------------------------

// The download links: the events the filters select, every one of them,
// as the store exports them.
function setDownloads(q) {
  for (const a of document.querySelectorAll(".downloads a")) {
    const params = tableQuery(q);
    params.set("format", a.dataset.format);
    a.href = "/api/export?" + params;
  }
}

// The table shows the events a page at a time, newest first; "more"
// asks the API for the next page (offset).
const PAGE = 1000;

async function drawTable(q) {
  setDownloads(q);
  await addPage(q, 0);
}

// The page of events at offset, after the rows shown (offset 0: in their
// place, once it has come).
async function addPage(q, offset) {
  const params = tableQuery(q);
  params.set("top", String(PAGE));
  params.set("offset", String(offset));
  const { events } = await api("/api/events?" + params);
  const body = document.querySelector("#events tbody");
  if (!offset) body.replaceChildren();
  for (const e of events) body.append(eventRow(e));
  const full = events.length === PAGE;
  document.getElementById("event-count").textContent =
    `(${body.rows.length}${full ? "+" : ""})`;
  const more = document.getElementById("more-events");
  more.hidden = !full;
  more.onclick = () => addPage(q, offset + PAGE).then(markSelected).catch(showError);
}

// The table's order: a column's key (the API's sort), newest first
// unless one is chosen; clicking a column's heading sorts by it, again
// the other way.
let tableSort = "";

function tableQuery(q) {
  const params = new URLSearchParams(q);
  if (tableSort) params.set("sort", tableSort);
  return params;
}

function markSort() {
  const [key, dir] = (tableSort || "date:desc").split(":");
  for (const th of document.querySelectorAll("#events th[data-sort]")) {
    const on = th.dataset.sort === key;
    const down = dir ? dir === "desc" : th.dataset.first === "desc";
    th.setAttribute("aria-sort", on ? (down ? "descending" : "ascending") : "none");
  }
}

function sortBy(key) {
  const th = document.querySelector(`#events th[data-sort="${key}"]`);
  const [now, dir] = (tableSort || "date:desc").split(":");
  const first = th.dataset.first || "asc";
  const current = now === key ? dir || first : null;
  const next = current === null ? first : current === "asc" ? "desc" : "asc";
  tableSort = key === "date" && next === "desc" ? "" : `${key}:${next}`;
  markSort();
  saveState(true);
  const q = filterQuery();
  drawTable(q).then(markSelected).catch(showError);
}

// A row of the table: a click, or Enter or Space once it has the focus
// (Tab reaches it; the arrow keys move between rows), shows the event.
function eventRow(e) {
  const row = el("tr", { "data-id": e.id, tabindex: 0 },
    el("td", {}, e.date || "–"), el("td", {}, e.source), el("td", {}, e.code),
    el("td", {}, e.label), el("td", {}, e.target), modeCell(e),
    el("td", {}, e.quad),
    el("td", {}, e.goldstein), el("td", {}, e.place || ""),
    el("td", {}, e.mentions));
  const open = () => {
    selectedEvent = String(e.id);
    markSelected();
    saveState(true);
    showEvent(e.id).catch(showError);
  };
  row.addEventListener("click", open);
  row.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" || ev.key === " ") {
      ev.preventDefault();
      open();
    } else if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      const next = ev.key === "ArrowDown" ? row.nextElementSibling : row.previousElementSibling;
      if (next) next.focus();
    }
  });
  return row;
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
    const name = m.title || m.article;
    const link = m.url ? el("a", { href: m.url, rel: "noopener noreferrer",
                                   target: "_blank" }, name) : name;
    view.append(el("div", { class: "mention" },
      el("div", { class: "article" }, el("strong", {}, link),
         el("span", { class: "muted" }, ` · ${m.article_date || "undated"}` +
            (m.title ? ` · ${m.article}` : "") + ` · sentence ${m.sentence} · ` +
            `${m.lang || ""}` + (m.historical ? " · historical report" : ""))),
      m.before ? el("p", { class: "context before" }, m.before) : null,
      sentenceView(m.segments),
      m.after ? el("p", { class: "context after" }, m.after) : null,
      entries(m, "rule"), relations(m)));
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

// ---- state in the URL ------------------------------------------------------

// The page's state is its URL: the filters (as the API names them), the
// period unless "auto", and the selected event.  Every change pushes a
// history entry; reload, back and forward read it back.
let selectedEvent = null;

function setField(name, value) {
  document.querySelector(`#filters [name=${name}]`).value = value;
}

function stateQuery() {
  const q = filterQuery();
  const period = document.getElementById("period").value;
  if (period !== "auto") q.set("period", period);
  if (tableSort) q.set("sort", tableSort);
  if (selectedEvent) q.set("event", selectedEvent);
  return q;
}

function saveState(push) {
  const q = stateQuery().toString();
  const url = location.pathname + (q ? "?" + q : "");
  if (url === location.pathname + location.search) return;
  if (push) history.pushState(null, "", url);
  else history.replaceState(null, "", url);
}

// The form, period and selected event as the URL says (what it leaves
// out: empty, "auto", none).
function loadState() {
  const q = new URLSearchParams(location.search);
  for (const field of document.getElementById("filters").elements) {
    if (!field.name) continue;
    if (field.type === "checkbox") field.checked = q.has(field.name);
    else field.value = q.get(field.name) || "";
  }
  const period = document.getElementById("period");
  period.value = q.get("period") || "auto";
  if (!period.value) period.value = "auto";   // not one of its options
  tableSort = q.get("sort") || "";
  markSort();
  selectedEvent = q.get("event");
}

function markSelected() {
  for (const r of document.querySelectorAll("#events tbody tr"))
    r.classList.toggle("selected", r.dataset.id === selectedEvent);
}

async function copyLink() {
  const link = document.getElementById("permalink");
  link.value = location.href;
  link.hidden = false;
  link.select();
  try {
    await navigator.clipboard.writeText(location.href);
    document.getElementById("copy-status").textContent = "copied";
  } catch {
    document.getElementById("copy-status").textContent = "select and copy";
  }
}

// ---- wiring --------------------------------------------------------------

// Draw the view the form says; push: a new history entry for it (a
// change the analyst made, not one read from the URL).  A change of
// filters forgets the selected event.
async function refresh(push) {
  showError(null);
  if (push) {
    selectedEvent = null;
    document.getElementById("event-view").hidden = true;
    saveState(true);
  }
  const q = filterQuery();
  try {
    await Promise.all([drawTimeline(q), drawMap(q), drawNetwork(q), drawTable(q)]);
    markSelected();
  } catch (err) {
    showError(err);
  }
}

// Show what the URL says.
function restore() {
  loadState();
  const view = document.getElementById("event-view");
  if (selectedEvent) showEvent(selectedEvent).catch(showError);
  else view.hidden = true;
  return refresh(false);
}

async function drawStats() {
  const s = await api("/api/stats");
  document.getElementById("stats").textContent =
    `${s.documents} articles · ${s.events} events · ${s.mentions} mentions`;
}

document.getElementById("filters").addEventListener("submit", (ev) => {
  ev.preventDefault();
  refresh(true);
});
document.getElementById("filters").addEventListener("reset", () =>
  setTimeout(() => refresh(true), 0));
document.getElementById("period").addEventListener("change", () => {
  saveState(true);
  drawTimeline(filterQuery()).catch(showError);
});
document.getElementById("copy-link").addEventListener("click", copyLink);
window.addEventListener("popstate", () => restore());
for (const id of ["full-codes", "generic-codes"])
  document.getElementById(id).addEventListener("change", () =>
    drawNetwork(filterQuery()).catch(showError));
for (const th of document.querySelectorAll("#events th[data-sort]"))
  th.querySelector("button").addEventListener("click", () => sortBy(th.dataset.sort));
document.getElementById("code-form").addEventListener("submit", codeText);
drawStats().catch(showError);
restore();
