// tests/browser/dashboard.mjs -- the dashboard in a real browser: Debian's
// headless Chromium driven by playwright-core.  Run by tests/browser/run.sh,
// which starts `warta serve` over a store built from examples/:
//   node tests/browser/dashboard.mjs BASE_URL SCREENSHOT_DIR
// Prints `ok - NAME` / `not ok - NAME (why)` per case; exits 1 on a failure.
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";

const [base, shots] = process.argv.slice(2);
const english = JSON.parse(readFileSync("examples/en-lavrov-wangyi.jsonl", "utf8")).text;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox"],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
const pageErrors = [];
page.on("pageerror", (err) => pageErrors.push(err.message));
page.on("console", (msg) => { if (msg.type() === "error") pageErrors.push(msg.text()); });

let failed = 0;
async function step(name, fn) {
  try {
    await fn();
    console.log(`ok - ${name}`);
  } catch (err) {
    failed++;
    console.log(`not ok - ${name} (${err.message.split("\n")[0]})`);
  }
  // the screenshot is for a reader, no check: on a loaded machine Chromium
  // once took over 30 s to shoot the full page, which must not fail the run
  await page.screenshot({ path: `${shots}/${name.replace(/\W+/g, "-")}.png`, fullPage: true,
                          timeout: 60000 })
    .catch((err) => console.log(`# no screenshot of "${name}": ${err.message.split("\n")[0]}`));
}
function expect(cond, what) { if (!cond) throw new Error(what); }
const T = { timeout: 15000 };

await step("the page loads with the store's counts", async () => {
  await page.goto(base + "/");
  await page.waitForFunction(() => /\d+ events/.test(document.getElementById("stats").textContent), null, T);
});

await step("the timeline shows points", async () => {
  await page.waitForSelector("#timeline .point", T);
  const points = await page.locator("#timeline .point").count();
  const bars = await page.locator("#timeline .bar").count();
  expect(points >= 3 && bars >= points, `${points} points, ${bars} bars`);
});

await step("the network: countries, directed edges with arrowheads and counts, generic codes on demand", async () => {
  await page.locator('#network .edge[data-edge="RUS:CHN"]').waitFor({ state: "attached", ...T });
  expect(await page.locator('#network .edge[data-edge="CHN:RUS"]').count() === 1, "no CHN→RUS edge");
  for (const n of ["RUS", "CHN", "SAU"])
    expect(await page.locator(`#network .node[data-node="${n}"]`).count() === 1, `no node ${n}`);
  const nodes = await page.locator("#network .node").evaluateAll((gs) => gs.map((g) => g.dataset.node));
  expect(nodes.every((n) => /^[A-Z]{3}$|^IGO[A-Z]{3}$/.test(n)), `nodes ${nodes}`);
  const edges = await page.locator("#network .edge").count();
  expect(await page.locator("#network .edge polygon").count() === edges, "an edge without its arrowhead");
  const tip = await page.locator('#network .edge[data-edge="RUS:CHN"] title').textContent();
  expect(/^RUS → CHN: \d+ events/.test(tip), `hover text "${tip}"`);
  // the arrowhead ends at the target's rim, not the source's
  const at = await page.evaluate(() => {
    const xy = (n) => document.querySelector(`#network .node[data-node="${n}"]`)
      .getAttribute("transform").match(/[-\d.]+/g).map(Number);
    const tip = document.querySelector('#network .edge[data-edge="RUS:CHN"] polygon')
      .getAttribute("points").split(" ")[0].split(",").map(Number);
    const d = (p) => Math.hypot(p[0] - tip[0], p[1] - tip[1]);
    return { chn: d(xy("CHN")), rus: d(xy("RUS")) };
  });
  expect(at.chn < 25 && at.rus > at.chn, `arrow tip ${at.chn.toFixed(1)} from CHN, ${at.rus.toFixed(1)} from RUS`);
  // labels do not overlap
  const boxes = await page.locator("#network .node text").evaluateAll((ts) => ts.map((t) => {
    const r = t.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom];
  }));
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      expect(a[2] <= b[0] || b[2] <= a[0] || a[3] <= b[1] || b[3] <= a[1], `labels ${nodes[i]} and ${nodes[j]} overlap`);
    }
  await page.check("#generic-codes");
  await page.locator('#network .node[data-node="WST"]').waitFor({ state: "attached", ...T });
  await page.uncheck("#generic-codes");
  await page.locator('#network .node[data-node="WST"]').waitFor({ state: "detached", ...T });
});

