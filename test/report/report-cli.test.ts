// `splitsim report` and `splitsim plot` as a user runs them: the quickstart's page is one
// self-contained file whose embedded data agrees with the run's reports; a 1e5-request run's page
// stays under 2 MB; bad input exits 2 naming what is wrong, and nothing the user wrote is replaced.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { RunReport } from "../../src/metrics/report.js";
import type { RunsData } from "../../src/report/report-data.js";
import { line, seedLines, writeResults } from "../research/compare-fixture.js";

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function embedded(html: string): RunsData {
  const m = /<script type="application\/json" id="splitsim-data">([\s\S]*?)<\/script>/.exec(html)!;
  return JSON.parse(m[1]!) as RunsData;
}

const dir = mkdtempSync(join(tmpdir(), "splitsim-report-cli-"));
const Q = "scenarios/quickstart.yaml";
const SCHEDULERS = ["cloud-only", "device-only", "fixed-split", "neurosurgeon"];

describe("splitsim report on a run's --out folder", () => {
  beforeAll(() => {
    expect(cli("run", Q, "--out", join(dir, "q")).code).toBe(0);
  });

  it("writes one self-contained page whose data agrees with the reports", () => {
    const out = join(dir, "q.html");
    const r = cli("report", join(dir, "q"), "-o", out);
    expect(r.code).toBe(0);
    const html = readFileSync(out, "utf8");
    // No network at view time: nothing loaded from elsewhere, and a policy that forbids it.
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain("Chart.js v4.6.1");
    const data = embedded(html);
    expect(data.schedulers).toEqual(SCHEDULERS);
    for (const name of SCHEDULERS) {
      const report = JSON.parse(readFileSync(join(dir, "q", name, "report.json"), "utf8")) as RunReport;
      const cdf = data.cdf.find((c) => c.scheduler === name)!.points;
      // 1,900 measured requests, more than the 400-point budget: the ends are the sample's min and max.
      expect(cdf).toHaveLength(400);
      expect(cdf[cdf.length - 1]).toEqual([report.latencyMs.max, 1]);
      // Bins hold every completion: their throughputs × widths add up to the completed count.
      const s = data.series.find((x) => x.scheduler === name)!;
      const t1 = report.window.t1Ms;
      const counted = s.throughputPerSec.reduce((a, tp, k) => a + (tp * (Math.min(t1, report.window.t0Ms + (k + 1) * s.binMs) - (report.window.t0Ms + k * s.binMs))) / 1000, 0);
      expect(counted).toBeCloseTo(report.requests.completed, 6);
    }
    expect(data.bandwidth).toBeNull();
    expect(html).toContain("pass --scenario");
  });

  it("overlays each link's bandwidth with --scenario, and refuses a scenario that is not the run's", () => {
    const out = join(dir, "bw.html");
    expect(cli("report", join(dir, "q"), "-o", out, "--scenario", Q).code).toBe(0);
    const bw = embedded(readFileSync(out, "utf8")).bandwidth!;
    // The quickstart's links are constant at 100 Mbit/s.
    expect(bw.map((b) => b.link)).toEqual(["up", "down"]);
    expect(new Set(bw[0]!.mbps)).toEqual(new Set([100]));
    const r = cli("report", join(dir, "q"), "-o", join(dir, "bw2.html"), "--scenario", Q, "--set", "links.up.latencyMs=5");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--scenario scenarios\/quickstart\.yaml: it is not the scenario of these runs \(hash \w+, the runs' \w+\); give the file the run read, with the same --set values/);
  });

  it("does not replace a file unless --force, and names an output it cannot write", () => {
    const mine = join(dir, "mine.html");
    writeFileSync(mine, "my notes\n");
    const r = cli("report", join(dir, "q"), "-o", mine);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`-o: '${mine}' already exists (use --force to replace it)`);
    expect(readFileSync(mine, "utf8")).toBe("my notes\n");
    expect(cli("report", join(dir, "q"), "-o", mine, "--force").code).toBe(0);
    expect(readFileSync(mine, "utf8")).toMatch(/^<!doctype html>/);

    const notFolder = join(dir, "mine.html", "report.html");
    const u = cli("report", join(dir, "q"), "-o", notFolder);
    expect(u.code).toBe(2);
    expect(u.stderr).toContain(`-o: cannot write '${notFolder}': its folder '${mine}' is not a folder`);
    const d = cli("report", join(dir, "q"), "-o", dir + "/");
    expect(d.code).toBe(2);
  });

  it("a folder without runs is bad input, named", () => {
    mkdirSync(join(dir, "empty"));
    const r = cli("report", join(dir, "empty"), "-o", join(dir, "e.html"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(dir, "empty")}: no runs in this folder (no <scheduler>/report.json, report.json or results.jsonl)`);
    const m = cli("report", join(dir, "missing"), "-o", join(dir, "e.html"));
    expect(m.code).toBe(2);
    expect(m.stderr).toContain("missing: no such folder or file");
  });

  it("stays under 2 MB for a 1e5-request run", () => {
    expect(cli("run", Q, "--set", "workload.requests=100000", "--out", join(dir, "big")).code).toBe(0);
    const out = join(dir, "big.html");
    expect(cli("report", join(dir, "big"), "-o", out, "--scenario", Q, "--set", "workload.requests=100000").code).toBe(0);
    expect(statSync(out).size).toBeLessThan(2e6);
  });
});

describe("splitsim report and plot on a sweep's results: bad input", () => {
  const X = "workload.arrivals.ratePerSec";
  const results = writeResults([...seedLines("a", [1, 2], { [X]: 5 }), ...seedLines("b", [3, 4], { [X]: 5 }), line("b", 1, { p95: 2 }, { [X]: 6 })]);

  it("a metric that does not exist is named, with the valid paths", () => {
    const p = cli("plot", results, "--x", X, "--y", "throughputPerSecond", "-o", join(dir, "f.svg"));
    expect(p.code).toBe(2);
    expect(p.stderr).toMatch(/--y throughputPerSecond: no report in .*results\.jsonl has a number there; metrics are paths into a report, e\.g\. latencyMs\.mean/);
    const r = cli("report", results, "-o", join(dir, "s.html"), "--metric", "latencyMs.p96");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--metric latencyMs\.p96: no report/);
  });

  it("an x that was not swept is named with the swept ones", () => {
    const p = cli("plot", results, "--x", "workload.arrivals.rate", "--y", "latencyMs.p95", "-o", join(dir, "f.svg"));
    expect(p.code).toBe(2);
    expect(p.stderr).toContain(`--x workload.arrivals.rate: not a swept parameter of ${results}; swept: ${X}`);
  });

  it("a results file with no runs is named", () => {
    const empty = writeResults([]);
    const p = cli("plot", empty, "--x", X, "--y", "latencyMs.p95", "-o", join(dir, "f.svg"));
    expect(p.code).toBe(2);
    expect(p.stderr).toContain(`${empty}: no runs (the file holds no result lines)`);
  });

  it("writes the figure, and not over a file without --force", () => {
    const out = join(dir, "fig.svg");
    const p = cli("plot", results, "--x", X, "--y", "latencyMs.p95", "-o", out);
    expect(p.code).toBe(0);
    expect(readFileSync(out, "utf8")).toMatch(/^<svg /);
    const again = cli("plot", results, "--x", X, "--y", "latencyMs.p95", "-o", out);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("already exists (use --force to replace it)");
    expect(cli("plot", results, "--x", X, "--y", "latencyMs.p95", "-o", join(dir, "fig.pdf")).code).toBe(2);
  });
});
