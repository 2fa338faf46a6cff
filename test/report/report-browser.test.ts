// The HTML report in a real browser (headless Chromium): the quickstart's run report and a small
// sweep's report load with no console error and no network request, and every chart drew the
// series it should (one CDF line per scheduler, ...). Screenshots go to test-artifacts/report/.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchChromium, SKIP_REASON } from "./browser.js";

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`splitsim ${args.join(" ")}: exit ${r.status}\n${r.stderr}`);
  return r;
}

const ARTEFACTS = join("test-artifacts", "report");
// Said on the test's output, so a skip is never silent.
if (!hasChromium) console.warn(`report-browser.test.ts: ${SKIP_REASON}`);

interface Drawn {
  id: string;
  expected: number;
  /** Datasets drawn with at least one element, CI bands left out. */
  series: number;
  labels: string[];
  /** Canvas pixels that are not blank: the chart painted something. */
  inked: number;
}

/** Runs in the page (a string: the project's TypeScript has no DOM types): what each chart drew. */
const INSPECT = `[...document.querySelectorAll("canvas[data-series]")].map((c) => {
  const metas = Chart.getChart(c)?.getSortedVisibleDatasetMetas() ?? [];
  const series = metas.filter((m) => !m.label.startsWith("95% CI") && m.data.length > 0);
  const px = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
  let inked = 0;
  for (let i = 3; i < px.length; i += 4) if (px[i] > 0) inked++;
  return { id: c.id, expected: Number(c.dataset.series), series: series.length, labels: series.map((m) => m.label), inked };
})`;

async function open(browser: BrowserContext, file: string, shot: string) {
  const page = await browser.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("request", (r) => requests.push(r.url()));
  const url = pathToFileURL(file).href;
  await page.goto(url);
  await page.waitForSelector("body[data-rendered=true]", { timeout: 20_000 });
  const drawn = (await page.evaluate(INSPECT)) as Drawn[];
  mkdirSync(ARTEFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTEFACTS, shot), fullPage: true });
  await page.close();
  return { errors, requests: requests.filter((r) => r !== url), drawn };
}

describe.skipIf(!hasChromium)("the HTML report in headless Chromium", () => {
  const dir = mkdtempSync(join(tmpdir(), "splitsim-report-browser-"));
  let browser: BrowserContext;
  beforeAll(async () => { browser = await launchChromium(); }, 60_000);
  afterAll(async () => { await browser?.close(); });

  it("the quickstart's report: no console error, no request, one CDF line per scheduler, every chart drawn", async () => {
    cli("run", "scenarios/quickstart.yaml", "--out", join(dir, "q"));
    cli("report", join(dir, "q"), "-o", join(dir, "q.html"), "--scenario", "scenarios/quickstart.yaml");
    const { errors, requests, drawn } = await open(browser, join(dir, "q.html"), "quickstart.png");
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    const schedulers = ["cloud-only", "device-only", "fixed-split", "neurosurgeon"];
    const cdf = drawn.find((d) => d.id === "chart-cdf")!;
    expect(cdf.labels).toEqual(schedulers);
    // CDF, two time charts, utilisation, one bubble chart per scheduler, the Gantt strip.
    expect(drawn.map((d) => d.id)).toEqual(["chart-cdf", "chart-time-0", "chart-time-1", "chart-utilisation", "chart-bubbles-0", "chart-bubbles-1", "chart-bubbles-2", "chart-bubbles-3", "chart-gantt"]);
    // The time charts: one line per scheduler and one bandwidth line per link (up, down).
    expect(drawn.find((d) => d.id === "chart-time-0")!.expected).toBe(6);
    for (const d of drawn) {
      expect(d.series, d.id).toBe(d.expected);
      expect(d.inked, d.id).toBeGreaterThan(1000);
    }
  });

  it("a sweep's report: one line per scheduler in each swept parameter's chart", async () => {
    cli("sweep", "scenarios/quickstart.yaml", "--out", join(dir, "s"), "--scheduler", "cloud-only,neurosurgeon", "--workers", "1",
      "--set", "workload.requests=100", "--set", "workload.warmupRequests=0", "--vary", "workload.arrivals.ratePerSec=[10,20,40]", "--seeds", "1..3");
    cli("report", join(dir, "s"), "-o", join(dir, "s.html"));
    const { errors, requests, drawn } = await open(browser, join(dir, "s.html"), "sweep.png");
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    // One swept parameter times the three default metrics.
    expect(drawn).toHaveLength(3);
    for (const d of drawn) {
      expect(d.labels).toEqual(["cloud-only", "neurosurgeon"]);
      expect(d.inked).toBeGreaterThan(1000);
    }
  });
});
