// The cut candidates of many identical jobs (§2.2–§2.3), each against a definition checked by
// brute force: dominance pairwise, the lower hull as the minimisers of every weighting λf + (1−λ)g,
// the crossing by a linear scan, and the two-point mix by trying every x with the test's own
// 2-machine recurrence on the Johnson order (x jobs at the send-heavy point, then the rest).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bestMix, crossing, hullCuts, mixMakespan, singlePointMakespan, undominatedCuts } from "../../../src/schedulers/planning/cut-candidates.js";

const timesArb = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.tuple(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: n, maxLength: n }), fc.array(fc.integer({ min: 0, max: 40 }), { minLength: n, maxLength: n })));

/** Makespan of jobs (f, g) in the given order on device then uplink. */
function twoMachine(jobs: readonly [number, number][]): number {
  let c1 = 0;
  let c2 = 0;
  for (const [f, g] of jobs) {
    c1 += f;
    c2 = Math.max(c2, c1) + g;
  }
  return c2;
}

describe("undominatedCuts", () => {
  it("keeps exactly the cuts no other cut beats in both times (lowest index among exact ties), ascending f", () => {
    fc.assert(fc.property(timesArb, ([f, g]) => {
      const expected = f.map((_, k) => k).filter((k) =>
        !f.some((_, o) => o !== k && f[o]! <= f[k]! && g[o]! <= g[k]! && (f[o]! < f[k]! || g[o]! < g[k]! || o < k)));
      const kept = undominatedCuts(f, g);
      expect([...kept].sort((a, b) => a - b)).toEqual(expected);
      for (let i = 1; i < kept.length; i++) {
        expect(f[kept[i]!]!).toBeGreaterThan(f[kept[i - 1]!]!);
        expect(g[kept[i]!]!).toBeLessThan(g[kept[i - 1]!]!);
      }
    }));
  });

  it("never keeps a cut that cannot be sent (g = Infinity)", () => {
    expect(undominatedCuts([0, 1, 2], [Infinity, 5, Infinity])).toEqual([1]);
  });
});

describe("hullCuts", () => {
  it("for every weighting λ, the best weighted cut over all cuts is as good as the best over the hull", () => {
    fc.assert(fc.property(timesArb, fc.double({ min: 0, max: 1, noNaN: true }), ([f, g], lambda) => {
      const w = (k: number) => lambda * f[k]! + (1 - lambda) * g[k]!;
      const all = Math.min(...f.map((_, k) => w(k)));
      const hull = hullCuts(f, g);
      expect(Math.min(...hull.map(w))).toBeCloseTo(all, 9);
    }));
  });

  it("drops a point on a straight segment and one above the hull", () => {
    // (0,10) (2,6) (4,2): collinear, (2,6) is a mix of its neighbours; (5,1.9) is kept, (3,5) is above.
    expect(hullCuts([0, 2, 3, 4, 5], [10, 6, 5, 2, 1.9])).toEqual([0, 3, 4]);
  });
});

describe("crossing", () => {
  it("is the first candidate with f ≥ g, as a linear scan finds it", () => {
    fc.assert(fc.property(timesArb, ([f, g]) => {
      const cands = undominatedCuts(f, g);
      const scan = cands.findIndex((k) => f[k]! >= g[k]!);
      expect(crossing(cands, f, g)).toBe(scan < 0 ? cands.length : scan);
    }));
  });
});

describe("the two-point mix", () => {
  it("singlePointMakespan and mixMakespan are the 2-machine recurrence of Johnson's order", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 }), (n, a, b) => {
      expect(singlePointMakespan(n, a, b)).toBe(twoMachine(Array.from({ length: n }, () => [a, b] as [number, number])));
    }));
    fc.assert(fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 10 }),
      (n, xRaw, f1, d1, g2, d2) => {
        const x = Math.min(xRaw, n);
        const [g1, f2] = [f1 + d1, g2 + d2];
        const jobs = [...Array.from({ length: x }, () => [f1, g1] as [number, number]), ...Array.from({ length: n - x }, () => [f2, g2] as [number, number])];
        expect(mixMakespan(n, x, f1, g1, f2, g2)).toBe(twoMachine(jobs));
      }));
  });

  it("bestMix's x is the best of every x in 0..n (the §2.3 example: x = 6, 38 ms)", () => {
    expect(bestMix(10, 2, 5, 6, 1.5)).toEqual({ x: 6, makespan: 38 });
    fc.assert(fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 10 }),
      (n, f1, d1, g2, d2) => {
        const [g1, f2] = [f1 + d1, g2 + d2];
        const best = Math.min(...Array.from({ length: n + 1 }, (_, x) => mixMakespan(n, x, f1, g1, f2, g2)));
        expect(bestMix(n, f1, g1, f2, g2).makespan).toBe(best);
      }));
  });

  it("refuses points on the wrong side of the crossing", () => {
    expect(() => bestMix(4, 5, 2, 6, 1)).toThrow(/f1 < g1/);
  });
});
