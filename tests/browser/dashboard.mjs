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
  await page.screenshot({ path: `${shots}/${name.replace(/\W+/g, "-")}.png`, fullPage: true });
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

await step("the network shows the RUS-CHN edge", async () => {
  const edge = page.locator('#network line.edge[data-edge="CHN-RUS"]');
  await edge.waitFor({ state: "attached", ...T });  // a level line has no height
  for (const n of ["RUS", "CHN"])
    expect(await page.locator(`#network .node[data-node="${n}"]`).count() === 1, `no node ${n}`);
});

await step("clicking an event shows its highlighted sentence", async () => {
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
  await page.waitForFunction(() => /from=2023/.test(location.search), null, T);
  const from = await page.inputValue("#filters [name=from]");
  const to = await page.inputValue("#filters [name=to]");
  expect(from.startsWith("2023-0") && to > from, `from ${from} to ${to}`);
  const dates = await page.locator("#events tbody tr td:first-child").allTextContents();
  expect(dates.length > 0 && dates.every((d) => d >= from && d <= to), `dates ${dates}`);
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
  const gdelt = (await file("gdelt")).trimEnd().split("\n");
  expect(gdelt.length === rows && gdelt.every((l) => l.split("\t").length === 61),
         `GDELT: ${gdelt.length} lines, ${gdelt.map((l) => l.split("\t").length)} columns`);
  const plover = (await file("plover")).trimEnd().split("\n").map((l) => JSON.parse(l));
  expect(plover.length === rows && plover.every((e) => e.date && /"RUS/.test(JSON.stringify(e))),
         `PLOVER: ${plover.length} events`);
});

await step("the keyboard alone reaches an event's detail", async () => {
  await page.goto(base + "/");
  await page.waitForSelector("#events tbody tr", T);
  for (let i = 0; i < 60; i++) {              // Tab through the controls
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
