// compareResults: pairing on (point, seed), one sample value per seed, --by groups, what is left
// out and counted, and the bad-input messages. Expected values are worked out by hand.
import { describe, expect, it } from "vitest";
import { compareResults, type CiMethod, type CompareOptions, type CompareRow } from "../../src/research/compare.js";
import { parseResults } from "../../src/research/results-read.js";
import { failedLine, line, seedLines } from "./compare-fixture.js";

const T: CiMethod = { kind: "t" };
const T_TABLE_ERROR = 0.0005;

function compare(lines: readonly string[], o: Partial<CompareOptions> = {}): CompareRow[] {
  const results = parseResults(lines.join("\n"), "r.jsonl");
  return compareResults(results, { baseline: "base", metrics: ["latencyMs.p95"], by: [], ci: T, ...o }).rows;
}

function ci(row: CompareRow | undefined): { lo: number; hi: number } {
  const c = row?.difference?.ci;
  if (c === undefined || typeof c === "string") throw new Error(`no interval: ${String(c)}`);
  return c;
}

// Ten seeds; "fast" is 5 ms better than the baseline on every seed, give or take 0.5 ms.
const BASE10 = [100, 120, 95, 130, 110, 105, 140, 98, 115, 125];
const FAST10 = BASE10.map((b, i) => b - 5 + (i % 3 === 0 ? 0.5 : i % 3 === 1 ? -0.5 : 0));

describe("compare against a baseline", () => {
  it("a scheduler better on every seed has an interval that excludes 0 (and a ratio below 1)", () => {
    const [row] = compare([...seedLines("base", BASE10), ...seedLines("fast", FAST10)]);
    expect(row!.seeds).toBe(10);
    expect(ci(row).hi).toBeLessThan(0);
    const r = row!.ratio!.ci;
    expect(typeof r !== "string" && r.hi < 1).toBe(true);
  });

  it("two identical instances differ by exactly 0 with zero width, ratio exactly 1", () => {
    const [row] = compare([...seedLines("base", BASE10), ...seedLines("same", BASE10)]);
    expect(row!.difference).toEqual({ value: 0, ci: { lo: 0, hi: 0 } });
    expect(row!.ratio).toEqual({ value: 1, ci: { lo: 1, hi: 1 } });
    const [boot] = compare([...seedLines("base", BASE10), ...seedLines("same", BASE10)], { ci: { kind: "bootstrap", resamples: 1000, seed: 3 } });
    expect(boot!.difference).toEqual({ value: 0, ci: { lo: 0, hi: 0 } });
  });

  it("the interval is the textbook paired t-interval: mean ± 2.776·s/√5 for five seeds", () => {
    // d = [90−100, 104−110, 99−105, 108−120, 111−115] = [−10, −6, −6, −12, −4]: mean −7.6, s² = 43.2/4.
    const [row] = compare([...seedLines("base", [100, 110, 105, 120, 115]), ...seedLines("new", [90, 104, 99, 108, 111])]);
    const se = Math.sqrt(10.8 / 5);
    expect(row!.difference!.value).toBeCloseTo(-7.6, 12);
    expect(Math.abs(ci(row).lo - (-7.6 - 2.776 * se))).toBeLessThanOrEqual(T_TABLE_ERROR * se);
    expect(Math.abs(ci(row).hi - (-7.6 + 2.776 * se))).toBeLessThanOrEqual(T_TABLE_ERROR * se);
    expect(row!.baselineMean).toBeCloseTo(110, 12);
    expect(row!.schedulerMean).toBeCloseTo(102.4, 12);
    expect(row!.ratio!.value).toBeCloseTo(102.4 / 110, 12);
  });

  it("one seed gives the difference without an interval", () => {
    const [row] = compare([line("base", 1, { p95: 10 }), line("new", 1, { p95: 7 })]);
    expect(row!.seeds).toBe(1);
    expect(row!.difference).toEqual({ value: -3, ci: "n=1, no CI" });
  });

  // Two points (traces a and b) × three seeds; d at a = [−4, −2, −6], at b = [−6, −4, −8].
  const grid = [
    ...seedLines("base", [20, 20, 20], { "trace.up": "a" }), ...seedLines("new", [16, 18, 14], { "trace.up": "a" }),
    ...seedLines("base", [30, 30, 30], { "trace.up": "b" }), ...seedLines("new", [24, 26, 22], { "trace.up": "b" }),
  ];

  it("over several points a seed's differences are averaged first: the seed is the sample unit", () => {
    // Per seed: (−4−6)/2 = −5, (−2−4)/2 = −3, (−6−8)/2 = −7: mean −5, s = 2, n = 3 seeds (not 6 pairs).
    const [row] = compare(grid);
    expect([row!.seeds, row!.pairs]).toEqual([3, 6]);
    expect(row!.difference!.value).toBeCloseTo(-5, 12);
    const se = 2 / Math.sqrt(3);
    expect(Math.abs(ci(row).hi - (-5 + 4.303 * se))).toBeLessThanOrEqual(T_TABLE_ERROR * se);
  });

  it("--by groups by a swept parameter, in ascending order of its values", () => {
    const rows = compare([...grid].reverse(), { by: ["trace.up"] });
    expect(rows.map((r) => [r.group, r.seeds, r.difference!.value])).toEqual([[["a"], 3, -4], [["b"], 3, -6]]);
    const se = 2 / Math.sqrt(3);
    expect(Math.abs(ci(rows[0]).lo - (-4 - 4.303 * se))).toBeLessThanOrEqual(T_TABLE_ERROR * se);
    const numeric = compare([
      ...seedLines("base", [1, 2], { fps: 10 }), ...seedLines("new", [1, 2], { fps: 10 }),
      ...seedLines("base", [1, 2], { fps: 5 }), ...seedLines("new", [1, 2], { fps: 5 }),
      ...seedLines("base", [1, 2], { fps: 30 }), ...seedLines("new", [1, 2], { fps: 30 }),
    ], { by: ["fps"] });
    expect(numeric.map((r) => r.group[0])).toEqual([5, 10, 30]);
  });

  it("counts and leaves out pairs with a failed or missing side, and uses the rest", () => {
    const lines = grid.filter((l) => {
      const o = JSON.parse(l) as { scheduler: string; seed: number; point: Record<string, string> };
      // The new scheduler's run at (b, seed 3) is missing; the baseline's at (a, seed 2) failed.
      return !(o.scheduler === "new" && o.seed === 3 && o.point["trace.up"] === "b") &&
        !(o.scheduler === "base" && o.seed === 2 && o.point["trace.up"] === "a");
    });
    lines.push(failedLine("base", 2, "out of memory", { "trace.up": "a" }));
    const [row] = compare(lines);
    // Seed 1: (−4−6)/2 = −5; seed 2: only b, −4; seed 3: only a, −6.
    expect([row!.seeds, row!.pairs, row!.missing, row!.failed]).toEqual([3, 4, 1, 1]);
    expect(row!.difference!.value).toBeCloseTo(-5, 12);
  });

  it("gives the same numbers whatever the order of the lines", () => {
    const lines = [...seedLines("base", BASE10), ...seedLines("fast", FAST10)];
    const shuffled = lines.map((l, i) => [l, (i * 7) % lines.length] as const).sort((a, b) => a[1] - b[1]).map(([l]) => l);
    expect(compare(shuffled)).toEqual(compare(lines));
  });

  it("rows go by group, then metric, then scheduler (alphabetical, baseline left out)", () => {
    const rows = compare([...seedLines("base", [1, 2]), ...seedLines("zeta", [1, 2]), ...seedLines("alpha", [1, 2])],
      { metrics: ["latencyMs.p95", "throughputPerSec"] });
    expect(rows.map((r) => `${r.metric}/${r.scheduler}`)).toEqual(
      ["latencyMs.p95/alpha", "latencyMs.p95/zeta", "throughputPerSec/alpha", "throughputPerSec/zeta"]);
  });
});

