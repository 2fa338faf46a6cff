// The latency sketch (metrics.latencySketch) as a spec: against exact type-7 quantiles of the
// same sample (stats.ts, itself checked against d3-array and numpy's definition), every quantile
// is within the relative error; mean and max are exact; a run's report with the sketch equals the
// exact report but for quantiles within that error.
import fc from "fast-check";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LatencySketch } from "../../src/metrics/latency-sketch.js";
import { summarize } from "../../src/metrics/stats.js";
import { resolveScenarioText } from "../../src/scenario/load.js";
import { runScenario } from "../../src/scenario/run.js";

const QS = ["p50", "p90", "p95", "p99"] as const;

/** |approx − exact| <= α·exact, with a little slack for the floating-point powers of γ. */
function within(approx: number, exact: number, alpha: number): boolean {
  return Math.abs(approx - exact) <= alpha * exact * (1 + 1e-9) + 1e-9;
}

describe("LatencySketch", () => {
  it("every quantile within the relative error; mean and max exact (random samples over 12 decades)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1e12 }), { minLength: 1, maxLength: 400 }),
        fc.constantFrom(1e-4, 1e-3, 1e-2, 0.1),
        (values, alpha) => {
          const sk = new LatencySketch(alpha);
          for (const v of values) sk.add(v);
          const exact = summarize(Float64Array.from(values));
          const got = sk.summary();
          expect(got.mean).toBe(exact.mean);
          expect(got.max).toBe(exact.max);
          for (const q of QS) expect(within(got[q], exact[q], alpha), `${q}: ${got[q]} vs ${exact[q]} at α ${alpha}`).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("counts latencies of 0 ns (a zero-length plan) as 0", () => {
    const sk = new LatencySketch(0.01);
    for (const v of [0, 0, 0, 5e6]) sk.add(v);
    expect(sk.quantile(0.5)).toBe(0); // h = 1.5 between two zeros
    expect(sk.quantile(1)).toBe(5e6);
  });

  it("keeps every count when the range grows downwards and upwards", () => {
    const sk = new LatencySketch(0.001);
    const values = [1e9, 1e3, 1e12, 1, 5e6, 2e11, 7];
    for (const v of values) sk.add(v);
    const sorted = [...values].sort((a, b) => a - b);
    sorted.forEach((v, k) => expect(within(sk.quantile(k / (values.length - 1)), v, 0.001)).toBe(true));
  });

  it("refuses a relative error outside (0, 1)", () => {
    expect(() => new LatencySketch(0)).toThrow(RangeError);
    expect(() => new LatencySketch(1)).toThrow(RangeError);
  });
});

describe("metrics.latencySketch in a run", () => {
  // Two cameras (two sources): the per-source figures are sketched too.
  const FILE = "scenarios/examples/two-cameras.yaml";
  const run = (extra: string) => runScenario(resolveScenarioText(readFileSync(FILE, "utf8") + extra, FILE), "cloud-only").report;

  it("changes only the quantiles, each within the error, and says it was used", () => {
    const exact = run("metrics: { deadlinesMs: [20, 40, 80] }\n");
    const sk = run("metrics: { deadlinesMs: [20, 40, 80], latencySketch: 0.001 }\n");
    expect(sk.latencySketch).toEqual({ relativeError: 0.001 });
    expect(exact.latencySketch).toBeUndefined();
    expect(sk.deadlineReliability).toEqual(exact.deadlineReliability);
    expect(sk.requests).toEqual(exact.requests);
    expect(sk.latencyMs.mean).toBe(exact.latencyMs.mean);
    expect(sk.latencyMs.max).toBe(exact.latencyMs.max);
    for (const q of QS) expect(within(sk.latencyMs[q], exact.latencyMs[q], 0.001 + 1e-6)).toBe(true);
    expect(sk.sources!.length).toBe(2);
    sk.sources!.forEach((s, i) => {
      const e = exact.sources![i]!;
      expect(s.measured).toBe(e.measured);
      expect(s.latencyMs.mean).toBeCloseTo(e.latencyMs.mean, 9);
      for (const q of QS) expect(within(s.latencyMs[q], e.latencyMs[q], 0.001 + 1e-6)).toBe(true);
    });
    const { latencyMs: _a, latencySketch: _b, sources: _c, ...restSk } = sk;
    const { latencyMs: _d, sources: _e, ...restExact } = exact;
    expect({ ...restSk, scenarioHash: "" }).toEqual({ ...restExact, scenarioHash: "" });
  });

  it("splitsim run says on stderr that the table's quantiles come from the sketch", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "run", "scenarios/quickstart.yaml", "--set", "workload.requests=300", "--set", "metrics.latencySketch=0.001"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("latency quantiles come from a sketch (metrics.latencySketch), each within 0.1 % of the exact one");
  });
});