await step("the network's layout keeps 60 labels apart", async () => {
  const overlaps = await page.evaluate(() => {
    // 60 nodes, each tied to a few others (a hub and spokes, and a ring)
    const names = Array.from({ length: 60 }, (_, i) => "N" + String(i).padStart(2, "0"));
    const edges = names.flatMap((n, i) => [{ s: n, t: names[(i + 1) % 60] },
                                           ...(i % 5 ? [] : [{ s: names[0], t: n }])])
      .filter((e) => e.s !== e.t);
    const pos = layout(names, edges, NET_W, NET_H);
    const ps = [...pos.values()];
    let n = 0;
    for (let i = 0; i < ps.length; i++)
      for (let j = i + 1; j < ps.length; j++)
        if (Math.abs(ps[i].x - ps[j].x) < LABEL_W - 1 && Math.abs(ps[i].y - ps[j].y) < LABEL_H - 1) n++;
    const inside = ps.every((p) => p.x >= 0 && p.x <= NET_W && p.y >= 0 && p.y <= NET_H);
    return { n, inside };
  });
  expect(overlaps.n === 0 && overlaps.inside, `${overlaps.n} overlapping labels, inside: ${overlaps.inside}`);
});

await step("the network zooms with the wheel", async () => {
  const box = await page.locator("#network").boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -400);
  await page.waitForFunction(() => /scale\((?!1\))/.test(document.querySelector("#network .view").getAttribute("transform") || ""), null, T);
  await page.click("#network-reset");
  const t = await page.locator("#network .view").getAttribute("transform");
  expect(t === "translate(0,0) scale(1)", `after reset: ${t}`);
});

await step("the map shows a circle at Jeddah for the seed, on the countries", async () => {
  const dot = page.locator('#map circle.place[data-place="Jeddah"]');
  await dot.waitFor({ state: "attached", ...T });
  // a build without the map's data (docs/dashboard.md) says so instead
  const built = await page.evaluate(() => fetch("/world.json").then((r) => r.json())
    .then((w) => Boolean(w.objects)));
  const lands = await page.locator("#map path.land").count();
  const note = await page.locator("#map-note").textContent();
  if (!built)
    console.log("# this warta was built without the map's countries: checking the page says so");
  expect(built ? lands > 150 && note === "" : lands === 0 && /without the world map's countries/.test(note),
         `${lands} countries drawn, note "${note}"`);
  // equirectangular, 640 wide, 84°N to 58°S: Jeddah is 21.49°N 39.19°E
  const cx = +(await dot.getAttribute("cx")), cy = +(await dot.getAttribute("cy"));
  const want = [((39.186 + 180) / 360) * 640, ((84 - 21.49) / 142) * 252];
  expect(Math.abs(cx - want[0]) < 1 && Math.abs(cy - want[1]) < 1, `Jeddah at ${cx},${cy}, want ${want}`);
  expect((await dot.getAttribute("data-country")) === "SAU", "not in SAU");
  const r = { jeddah: +(await dot.getAttribute("r")),
              jakarta: +(await page.locator('#map circle.place[data-place="Jakarta"]').getAttribute("r")) };
  expect(r.jeddah > r.jakarta, `Jeddah (more events) r ${r.jeddah}, Jakarta r ${r.jakarta}`);
  // the circle lies on Saudi Arabia's shape
  const on = await page.evaluate(([x, y]) => [...document.querySelectorAll("#map path.land")]
    .filter((p) => p.isPointInFill(new DOMPoint(x, y))).map((p) => p.textContent), [cx, cy]);
  expect(!built || on.includes("Saudi Arabia"), `the circle is on ${on}`);
});

