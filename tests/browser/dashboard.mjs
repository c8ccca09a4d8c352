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

await step("no script errors", async () => {
  expect(pageErrors.length === 0, pageErrors.join("; "));
});

await browser.close();
console.log(failed ? `${failed} failed` : "all passed");
process.exit(failed ? 1 : 0);
