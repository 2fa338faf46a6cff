// Reading results.jsonl for compare: every bad line is named as file:line, an empty file is refused,
// repeated lines are skipped and counted, and a run that is ambiguous (two results, two grids) is refused.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseResults, readResults } from "../../src/research/results-read.js";
import { failedLine, line, writeResults } from "./compare-fixture.js";

describe("reading results.jsonl", () => {
  it("reads runs and failed runs, with their line numbers and canonical points", () => {
    const text = [line("a", 1, { p95: 10 }, { x: 1, y: "t" }), "", failedLine("b", 1, "boom", { y: "t", x: 1 })].join("\n") + "\n";
    const r = parseResults(text, "r.jsonl");
    expect(r.runs.map((run) => [run.line, run.scheduler, run.seed, run.error ?? "ok"])).toEqual([[1, "a", 1, "ok"], [3, "b", 1, "boom"]]);
    // The same point written in another key order is the same point.
    expect(r.runs[0]!.pointKey).toBe(r.runs[1]!.pointKey);
    expect(r.repeated).toBe(0);
  });

  it("names every corrupt line as file:line", () => {
    const text = [
      line("a", 1, { p95: 10 }),
      '{"key": "k", "point": {}, "scheduler": "a", "se', // cut short, as by a kill
      JSON.stringify({ key: "k2", point: {}, scheduler: "a", seed: 1.5, error: "x" }),
      JSON.stringify({ key: "k3", point: {}, scheduler: "a", seed: 3 }),
    ].join("\n");
    expect(() => parseResults(text, "r.jsonl")).toThrow(/r\.jsonl: 3 bad lines\n {2}r\.jsonl:2: not JSON .*re-running the sweep\n {2}r\.jsonl:3: seed: .*int.*\n {2}r\.jsonl:4: a run holds either a report or an error/);
  });

  it("refuses a file with no runs, and a missing file", () => {
    expect(() => parseResults("\n\n", "r.jsonl")).toThrow("r.jsonl: no runs");
    expect(() => readResults("/nonexistent/results.jsonl")).toThrow("/nonexistent/results.jsonl: no such results file");
    expect(() => readResults(mkdtempSync(join(tmpdir(), "splitsim-compare-")))).toThrow(/a folder without results\.jsonl/);
  });

  it("reads a sweep's --out folder through its results.jsonl", () => {
    const file = writeResults([line("a", 1, { p95: 10 })]);
    expect(readResults(join(file, "..")).runs).toHaveLength(1);
  });

  it("skips a repeated line and lets a later success supersede a failure of the same run", () => {
    const ok = line("a", 1, { p95: 10 });
    const r = parseResults([failedLine("a", 1, "worker died"), ok, ok].join("\n"), "r.jsonl");
    expect(r.runs).toHaveLength(1);
    expect(r.runs[0]!.line).toBe(2);
    expect(r.runs[0]!.report).toBeDefined();
    expect(r.repeated).toBe(2);
  });

  it("refuses the same run with two different reports, or under two run keys", () => {
    expect(() => parseResults([line("a", 1, { p95: 10 }), line("a", 1, { p95: 11 })].join("\n"), "r.jsonl"))
      .toThrow(/r\.jsonl:2: a at seed 1, point \{\} has a different report from line 1/);
    const other = JSON.stringify({ ...JSON.parse(line("a", 1, { p95: 10 })), key: "ffff" });
    expect(() => parseResults([line("a", 1, { p95: 10 }), other].join("\n"), "r.jsonl"))
      .toThrow(/r\.jsonl:2: .*under another run key .*mixes results of two different grids/);
  });
});