await step("clicking a place on the map filters by it", async () => {
  await page.locator('#map circle.place[data-place="Jeddah"]').dispatchEvent("click");
  await page.waitForFunction(() => /place=Jeddah/.test(location.search), null, T);
  await page.waitForFunction(() => {
    const places = [...document.querySelectorAll("#events tbody tr td:nth-child(9)")].map((td) => td.textContent);
    return places.length > 0 && places.every((p) => p === "Jeddah");
  }, null, T);
  expect(await page.inputValue("#filters [name=country]") === "SAU", "country not set");
  expect(await page.locator("#map circle.place").count() === 1, "other places still on the map");
  await page.click("#filters button[type=reset]");
  await page.waitForFunction(() => location.search === "", null, T);
});

await step("clicking a dyad's edge filters the table by it", async () => {
  await page.goto(base + "/");
  const edge = page.locator('#network .edge[data-edge="IDN:MYS"] path');
  await edge.waitFor({ state: "attached", ...T });
  await edge.dispatchEvent("click");
  await page.waitForFunction(() => /dyad=IDN%3AMYS/.test(location.search), null, T);
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll("#events tbody tr")];
    return rows.length > 0 && rows.every((r) => r.children[1].textContent.startsWith("IDN") &&
                                                r.children[4].textContent.startsWith("MYS"));
  }, null, T);
  expect(await page.inputValue("#filters [name=dyad]") === "IDN:MYS", "dyad field not set");
});

await step("the table sorts by a column, both ways, and keeps it in the URL", async () => {
  await page.goto(base + "/");
  await page.waitForSelector("#events tbody tr", T);
  const column = (n) => page.locator(`#events tbody tr td:nth-child(${n})`).allTextContents();
  await page.click('#events th[data-sort="source"] button');
  await page.waitForFunction(() => /sort=source%3Aasc/.test(location.search), null, T);
  await page.waitForFunction(() => {
    const s = [...document.querySelectorAll("#events tbody tr td:nth-child(2)")].map((t) => t.textContent);
    return s.length > 1 && s.every((v, i) => !i || s[i - 1] <= v) && s[0] < s[s.length - 1];
  }, null, T);
  expect(await page.getAttribute('#events th[data-sort="source"]', "aria-sort") === "ascending", "not marked ascending");
  await page.click('#events th[data-sort="source"] button');
  await page.waitForFunction(() => {
    const s = [...document.querySelectorAll("#events tbody tr td:nth-child(2)")].map((t) => t.textContent);
    return /sort=source%3Adesc/.test(location.search) && s.every((v, i) => !i || s[i - 1] >= v);
  }, null, T);
  await page.click('#events th[data-sort="goldstein"] button');
  await page.waitForFunction(() => /sort=goldstein%3Aasc/.test(location.search), null, T);
  await page.waitForFunction(() => {
    const g = [...document.querySelectorAll("#events tbody tr td:nth-child(8)")].map((t) => +t.textContent);
    return g.length > 1 && g.every((v, i) => !i || g[i - 1] <= v);
  }, null, T);
  await page.reload();
  await page.waitForSelector("#events tbody tr", T);
  expect(await page.getAttribute('#events th[data-sort="goldstein"]', "aria-sort") === "ascending", "sort not restored");
  const g = (await column(8)).map(Number);
  expect(g.every((v, i) => !i || g[i - 1] <= v), `after reload ${g}`);
});

await step("an event shows its article's title and date and the sentences around it", async () => {
  await page.goto(base + "/?actor=IDN&dyad=IDN%3AMYS");
  const row = page.locator("#events tbody tr", { hasText: "2024-03-12" }).first();
  await row.click();
  const view = page.locator("#event-view");
  await view.locator(".mention .article").first().waitFor(T);
  const head = await view.locator(".mention .article").first().textContent();
  expect(head.includes("Leaders agree to expand trade") && head.includes("2024-03-12"), `article line "${head}"`);
  const context = await view.locator(".mention .context").allTextContents();
  expect(context.length >= 1 && context.every((t) => t.length > 10), `context ${context}`);
  const sentence = await view.locator(".mention .sentence").first().textContent();
  expect(!context.includes(sentence), "the sentence itself shown as its context");
});

