// The brute-force oracle: optimal against a naive enumeration, deterministic, and bounded in n.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BRUTE_FORCE_MAX_JOBS, bruteForceFlowShop } from "../../../src/schedulers/planning/flow-shop-brute-force.js";
import { flowShopMakespan } from "../../../src/schedulers/planning/flow-shop.js";
import { instanceArb, naiveOptimum, permutations } from "./flow-shop-helpers.js";

describe("bruteForceFlowShop", () => {
  it("its makespan is the minimum over every order, with releases and lags (naive enumeration)", () => {
    fc.assert(
      fc.property(instanceArb(3, { maxJobs: 6, release: true, lags: true }), (inst) => {
        const r = bruteForceFlowShop(inst);
        expect(r.makespan).toBe(naiveOptimum(inst));
        expect(flowShopMakespan(inst, r.order)).toBe(r.makespan);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it("returns the lexicographically smallest optimal order", () => {
    fc.assert(
      fc.property(instanceArb(2, { maxJobs: 5, maxTime: 4, release: true }), (inst) => {
        const n = inst.times[0]!.length;
        const r = bruteForceFlowShop(inst);
        const first = permutations(n).find((p) => flowShopMakespan(inst, p) === r.makespan);
        expect(r.order).toEqual(first);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it("a late release puts the short job last: 2 jobs on 1 machine", () => {
    // j0 (p=5, r=0), j1 (p=1, r=10). Order 0, 1: j0 [0, 5), j1 [max(10, 5), 11) -> 11.
    // Order 1, 0: j1 [10, 11), j0 [11, 16) -> 16. Shortest-first would lose; the optimum is 0, 1.
    expect(bruteForceFlowShop({ times: [[5, 1]], release: [0, 10] })).toEqual({ order: [0, 1], makespan: 11 });
  });

  it("no jobs: the empty order with makespan 0", () => {
    expect(bruteForceFlowShop({ times: [[], [], []] })).toEqual({ order: [], makespan: 0 });
  });

  it("refuses more than 8 jobs with a RangeError", () => {
    expect(BRUTE_FORCE_MAX_JOBS).toBe(8);
    const nine = { times: [new Array<number>(9).fill(1)] };
    expect(() => bruteForceFlowShop(nine)).toThrow(RangeError);
    expect(() => bruteForceFlowShop(nine)).toThrow(/9 jobs; at most 8/);
  });
});
