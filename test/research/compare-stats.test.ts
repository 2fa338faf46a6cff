// The statistics behind `splitsim compare`, checked against textbook formulas with t-table values
// (df = 4: t_0.975 = 2.776; df = 2: 4.303), not against what the code prints.
import { describe, expect, it } from "vitest";
import { createStream } from "../../src/core/random.js";
import { bootstrap, fiellerRatio, meanVar, tInterval, tQuantile, type Interval } from "../../src/research/paired-stats.js";

// A t-table gives 4 digits, so its value is off by at most 0.0005.
const T_TABLE_ERROR = 0.0005;

// Five seeds: the baseline's p95 and a scheduler's, d = scheduler − baseline = [−10, −6, −6, −12, −4].
const BASE = [100, 110, 105, 120, 115];
const SCHED = [90, 104, 99, 108, 111];
const D = SCHED.map((s, i) => s - BASE[i]!);

function interval(ci: Interval | string): Interval {
  if (typeof ci === "string") throw new Error(`expected an interval, got ${ci}`);
  return ci;
}

describe("paired t-interval", () => {
  it("tQuantile matches the printed t-table (two-sided 95 %)", () => {
    for (const [df, t] of [[1, 12.706], [2, 4.303], [4, 2.776], [9, 2.262], [29, 2.045]] as const) {
      expect(Math.abs(tQuantile(0.95, df) - t)).toBeLessThanOrEqual(T_TABLE_ERROR);
    }
  });

  it("equals mean ± t_{0.975,n−1}·s/√n computed by hand", () => {
    // mean = −38/5 = −7.6; squared deviations 5.76 + 2.56 + 2.56 + 19.36 + 12.96 = 43.2; s² = 43.2/4 = 10.8.
    const mean = -7.6;
    const se = Math.sqrt(10.8) / Math.sqrt(5);
    const e = tInterval(D);
    expect(e.value).toBeCloseTo(mean, 12);
    const ci = interval(e.ci);
    expect(Math.abs(ci.lo - (mean - 2.776 * se))).toBeLessThanOrEqual(T_TABLE_ERROR * se);
    expect(Math.abs(ci.hi - (mean + 2.776 * se))).toBeLessThanOrEqual(T_TABLE_ERROR * se);
    // By hand: −7.6 ∓ 4.080 → [−11.68, −3.52]; every seed is better, and the interval excludes 0.
    expect(ci.lo).toBeCloseTo(-11.68, 2);
    expect(ci.hi).toBeCloseTo(-3.52, 2);
  });

  it("equal differences give their value exactly and a zero-width interval", () => {
    // 0.1 three times: a plain sum/3 would give 0.10000000000000002 and a spread of ~1e-17.
    expect(meanVar([0.1, 0.1, 0.1])).toEqual({ mean: 0.1, variance: 0 });
    expect(tInterval([0.1, 0.1, 0.1])).toEqual({ value: 0.1, ci: { lo: 0.1, hi: 0.1 } });
    expect(tInterval([0, 0, 0, 0])).toEqual({ value: 0, ci: { lo: 0, hi: 0 } });
  });

  it("one seed has a mean but no interval", () => {
    expect(tInterval([-3])).toEqual({ value: -3, ci: "n=1, no CI" });
  });
});

describe("ratio of means with Fieller's interval", () => {
  it("is mean(scheduler)/mean(baseline), and at each end the paired t-test of s − ρ·b just rejects", () => {
    const e = fiellerRatio(SCHED, BASE)!;
    expect(e.value).toBeCloseTo(512 / 550, 12);
    const ci = interval(e.ci);
    expect(ci.lo).toBeLessThan(e.value);
    expect(ci.hi).toBeGreaterThan(e.value);
    // Fieller's interval is {ρ : |t(s_i − ρ·b_i)| ≤ t_{0.975,n−1}}: at its ends |t| is the table's 2.776.
    for (const rho of [ci.lo, ci.hi]) {
      const z = SCHED.map((s, i) => s - rho * BASE[i]!);
      const m = z.reduce((a, v) => a + v, 0) / z.length;
      const sd = Math.sqrt(z.reduce((a, v) => a + (v - m) ** 2, 0) / (z.length - 1));
      expect(Math.abs(m / (sd / Math.sqrt(z.length))) - 2.776).toBeLessThanOrEqual(T_TABLE_ERROR);
      expect(Math.abs(m / (sd / Math.sqrt(z.length))) - 2.776).toBeGreaterThanOrEqual(-T_TABLE_ERROR);
    }
    // The difference's interval excludes 0, so the ratio's excludes 1.
    expect(ci.hi).toBeLessThan(1);
  });

  it("identical samples give exactly 1 with zero width", () => {
    expect(fiellerRatio(BASE, BASE)).toEqual({ value: 1, ci: { lo: 1, hi: 1 } });
  });

  it("is unbounded when the baseline's mean is not clearly away from 0, and undefined when it is 0", () => {
    // b̄ = 0.5, s_b = √2.5 ≈ 1.58: b̄² = 0.25 < t²·s_b²/n ≈ 3.86.
    expect(fiellerRatio([1, 2, 3, 4], [-1, 2, 1, 0])!.ci).toBe("unbounded");
    expect(fiellerRatio([1, 2], [-1, 1])).toBeNull();
  });
});

describe("percentile bootstrap over seeds", () => {
  const run = (seed: number, d = D, s = SCHED, b = BASE) => bootstrap(s, b, d, createStream(seed, "test"), 2000);

  it("is the same for the same seed and differs for another", () => {
    expect(run(7)).toEqual(run(7));
    // Five integer differences have few distinct resampled means; twelve irrational ones have many.
    const d = Array.from({ length: 12 }, (_, i) => -5 + Math.sqrt(i + 2));
    const b = d.map(() => 100);
    const s = d.map((v) => 100 + v);
    expect(run(7, d, s, b)).toEqual(run(7, d, s, b));
    expect(run(7, d, s, b).difference.ci).not.toEqual(run(8, d, s, b).difference.ci);
  });

  it("keeps the sample mean and ratio as estimates and stays within the sample's range", () => {
    const r = run(1);
    expect(r.difference.value).toBeCloseTo(-7.6, 12);
    expect(r.ratio!.value).toBeCloseTo(512 / 550, 12);
    const ci = interval(r.difference.ci);
    // A resampled mean of values in [−12, −4] lies in [−12, −4].
    expect(ci.lo).toBeGreaterThanOrEqual(-12);
    expect(ci.hi).toBeLessThanOrEqual(-4);
    expect(ci.lo).toBeLessThan(-7.6);
    expect(ci.hi).toBeGreaterThan(-7.6);
  });

  it("equal differences give a zero-width interval; one seed gives none", () => {
    expect(run(1, [0, 0, 0, 0, 0], BASE, BASE)).toEqual({
      difference: { value: 0, ci: { lo: 0, hi: 0 } },
      ratio: { value: 1, ci: { lo: 1, hi: 1 } },
    });
    expect(run(1, [-2], [8], [10]).difference.ci).toBe("n=1, no CI");
  });
});