await step("the page is usable 800 px wide", async () => {
  await page.setViewportSize({ width: 800, height: 1400 });
  await page.goto(base + "/");
  await page.waitForSelector("#events tbody tr", T);
  await page.waitForSelector("#map circle.place", T);
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(wide <= 800, `the page is ${wide} px wide`);
  for (const id of ["timeline", "map", "network", "events"]) {
    const b = await page.locator("#" + id).boundingBox();
    expect(b && b.width > 300 && b.x >= 0 && b.x + Math.min(b.width, 760) <= 800, `#${id} at ${JSON.stringify(b)}`);
  }
  const apply = await page.locator("#filters button[type=submit]").boundingBox();
  expect(apply.x + apply.width <= 800, "the Apply button is off screen");
  // the table scrolls inside its panel, which fits
  const panel = await page.locator("#table-panel").boundingBox();
  expect(panel.x + panel.width <= 800, `table panel ${panel.x + panel.width} px`);
  await page.locator('#map circle.place[data-place="Jeddah"]').dispatchEvent("click");
  await page.waitForFunction(() => /place=Jeddah/.test(location.search), null, T);
});

// back to a desktop width after the 800 px step's screenshot
await step("clicking an event shows its highlighted sentence", async () => {
  await page.setViewportSize({ width: 1280, height: 1400 });
  await page.goto(base + "/");
  await page.waitForSelector("#events tbody tr", T);
  const row = page.locator("#events tbody tr", { hasText: "041" }).filter({ hasText: "RUSGOV" }).first();
  await row.click();
  const view = page.locator("#event-view");
  await view.locator("mark.source").first().waitFor(T);
  const source = await view.locator("mark.source").first().textContent();
  const verb = await view.locator("mark.verb").count();
  const target = await view.locator("mark.target").first().textContent();
  expect(/Lavrov|Wang Yi/.test(source + target), `marked "${source}" and "${target}"`);
  expect(verb > 0, "no verb marked");
  expect(await view.locator(".entries").first().textContent().then((t) => /\.txt:\d+/.test(t)), "no dictionary entries named");
});

await step("filtering by a dyad narrows the table", async () => {
  const before = await page.locator("#events tbody tr").count();
  await page.fill("#filters [name=dyad]", "IDN:MYS");
  await page.click("#filters button[type=submit]");
  await page.waitForFunction((n) => document.querySelectorAll("#events tbody tr").length < n, before, T);
  const sources = await page.locator("#events tbody tr td:nth-child(2)").allTextContents();
  expect(sources.length > 0 && sources.every((s) => s.startsWith("IDN")), `sources ${sources}`);
  await page.click("#filters button[type=reset]");
});

await step("filtering by mode shows the denied events, with their mode and relations", async () => {
  const before = await page.locator("#events tbody tr").count();
  await page.selectOption("#filters [name=mode]", "negated");
  await page.click("#filters button[type=submit]");
  await page.waitForFunction((n) => document.querySelectorAll("#events tbody tr").length < n, before, T);
  const modes = await page.locator("#events tbody tr td.mode").allTextContents();
  expect(modes.length > 0 && modes.every((m) => m === "negated"), `modes ${modes}`);
  const row = page.locator("#events tbody tr", { hasText: "IDN" }).first();
  await row.click();
  const view = page.locator("#event-view");
  await view.locator(".relations").first().waitFor(T);
  const how = await view.locator(".relations").first().textContent();
  expect(/source by nsubj/.test(how), `relations "${how}"`);
  expect(/negated/.test(await view.locator("dl.fields").textContent()), "no mode in the event's fields");
  await page.click("#filters button[type=reset]");
  await page.waitForFunction((n) => document.querySelectorAll("#events tbody tr").length >= n, before, T);
});

await step("pasting the English example into the code box returns events", async () => {
  await page.fill("#code-form textarea", english);
  await page.fill("#code-form [name=date]", "2023-08-08");
  await page.click("#code-form button[type=submit]");
  await page.locator("#code-results .coded").first().waitFor(T);
  const coded = await page.locator("#code-results .coded strong").allTextContents();
  expect(coded.some((t) => t.includes("RUSGOV → CHNGOV") && t.includes("041")), `got ${coded.slice(0, 3)}`);
  expect(await page.locator("#code-results mark.verb").count() > 0, "no verb marked");
});

