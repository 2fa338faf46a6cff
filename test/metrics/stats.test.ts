// Sample summaries: type-7 quantiles (h = (n − 1)·p, linear between order statistics), by hand.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { selectKth } from "../../src/metrics/select.js";
import { quantile7, summarize } from "../../src/metrics/stats.js";

describe("summarize", () => {
  it("p90 of [1, 2, 3, 4] interpolates x[2] + 0.7·(x[3] − x[2]) = 3.7", () => {
    expect(summarize(Float64Array.from([4, 1, 3, 2])).p90).toBeCloseTo(3.7, 12);
  });

  it("p50 of an even sample is the mid-point of the two middle values", () => {
    expect(summarize(Float64Array.from([10, 40, 20, 30])).p50).toBe(25);
  });

  it("p95 and p99 of [1, 2, 3, 4] are 3.85 and 3.97", () => {
    const s = summarize(Float64Array.from([1, 2, 3, 4]));
    expect(s.p95).toBeCloseTo(3.85, 12);
    expect(s.p99).toBeCloseTo(3.97, 12);
  });

  it("sorts numerically, not as text", () => {
    const s = summarize(Float64Array.from([100, 9, 20]));
    expect([s.p50, s.max]).toEqual([20, 100]);
  });

  it("mean and max are the plain mean and the largest value", () => {
    const s = summarize(Float64Array.from([2, 4, 9]));
    expect([s.mean, s.max]).toEqual([5, 9]);
  });

  it("an empty sample gives zeros", () => {
    expect(summarize(new Float64Array(0))).toEqual({ mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, max: 0 });
  });

  it("a one-value sample gives that value for every figure", () => {
    expect(Object.values(summarize(Float64Array.of(7)))).toEqual([7, 7, 7, 7, 7, 7]);
  });

  it("does not reorder its input", () => {
    const xs = Float64Array.from([3, 1, 2]);
    summarize(xs);
    expect(Array.from(xs)).toEqual([3, 1, 2]);
  });

  it("selection gives the same figures as sorting, ties and all sizes included", () => {
    // summarize selects order statistics instead of sorting; the definition is the sorted sample.
    const sample = fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 3000 });
    fc.assert(
      fc.property(sample, (xs) => {
        const sorted = Float64Array.from(xs).sort();
        const s = summarize(Float64Array.from(xs));
        for (const [p, got] of [[0.5, s.p50], [0.9, s.p90], [0.95, s.p95], [0.99, s.p99]] as const) {
          const h = (sorted.length - 1) * p;
          const lo = Math.floor(h);
          const hi = Math.min(lo + 1, sorted.length - 1);
          expect(got).toBeCloseTo(sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!), 9);
        }
        expect(s.max).toBe(sorted[sorted.length - 1]);
      }),
      { numRuns: 300 },
    );
  });

  it("quantile7 at p = 0 and p = 1 gives the minimum and the maximum", () => {
    const sorted = Float64Array.from([1, 5, 6]);
    expect([quantile7(sorted, 0), quantile7(sorted, 1)]).toEqual([1, 6]);
  });
});

describe("selectKth", () => {
  it("places the k-th smallest and partitions around it, for any k and any range", () => {
    const arb = fc.tuple(fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 200 }), fc.nat(), fc.nat(), fc.nat());
    fc.assert(
      fc.property(arb, ([xs, a, b, c]) => {
        const n = xs.length;
        const [left, right] = [a % n, b % n].sort((x, y) => x - y) as [number, number];
        const k = left + (c % (right - left + 1));
        const arr = Float64Array.from(xs);
        selectKth(arr, k, left, right);
        const want = Float64Array.from(xs.slice(left, right + 1)).sort();
        expect(arr[k]).toBe(want[k - left]);
        for (let i = left; i < k; i++) expect(arr[i]!).toBeLessThanOrEqual(arr[k]!);
        for (let i = k + 1; i <= right; i++) expect(arr[i]!).toBeGreaterThanOrEqual(arr[k]!);
        // Outside the range nothing moved.
        for (let i = 0; i < n; i++) if (i < left || i > right) expect(arr[i]).toBe(xs[i]);
      }),
      { numRuns: 500 },
    );
  });
});
