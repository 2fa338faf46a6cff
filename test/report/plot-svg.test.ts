// `splitsim plot`'s figure on hand-made sweep results: one series per scheduler, and error bars
// that are compare's intervals — the t interval of the mean over seeds (hand-computed), and with
// --baseline exactly the rows `compare --by x` computes.
import { describe, expect, it } from "vitest";
import { compareResults } from "../../src/research/compare.js";
import { readResults } from "../../src/research/results-read.js";
import { svgFigure } from "../../src/report/svg-figure.js";
import { sweepFigure } from "../../src/report/sweep-series.js";
import { failedLine, line, writeResults } from "../research/compare-fixture.js";
import { svgSeries } from "./svg-data.js";

const X = "workload.arrivals.ratePerSec";
// t_{0.975, 2} (R: qt(0.975, 2)) and t_{0.975, 3}; jstat's quantile agrees to about 1e-9, hence 8 decimals below.
const T2 = 4.302652729749464;
const T3 = 3.182446305284263;

/** base: p95 10, 12, 14 at x = 10 and 20, 20, 20 at x = 20; fast: 2, 4, 6 below base at 10, 5 below at 20. */
function fixture(): string {
  const lines: string[] = [];
  const base10 = [10, 12, 14];
  base10.forEach((v, i) => lines.push(line("base", i + 1, { p95: v }, { [X]: 10 })));
  [20, 20, 20].forEach((v, i) => lines.push(line("base", i + 1, { p95: v }, { [X]: 20 })));
  [8, 8, 8].forEach((v, i) => lines.push(line("fast", i + 1, { p95: v }, { [X]: 10 })));
  [15, 15, 15].forEach((v, i) => lines.push(line("fast", i + 1, { p95: v }, { [X]: 20 })));
  return writeResults(lines);
}

describe("plot's SVG", () => {
  it("draws one series per scheduler, each point the mean over seeds with its t interval", () => {
    const results = readResults(fixture());
    const svg = svgFigure(sweepFigure(results, { x: X, metric: "latencyMs.p95" }));
    const s = svgSeries(svg);
    expect([...s.keys()]).toEqual(["base", "fast"]);
    const [b10, b20] = s.get("base")!;
    // 10, 12, 14: mean 12, s = 2, half-width t·s/√3.
    expect(b10!.x).toBe("10");
    expect(b10!.y).toBe(12);
    const half = (T2 * 2) / Math.sqrt(3);
    expect(b10!.lo).toBeCloseTo(12 - half, 8);
    expect(b10!.hi).toBeCloseTo(12 + half, 8);
    expect(b10!.errorBar).toBe(true);
    // Equal values: a zero-width interval at exactly that value.
    expect(b20).toMatchObject({ x: "20", y: 20, lo: 20, hi: 20, seeds: 3 });
    expect(s.get("fast")!.map((p) => [p.y, p.lo, p.hi])).toEqual([[8, 8, 8], [15, 15, 15]]);
  });

  it("with --baseline, the points and bars are compare's differences and CIs, to the last bit", () => {
    const results = readResults(fixture());
    const svg = svgFigure(sweepFigure(results, { x: X, metric: "latencyMs.p95", baseline: "base" }));
    const c = compareResults(results, { baseline: "base", metrics: ["latencyMs.p95"], by: [X], ci: { kind: "t" } });
    const fast = svgSeries(svg).get("fast")!;
    expect(fast).toHaveLength(2);
    c.rows.forEach((row, i) => {
      const ci = row.difference!.ci as { lo: number; hi: number };
      expect(fast[i]!.x).toBe(String(row.group[0]));
      expect([fast[i]!.y, fast[i]!.lo, fast[i]!.hi]).toEqual([row.difference!.value, ci.lo, ci.hi]);
    });
    // By hand: at 10 the differences are −2, −4, −6 (mean −4, s = 2); at 20 all −5.
    expect(fast[0]!.y).toBe(-4);
    expect(fast[0]!.hi! - fast[0]!.lo!).toBeCloseTo((2 * T2 * 2) / Math.sqrt(3), 8);
    expect(fast[1]).toMatchObject({ y: -5, lo: -5, hi: -5 });
    // The baseline is the dashed reference line at 0, not a series.
    expect(svgSeries(svg).has("base")).toBe(false);
    expect(svg).toMatch(/class="reference"[^>]*data-y="0"/);
  });

  it("the ratio uses compare's Fieller interval", () => {
    const results = readResults(fixture());
    const fig = sweepFigure(results, { x: X, metric: "latencyMs.p95", baseline: "base", ratio: true });
    const c = compareResults(results, { baseline: "base", metrics: ["latencyMs.p95"], by: [X], ci: { kind: "t" } });
    const fast = svgSeries(svgFigure(fig)).get("fast")!;
    expect(fast.map((p) => [p.y, p.lo, p.hi])).toEqual(c.rows.map((r) => [r.ratio!.value, (r.ratio!.ci as { lo: number }).lo, (r.ratio!.ci as { hi: number }).hi]));
    // 8/12 and 15/20.
    expect(fast.map((p) => p.y)).toEqual([8 / 12, 0.75]);
  });

  it("a point with one seed has no bar and says why; failed runs are left out of the mean", () => {
    const file = writeResults([
      line("a", 1, { p95: 10 }, { [X]: 5 }),
      line("a", 1, { p95: 30 }, { [X]: 6 }), line("a", 2, { p95: 31 }, { [X]: 6 }), line("a", 3, { p95: 35 }, { [X]: 6 }), line("a", 4, { p95: 32 }, { [X]: 6 }),
      failedLine("a", 5, "boom", { [X]: 6 }),
    ]);
    const [one, four] = svgSeries(svgFigure(sweepFigure(readResults(file), { x: X, metric: "latencyMs.p95" }))).get("a")!;
    expect(one).toMatchObject({ y: 10, lo: null, hi: null, note: "n=1, no CI", errorBar: false, seeds: 1 });
    // 30, 31, 35, 32: mean 32, s² = (4 + 1 + 9 + 0)/3.
    expect(four!.y).toBe(32);
    expect(four!.seeds).toBe(4);
    expect(four!.hi! - 32).toBeCloseTo(T3 * Math.sqrt(14 / 3 / 4), 8);
  });

  it("string x values (swept traces) are categories in compare's order", () => {
    const file = writeResults([
      line("a", 1, { p95: 3 }, { "trace.up": "b.up" }), line("a", 1, { p95: 1 }, { "trace.up": "a.up" }),
    ]);
    const fig = sweepFigure(readResults(file), { x: "trace.up", metric: "latencyMs.p95" });
    expect(fig.numericX).toBe(false);
    expect(fig.xs).toEqual(["a.up", "b.up"]);
    expect(svgSeries(svgFigure(fig)).get("a")!.map((p) => p.x)).toEqual(["a.up", "b.up"]);
  });
});