await step("coding a text with every mode shows a denial as negated", async () => {
  await page.fill("#code-form textarea", "Indonesia did not condemn Malaysia on Friday.");
  await page.fill("#code-form [name=date]", "2023-08-20");
  await page.check("#code-form [name=mode]");
  await page.click("#code-form button[type=submit]");
  await page.waitForFunction(() => /negated/.test(document.getElementById("code-results").textContent), null, T);
  const coded = await page.locator("#code-results .coded").first().textContent();
  expect(coded.includes("IDN → MYS") && coded.includes("negated"), `got ${coded}`);
  expect(/source by nsubj/.test(coded), "no relation shown");
});

// The Goldstein points (at their periods' middles) against the middle
// days of their periods: one scale for the whole axis, a straight line,
// however long each period is (months of 28 to 31 days).  Placed by
// index, months would be off by about a pixel.
async function timelineScale(by) {
  const pts = await page.locator("#timeline .point").evaluateAll((cs) =>
    cs.map((c) => ({ t: c.dataset.t, x: +c.getAttribute("cx") })));
  const day = (t) => Date.parse(t.length === 7 ? t + "-01" : t) / 86400000;
  const next = (t) => {
    if (by === "week") return day(t) + 7;
    const [y, m] = t.split("-").map(Number);
    return Date.UTC(y, m, 1) / 86400000;          // month m + 1
  };
  return pts.map((p) => ({ ...p, d: (day(p.t) + next(p.t)) / 2 })).sort((a, b) => a.d - b.d);
}

function expectLinear(pts) {
  expect(pts.length >= 3, `${pts.length} periods with events`);
  const first = pts[0], last = pts[pts.length - 1];
  const scale = (last.x - first.x) / (last.d - first.d);       // px per day
  for (const p of pts.slice(1, -1)) {
    const want = first.x + (p.d - first.d) * scale;
    expect(Math.abs(p.x - want) < 0.25, `${p.t} at x ${p.x.toFixed(2)}, want ${want.toFixed(2)}`);
  }
}

await step("the timeline's x positions are proportional to dates", async () => {
  await page.goto(base + "/");
  await page.waitForSelector("#timeline .point", T);
  const by = await page.locator("#timeline").getAttribute("data-by");
  expect(by === "week", `auto period for seven months: ${by}, want week`);
  expectLinear(await timelineScale("week"));
  await page.selectOption("#period", "month");
  await page.waitForFunction(() => document.getElementById("timeline").dataset.by === "month", null, T);
  const months = await timelineScale("month");
  expect(months.some((m) => m.t === "2023-08") && months.some((m) => m.t === "2024-03"),
         `months ${months.map((m) => m.t)}`);
  expectLinear(months);
  expect(await page.locator("#timeline line.zero").count() === 1, "no zero line");
  expect(new URL(page.url()).searchParams.get("period") === "month", `URL ${page.url()}`);
});

await step("a copied link restores the filters and the selected event; back restores the view before", async () => {
  await page.goto(base + "/");
  await page.fill("#filters [name=dyad]", "IDN:MYS");
  await page.click("#filters button[type=submit]");
  await page.waitForFunction(() => /dyad=IDN/.test(location.search), null, T);
  await page.waitForFunction(() => [...document.querySelectorAll("#events tbody tr td:nth-child(2)")]
    .every((td) => td.textContent.startsWith("IDN")), null, T);
  const row = page.locator("#events tbody tr").first();
  const id = await row.getAttribute("data-id");
  await row.click();
  await page.locator("#event-view h2").waitFor(T);
  await page.click("#copy-link");
  const link = await page.locator("#permalink").inputValue();
  expect(link.includes("dyad=IDN%3AMYS") && link.includes(`event=${id}`), `link ${link}`);
  await page.goto(base + "/");
  await page.goto(link);
  await page.waitForFunction((want) => document.querySelector("#event-view h2")?.textContent.startsWith(`Event ${want}:`), id, T);
  expect(await page.inputValue("#filters [name=dyad]") === "IDN:MYS", "dyad not restored");
  await page.waitForSelector(`#events tbody tr.selected[data-id="${id}"]`, T);
  await page.click("#filters button[type=reset]");
  await page.waitForFunction(() => location.search === "", null, T);
  await page.goBack();
  await page.waitForFunction(() => document.querySelector("#filters [name=dyad]").value === "IDN:MYS", null, T);
  await page.waitForFunction((want) => !document.getElementById("event-view").hidden &&
    document.querySelector("#event-view h2").textContent.startsWith(`Event ${want}:`), id, T);
});