describe("compare refuses bad input, saying what and where", () => {
  const two = [...seedLines("base", [1, 2]), ...seedLines("new", [1, 2], {})];

  it("an unknown baseline lists the schedulers in the file", () => {
    expect(() => compare(two, { baseline: "nope" })).toThrow("--baseline nope: no such scheduler in r.jsonl; it has base, new");
  });

  it("an unknown metric lists valid paths and suggests the nearest", () => {
    expect(() => compare(two, { metrics: ["latencyMs.95"] }))
      .toThrow(/--metric latencyMs\.95: no report in r\.jsonl has a number there \(did you mean latencyMs\.p95\?\); metrics are paths into a report, e\.g\. latencyMs\.mean, latencyMs\.p50, .*throughputPerSec, makespanMs, bubbleRatio\.overall/);
  });

  it("a metric missing from a paired run's report is named with file:line", () => {
    const withPolicy = (l: string, n: number) => {
      const o = JSON.parse(l) as { report: Record<string, unknown> };
      o.report.policy = { cuts: n };
      return JSON.stringify(o);
    };
    const lines = [...seedLines("base", [1, 2]), ...seedLines("new", [1, 2]).map((l, i) => withPolicy(l, i))];
    expect(() => compare(lines, { metrics: ["policy.cuts"] }))
      .toThrow("r.jsonl: 2 runs without a metric\n  r.jsonl:1: policy.cuts is not a number in this report (base, seed 1)\n  r.jsonl:2: policy.cuts");
  });

  it("an unknown --by path lists the swept parameters", () => {
    expect(() => compare(two, { by: ["fps"] })).toThrow("--by fps: not a swept parameter of r.jsonl; its runs sweep no parameter (only seeds)");
  });

  it("a file with only the baseline, or only failed runs, has nothing to compare", () => {
    expect(() => compare(seedLines("base", [1]))).toThrow("only the baseline base was run");
    expect(() => compare([failedLine("base", 1, "x"), failedLine("new", 1, "y")])).toThrow("r.jsonl: all 2 runs failed, nothing to compare (r.jsonl:1: x)");
  });
});
