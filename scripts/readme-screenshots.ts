// Remakes the pictures in README.md and docs/report.md: a screenshot of the quickstart's HTML report
// (docs/img/report.png, taken in Debian's headless Chromium through playwright-core) and a `plot`
// figure of a small sweep (docs/img/plot-p95.svg). Run: npx tsx scripts/readme-screenshots.ts
// (after scripts/setup-browser.sh). The Perfetto screenshot is not made: its UI is a web site.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

function cli(...args: string[]): void {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { stdio: ["ignore", "ignore", "inherit"] });
  if (r.status !== 0) throw new Error(`splitsim ${args.join(" ")} exited ${r.status}`);
}

const tmp = mkdtempSync(join(tmpdir(), "splitsim-shots-"));
mkdirSync("docs/img", { recursive: true });
cli("run", "scenarios/quickstart.yaml", "--out", join(tmp, "q"));
cli("report", join(tmp, "q"), "-o", join(tmp, "q.html"), "--scenario", "scenarios/quickstart.yaml");
cli("sweep", "scenarios/quickstart.yaml", "--out", join(tmp, "s"), "--scheduler", "device-only,cloud-only,fixed-split,neurosurgeon",
  "--set", "workload.requests=500", "--set", "workload.warmupRequests=50", "--vary", "workload.arrivals.ratePerSec=[10,20,30,40]", "--seeds", "1..5");
cli("plot", join(tmp, "s"), "--x", "workload.arrivals.ratePerSec", "--y", "latencyMs.p95", "-o", join(tmp, "plot.svg"));
copyFileSync(join(tmp, "plot.svg"), "docs/img/plot-p95.svg");

const context = await chromium.launchPersistentContext(join(tmp, "profile"), {
  executablePath: "/usr/bin/chromium",
  headless: true,
  viewport: { width: 1000, height: 1250 },
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const page = await context.newPage();
await page.goto(pathToFileURL(join(tmp, "q.html")).href);
await page.waitForSelector("body[data-rendered=true]");
await page.screenshot({ path: "docs/img/report.png" });
await context.close();
console.log("wrote docs/img/report.png and docs/img/plot-p95.svg");