await step("dragging across the timeline sets from and to", async () => {
  await page.goto(base + "/");
  await page.waitForSelector("#timeline rect.bar", T);
  const box = await page.locator("#timeline").boundingBox();
  await page.mouse.move(box.x + box.width * 0.07, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction(() => /from=\d{4}-\d\d-\d\d/.test(location.search), null, T);
  const from = await page.inputValue("#filters [name=from]");
  const to = await page.inputValue("#filters [name=to]");
  // the store's events run from January 2023 to March 2024: the drag over
  // its first third selects a span of early 2023 (or the days before it)
  expect(/^202[23]-/.test(from) && to > from && to < "2024-01-01", `from ${from} to ${to}`);
  // the table's rows once the filtered ones have come (the URL changes first)
  const inRange = ([a, b]) => {
    const dates = [...document.querySelectorAll("#events tbody tr td:first-child")].map((td) => td.textContent);
    return dates.length > 0 && dates.every((d) => d >= a && d <= b);
  };
  await page.waitForFunction(inRange, [from, to], T).catch(() => {});
  const dates = await page.locator("#events tbody tr td:first-child").allTextContents();
  expect(await page.evaluate(inRange, [from, to]), `dates ${dates}`);
});

await step("the downloads hold the selection: CSV with a header, GDELT's 61 columns, PLOVER lines", async () => {
  await page.goto(base + "/?actor=RUS");
  await page.waitForSelector("#events tbody tr", T);
  const rows = await page.locator("#events tbody tr").count();
  const file = async (format) => {
    const [download] = await Promise.all([page.waitForEvent("download", T),
                                          page.click(`#download-${format}`)]);
    return readFileSync(await download.path(), "utf8");
  };
  const csv = (await file("csv")).trimEnd().split("\n");
  const header = csv[0].split(",");
  expect(["date", "source_code", "target_code", "text"].every((c) => header.includes(c)),
         `CSV header ${csv[0].slice(0, 60)}`);
  expect(csv.length - 1 === rows, `${csv.length - 1} CSV rows, ${rows} in the table`);
  // (not trimEnd: a line's last column, SOURCEURL, may be empty)
  const gdelt = (await file("gdelt")).replace(/\n$/, "").split("\n");
  expect(gdelt.length === rows && gdelt.every((l) => l.split("\t").length === 61),
         `GDELT: ${gdelt.length} lines, ${gdelt.map((l) => l.split("\t").length)} columns`);
  const plover = (await file("plover")).trimEnd().split("\n").map((l) => JSON.parse(l));
  expect(plover.length === rows && plover.every((e) => "date" in e && /"RUS/.test(JSON.stringify(e))),
         `PLOVER: ${plover.length} events`);
});

await step("the keyboard alone reaches an event's detail", async () => {
  await page.goto(base + "/");
  await page.waitForSelector("#events tbody tr", T);
  for (let i = 0; i < 80; i++) {              // Tab through the controls
    await page.keyboard.press("Tab");
    if (await page.evaluate(() => document.activeElement.matches("#events tbody tr"))) break;
  }
  const first = await page.evaluate(() => document.activeElement.dataset.id);
  expect(first, "Tab never reached a row of the table");
  await page.keyboard.press("ArrowDown");
  const second = await page.evaluate(() => document.activeElement.dataset.id);
  expect(second && second !== first, `ArrowDown stayed on ${first}`);
  await page.keyboard.press("Enter");
  await page.waitForFunction((id) => document.querySelector("#event-view h2")?.textContent.startsWith(`Event ${id}:`), second, T);
  expect(new URL(page.url()).searchParams.get("event") === second, `URL ${page.url()}`);
});

await step("no script errors", async () => {
  expect(pageErrors.length === 0, pageErrors.join("; "));
});

await browser.close();
console.log(failed ? `${failed} failed` : "all passed");
process.exit(failed ? 1 : 0);
