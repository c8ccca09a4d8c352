// bench/dashboard.mjs -- the dashboard's load time in headless Chromium,
// for bench/dashboard.sh:  node bench/dashboard.mjs BASE_URL RUNS
// A load is timed from the request for the page to the moment its four
// views are drawn: timeline bars, map circles, network nodes, table rows.
import { createRequire } from "node:module";

const require = createRequire(process.env.NODE_PATH + "/");
const { chromium } = require("playwright-core");
const [base, runs, server] = [process.argv[2], Number(process.argv[3] || 5), process.argv[4]];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM, args: ["--no-sandbox"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
page.on("pageerror", (err) => console.error("page error:", err.message));
page.on("response", (r) => { if (r.status() >= 400) console.error(`page: ${r.status()} for ${r.url()}`); });
const drawn = () => ["#timeline .bar", "#map circle.place", "#network .node", "#events tbody tr"]
  .every((s) => document.querySelector(s));
// the server's CPU time (user + system, in ms) from /proc: what a load
// costs it whatever else the machine is doing
const { readFileSync } = await import("node:fs");
const cpu = () => readFileSync(`/proc/${server}/stat`, "utf8").split(") ")[1].split(" ")
  .slice(11, 13).reduce((a, t) => a + Number(t), 0) * 10;   // USER_HZ 100
const times = [], cpus = [];
let slowest = [];
for (let i = 0; i < runs; i++) {
  const c0 = cpu(), t0 = performance.now();
  await page.goto(base + "/", { waitUntil: "commit" });
  await page.waitForFunction(drawn, null, { timeout: 60000, polling: "raf" });
  times.push(performance.now() - t0);
  cpus.push(cpu() - c0);
  slowest = await page.evaluate(() => performance.getEntriesByType("resource")
    .map((r) => [r.name.replace(location.origin, ""), r.startTime, r.responseEnd]));
}
const counts = await page.evaluate(() => ({
  bars: document.querySelectorAll("#timeline .bar").length,
  places: document.querySelectorAll("#map circle.place").length,
  nodes: document.querySelectorAll("#network .node").length,
  rows: document.querySelectorAll("#events tbody tr").length,
  by: document.getElementById("timeline").dataset.by,
}));
await page.screenshot({ path: "build/screenshots/bench-dashboard-100k.png", fullPage: true });
await browser.close();
console.log(`page load to four views drawn (${counts.bars} bars per ${counts.by}, ${counts.places} places, ` +
            `${counts.nodes} nodes, ${counts.rows} rows): first ${times[0].toFixed(0)} ms, ` +
            `best of ${runs} ${Math.min(...times).toFixed(0)} ms, all: ${times.map((t) => t.toFixed(0)).join(" ")}`);
console.log(`the server's CPU time per load (ms): ${cpus.join(" ")}`);
console.log("the last load's requests (start, end in ms from the page's start):");
for (const [name, start, end] of slowest)
  console.log(`  ${name.padEnd(60)} ${start.toFixed(0).padStart(5)} ${end.toFixed(0).padStart(5)}`);
