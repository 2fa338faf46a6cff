// The CLI's view of report metrics and content: one P(<=D ms) column per deadline in the summary
// (table and csv), timeseries.csv under --out matching report.json, and a `content` column in
// requests.csv only when a source has a content process. Scenarios are equal-stages.yaml (request
// j completes at (3 + j)·10 ms, latencies 30..120 ms) with extra keys, written to a temp dir.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { RunReport } from "../../src/metrics/report.js";
import { generateWorkload } from "../../src/scenario/generate-workload.js";
import { resolveScenarioText } from "../../src/scenario/load.js";

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const EQUAL = readFileSync("scenarios/examples/equal-stages.yaml", "utf8");

/** equal-stages.yaml with `extra` appended (and `workloadLine` added inside workload), in a temp dir. */
function scenarioFile(extra: string, workloadLine = ""): { dir: string; file: string; text: string } {
  const dir = mkdtempSync(join(tmpdir(), "splitsim-metrics-"));
  const file = join(dir, "s.yaml");
  const text = EQUAL.replace("  requests: 10", `  requests: 10${workloadLine ? `\n  ${workloadLine}` : ""}`) + extra + "\n";
  writeFileSync(file, text);
  return { dir, file, text };
}

const csvRows = (text: string) => text.trim().split("\n").map((l) => l.split(","));

describe("the summary's deadline columns", () => {
  // P(<=50 ms) = 3/10 (30, 40, 50 ms); P(<=100 ms) = 8/10.
  const { file } = scenarioFile("metrics: { deadlinesMs: [100, 50] }");

  it("the table has one P(<=D ms) column per deadline, in increasing D", () => {
    const r = cli("run", file);
    expect(r.code).toBe(0);
    const [, header, , row] = r.stdout.split("\n");
    const cells = (l: string) => l.trim().split(/\s{2,}/);
    expect(cells(header!).slice(-2)).toEqual(["P(<=50 ms)", "P(<=100 ms)"]);
    expect(cells(row!).slice(-2)).toEqual(["0.300", "0.800"]);
    // No request has a deadline of its own here, so there is no "missed" column.
    expect(cells(header!)).not.toContain("missed");
  });

  it("--format csv has a column per deadline, at full precision", () => {
    const r = cli("run", file, "--format", "csv");
    expect(r.code).toBe(0);
    const [header, row] = csvRows(r.stdout);
    const at = (name: string) => row![header!.indexOf(name)];
    expect([at("deadlineReliability.50ms"), at("deadlineReliability.100ms")]).toEqual(["0.3", "0.8"]);
  });

  it("without deadlines there is no deadline column", () => {
    const r = cli("run", scenarioFile("").file, "--format", "csv");
    expect(csvRows(r.stdout)[0]!.some((c) => c.startsWith("deadlineReliability"))).toBe(false);
  });
});

describe("timeseries.csv under --out", () => {
  it("has one row per bin, with the numbers of report.json", () => {
    const { dir, file } = scenarioFile("metrics: { binMs: 25 }");
    const out = join(dir, "out");
    expect(cli("run", file, "--out", out).code).toBe(0);
    const report = JSON.parse(readFileSync(join(out, "fixed-split", "report.json"), "utf8")) as RunReport;
    const [header, ...rows] = csvRows(readFileSync(join(out, "fixed-split", "timeseries.csv"), "utf8"));
    expect(header).toEqual(["startMs", "endMs", "completed", "dropped", "throughputPerSec", "latencyMeanMs", "latencyP95Ms", "latencyMaxMs"]);
    // Bins [0,25) [25,50) [50,75) [75,100) [100,120]: five rows.
    expect(rows).toHaveLength(5);
    expect(rows.map((r) => r.map(Number))).toEqual(
      report.timeSeries!.bins.map((b) => [b.startMs, b.endMs, b.completed, b.dropped, b.throughputPerSec, b.latencyMeanMs, b.latencyP95Ms, b.latencyMaxMs]),
    );
    // The last bin by hand: [100, 120], 3 completions over 20 ms = 150/s, latencies 100, 110, 120.
    expect(rows[4]).toEqual(["100.000000", "120.000000", "3", "0", "150.000000000", "110.000000", "119.000000", "120.000000"]);
  });

  it("is not written without binMs", () => {
    const { dir, file } = scenarioFile("metrics: { deadlinesMs: [50] }");
    const out = join(dir, "out");
    expect(cli("run", file, "--out", out).code).toBe(0);
    expect(existsSync(join(out, "fixed-split", "report.json"))).toBe(true);
    expect(existsSync(join(out, "fixed-split", "timeseries.csv"))).toBe(false);
  });
});

describe("the content column of requests.csv", () => {
  it("holds each request's label name when the source has content", () => {
    const { dir, file, text } = scenarioFile("", "content: { labels: [road, park, home], stayProb: 0.5 }");
    const out = join(dir, "out");
    expect(cli("run", file, "--out", out).code).toBe(0);
    const [header, ...rows] = csvRows(readFileSync(join(out, "fixed-split", "requests.csv"), "utf8"));
    const col = header!.indexOf("content");
    expect(col).toBeGreaterThan(0);
    // One source, so request id = request index; its label is the workload's draw for that index.
    const labels = generateWorkload(resolveScenarioText(text, file)).sources[0]!.content!.label;
    expect(rows.map((r) => r[col])).toEqual(Array.from(labels, (l) => ["road", "park", "home"][l]));
  });

  it("is absent when no source has content", () => {
    const { dir, file } = scenarioFile("");
    const out = join(dir, "out");
    expect(cli("run", file, "--out", out).code).toBe(0);
    expect(csvRows(readFileSync(join(out, "fixed-split", "requests.csv"), "utf8"))[0]).not.toContain("content");
  });
});
