// `splitsim compare` from the command line: the table, the CSV on stdout and in a file, the
// bootstrap's seed, and exit 2 with what and where for each kind of bad input.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { failedLine, line, seedLines, writeResults } from "./compare-fixture.js";

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "compare", ...args], { encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The cells of one CSV line: commas split, except inside double quotes (no quotes inside quotes here). */
function csvCells(l: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (const ch of l) {
    if (ch === '"') quoted = !quoted;
    else if (ch === "," && !quoted) {
      cells.push(cell);
      cell = "";
    } else cell += ch;
  }
  return [...cells, cell];
}

// Trace a: five seeds, d = [−10, −6, −6, −12, −4] (mean −7.6, s² = 10.8). Trace b: one seed, d = −3.
// "same" repeats the baseline; its run at (b, seed 1) failed.
const A = { "trace.up": "a" };
const B = { "trace.up": "b" };
const FIXTURE = [
  ...seedLines("base", [100, 110, 105, 120, 115], A), ...seedLines("new", [90, 104, 99, 108, 111], A),
  ...seedLines("same", [100, 110, 105, 120, 115], A),
  line("base", 1, { p95: 50 }, B), line("new", 1, { p95: 47 }, B), failedLine("same", 1, "worker died", B),
];

describe("splitsim compare", () => {
  it("prints a table per group, scheduler and metric, with n=1 shown as no interval and the left-out runs counted", () => {
    const r = cli(writeResults(FIXTURE), "--baseline", "base", "--by", "trace.up", "--metric", "latencyMs.p95");
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toMatch(/^baseline base; diff = scheduler − baseline, ratio = mean\(scheduler\) \/ mean\(baseline\); 95% Student t/);
    expect(lines[1]).toMatch(/^trace\.up +metric +scheduler +seeds +baseline +value +diff +diff 95% CI +ratio +ratio 95% CI +left out$/);
    // −7.6 ± 2.776·√(10.8/5) = −7.6 ± 4.08, printed to the interval's precision (0.1).
    expect(lines[3]).toMatch(/^a +latencyMs\.p95 +new +5 +110 +102\.4 +-7\.6 +\[-11\.7, -3\.5\] +0\.931 +\[0\.89\d, 0\.96\d\]$/);
    expect(lines[4]).toMatch(/^a +latencyMs\.p95 +same +5 +110 +110 +0 +\[0, 0\] +1 +\[1, 1\]$/);
    expect(lines[5]).toMatch(/^b +latencyMs\.p95 +new +1 +50 +47 +-3 +n=1, no CI +0\.94 +n=1, no CI$/);
    expect(lines[6]).toMatch(/^b +latencyMs\.p95 +same +0 +- +- +no pairs +no pairs +1 failed$/);
    expect(r.stdout).toContain("failed runs, left out with their pairs: same 1\n");
  });

  it("--format csv prints the CSV at full precision, --csv writes the same to a file", () => {
    const file = writeResults(FIXTURE);
    const out = join(file, "..", "compare.csv");
    const r = cli(file, "--baseline", "base", "--by", "trace.up", "--metric", "latencyMs.p95,throughputPerSec", "--format", "csv", "--csv", out);
    expect(r.code).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(r.stdout);
    const [header, ...rows] = r.stdout.trim().split("\n").map(csvCells);
    expect(header).toEqual(["trace.up", "metric", "scheduler", "baseline", "seeds", "pairs", "missing", "failed", "baselineMean",
      "schedulerMean", "diff", "diffLo", "diffHi", "ratio", "ratioLo", "ratioHi", "ci", "level", "note"]);
    expect(rows).toHaveLength(8);
    const cell = (row: string[], name: string) => row[header!.indexOf(name)]!;
    const newA = rows.find((row) => row[0] === "a" && row[1] === "latencyMs.p95" && row[2] === "new")!;
    const se = Math.sqrt(10.8 / 5);
    expect(Number(cell(newA, "diff"))).toBeCloseTo(-7.6, 12);
    expect(Math.abs(Number(cell(newA, "diffLo")) - (-7.6 - 2.776 * se))).toBeLessThanOrEqual(0.0005 * se);
    expect(Math.abs(Number(cell(newA, "diffHi")) - (-7.6 + 2.776 * se))).toBeLessThanOrEqual(0.0005 * se);
    const newB = rows.find((row) => row[0] === "b" && row[1] === "latencyMs.p95" && row[2] === "new")!;
    expect([cell(newB, "diff"), cell(newB, "diffLo"), cell(newB, "note")]).toEqual(["-3", "", "n=1, no CI"]);
    const sameB = rows.find((row) => row[0] === "b" && row[2] === "same")!;
    expect([cell(sameB, "seeds"), cell(sameB, "failed"), cell(sameB, "note")]).toEqual(["0", "1", "no pairs"]);
    // Nothing but the CSV on stdout: the note on failed runs goes to stderr.
    expect(r.stderr).toContain("failed runs, left out with their pairs: same 1");
  });

  it("--ci bootstrap gives the same output for the same --ci-seed and another for another seed", () => {
    const base = Array.from({ length: 12 }, (_, i) => 100 + 10 * Math.sin(i));
    const file = writeResults([...seedLines("base", base), ...seedLines("new", base.map((b, i) => b - 3 + Math.sqrt(i)))]);
    const run = (seed: string) => cli(file, "--baseline", "base", "--ci", "bootstrap", "--ci-seed", seed, "--resamples", "2000", "--format", "csv");
    const first = run("5");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(",bootstrap,0.95,");
    expect(run("5").stdout).toBe(first.stdout);
    expect(run("6").stdout).not.toBe(first.stdout);
  });
});

describe("splitsim compare: bad input exits 2 saying what and where", () => {
  it("a missing file", () => {
    const r = cli("/nonexistent/results.jsonl", "--baseline", "base");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("splitsim: /nonexistent/results.jsonl: no such results file\n");
  });

  it("a corrupt line, as file:line", () => {
    const file = writeResults([...seedLines("base", [1, 2]), '{"key": "k", "poi']);
    const r = cli(file, "--baseline", "base");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:3: not JSON`);
    expect(r.stdout).toBe("");
  });

  it("an unknown baseline, listing the schedulers in the file", () => {
    const r = cli(writeResults(FIXTURE), "--baseline", "neurosurgeon");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--baseline neurosurgeon: no such scheduler in .*results\.jsonl; it has base, new, same\n/);
  });

  it("an unknown metric, listing valid ones", () => {
    const r = cli(writeResults(FIXTURE), "--baseline", "base", "--metric", "latencyMs.p95,latency.p95");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--metric latency\.p95: no report in .* has a number there \(did you mean latencyMs\.p95\?\); metrics are paths into a report, e\.g\. latencyMs\.mean, latencyMs\.p50/);
  });

  it("a results file with no runs", () => {
    const file = writeResults([]);
    writeFileSync(file, "\n");
    const r = cli(file, "--baseline", "base");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`splitsim: ${file}: no runs (the file holds no result lines)\n`);
  });

  it("bootstrap options without --ci bootstrap, and no --baseline", () => {
    const file = writeResults(FIXTURE);
    const r = cli(file, "--baseline", "base", "--resamples", "500");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--resamples and --ci-seed only apply with --ci bootstrap");
    const none = cli(file);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/Missing required argument: baseline/);
  });
});
