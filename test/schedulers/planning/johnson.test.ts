// Johnson's rule: its tie-breaking, its optimality on 2 machines (against brute force), and
// Mitten's lag correction.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bruteForceFlowShop } from "../../../src/schedulers/planning/flow-shop-brute-force.js";
import { flowShopMakespan } from "../../../src/schedulers/planning/flow-shop.js";
import { johnson, johnsonOrder } from "../../../src/schedulers/planning/johnson.js";
import { instanceArb } from "./flow-shop-helpers.js";

describe("johnsonOrder", () => {
  it("puts a ≤ b jobs first by increasing a, then a > b jobs by decreasing b; equal keys by index", () => {
    // a ≤ b: j0 (3 ≤ 3), j1 (2 ≤ 6), j4 (3 ≤ 7) -> by a: j1 (2), then j0 and j4 (both 3) by index.
    // a > b: j2 (b = 1), j3 (b = 1), j5 (b = 2) -> by decreasing b: j5, then j2 and j3 by index.
    expect(johnsonOrder([3, 2, 3, 5, 3, 9], [3, 6, 1, 1, 7, 2])).toEqual([1, 0, 4, 5, 2, 3]);
  });

  it("accepts typed arrays and refuses a length mismatch", () => {
    expect(johnsonOrder(Float64Array.of(5, 1), Float64Array.of(1, 5))).toEqual([1, 0]);
    expect(() => johnsonOrder([1, 2], [1])).toThrow(RangeError);
  });
});

describe("johnson", () => {
  it("a textbook instance: order 2, 0, 3, 4, 1 with makespan 24", () => {
    // (a, b): j0 (3, 6), j1 (5, 2), j2 (1, 2), j3 (6, 6), j4 (7, 5).
    // a ≤ b: j2 (1), j0 (3), j3 (6); a > b by decreasing b: j4 (5), j1 (2).
    // Machine 1 ends: j2 1, j0 4, j3 10, j4 17, j1 22.
    // Machine 2: j2 [1, 3), j0 [4, 10), j3 [10, 16), j4 [17, 22), j1 [22, 24) -> 24.
    const r = johnson({ times: [[3, 5, 1, 6, 7], [6, 2, 2, 6, 5]] });
    expect(r.order).toEqual([2, 0, 3, 4, 1]);
    expect(r.makespan).toBe(24);
  });

  it("johnson equals brute force on 2-machine instances", () => {
    fc.assert(
      fc.property(instanceArb(2, { maxJobs: 8 }), (inst) => {
        const r = johnson(inst);
        expect(r.makespan).toBe(bruteForceFlowShop(inst).makespan);
        expect(flowShopMakespan(inst, r.order)).toBe(r.makespan);
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it("with lags, Johnson on (a + l, b + l) equals brute force over orders (Mitten 1959)", () => {
    fc.assert(
      fc.property(instanceArb(2, { maxJobs: 7, lags: true }), (inst) => {
        expect(johnson(inst).makespan).toBe(bruteForceFlowShop(inst).makespan);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it("with lags, the lag reorders jobs that plain Johnson would order the other way", () => {
    // j0 (a=2, b=5, l=0), j1 (a=1, b=3, l=10). Plain Johnson on (a, b): both a ≤ b, j1 first (a=1).
    // Mitten on (a+l, b+l) = (2, 5) and (11, 13): j0 first.
    // order 1, 0: j1 [0,1), machine 2 at max(1 + 10, 0) = 11 -> 14; j0 [1,3), at max(3, 14) -> 19.
    // order 0, 1: j0 [0,2), machine 2 [2,7); j1 [2,3), at max(3 + 10, 7) = 13 -> 16.
    const r = johnson({ times: [[2, 1], [5, 3]], lags: [[0, 10]] });
    expect(r.order).toEqual([0, 1]);
    expect(r.makespan).toBe(16);
    expect(flowShopMakespan({ times: [[2, 1], [5, 3]], lags: [[0, 10]] }, [1, 0])).toBe(19);
  });

  it("refuses instances that do not have exactly 2 machines", () => {
    expect(() => johnson({ times: [[1], [2], [3]] })).toThrow(/exactly 2 machines, got 3/);
    expect(() => johnson({ times: [[1]] })).toThrow(RangeError);
  });
});
