// NEH and CDS on m machines: never below the optimum, their documented tie rules, and how they
// compare. NEH ≤ CDS is not a theorem: a hand-worked 3-job instance where CDS wins is kept here.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cds } from "../../../src/schedulers/planning/cds.js";
import { bruteForceFlowShop } from "../../../src/schedulers/planning/flow-shop-brute-force.js";
import { flowShopMakespan } from "../../../src/schedulers/planning/flow-shop.js";
import { johnson } from "../../../src/schedulers/planning/johnson.js";
import { neh } from "../../../src/schedulers/planning/neh.js";
import { instanceArb } from "./flow-shop-helpers.js";

describe("NEH and CDS against the optimum", () => {
  it("both are ≥ brute force on every random 3-machine instance, and report their order's makespan", () => {
    fc.assert(
      fc.property(instanceArb(3, { maxJobs: 8, maxTime: 99 }), (inst) => {
        const opt = bruteForceFlowShop(inst).makespan;
        for (const r of [neh(inst), cds(inst)]) {
          expect(r.makespan).toBeGreaterThanOrEqual(opt);
          expect(flowShopMakespan(inst, r.order)).toBe(r.makespan);
        }
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it("both are ≥ brute force with release times and lags too", () => {
    fc.assert(
      fc.property(instanceArb(3, { maxJobs: 7, release: true, lags: true }), (inst) => {
        const opt = bruteForceFlowShop(inst).makespan;
        expect(neh(inst).makespan).toBeGreaterThanOrEqual(opt);
        expect(cds(inst).makespan).toBeGreaterThanOrEqual(opt);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it("NEH ≤ CDS on at least 95 % of 500 seeded 3-machine instances, and on average", () => {
    // Measured over this fixed set: NEH ≤ CDS on all but a few per cent (see the report of the
    // change that added this test). The claim asserted is the robust one, not the exact count.
    const arb = instanceArb(3, { minJobs: 2, maxJobs: 8, maxTime: 99 });
    const instances = fc.sample(arb, { seed: 42, numRuns: 500 });
    let nehNotWorse = 0;
    let nehSum = 0;
    let cdsSum = 0;
    for (const inst of instances) {
      const [a, c] = [neh(inst).makespan, cds(inst).makespan];
      if (a <= c) nehNotWorse++;
      nehSum += a;
      cdsSum += c;
    }
    expect(nehNotWorse / instances.length).toBeGreaterThanOrEqual(0.95);
    expect(nehSum).toBeLessThan(cdsSum);
  });

  it("CDS beats NEH on a 3-job instance: 216 against 222 (the optimum is 216)", () => {
    // (p1, p2, p3): j0 (66, 4, 49), j1 (1, 98, 4), j2 (75, 68, 6).
    // NEH: totals 119, 103, 149 -> take j2, j0, j1.
    //   insert j0 into [2]:   [0,2] -> 215; [2,0] -> 198 (j2 ends 75/143/149; j0 141/147/198). Keep [2,0].
    //   insert j1 into [2,0]: [1,2,0]: j1 1/99/103, j2 76/167/173, j0 142/171/222 -> 222
    //                         [2,1,0]: j2 75/143/149, j1 76/241/245, j0 142/245/294 -> 294
    //                         [2,0,1]: j2 75/143/149, j0 141/147/198, j1 142/245/249 -> 249
    //   NEH = [1,2,0], 222.
    // CDS k=1: (a, b) = (p1, p3) = (66,49), (1,4), (75,6): a ≤ b: j1; a > b by decreasing b: j0, j2.
    //   [1,0,2]: j1 1/99/103, j0 67/103/152, j2 142/210/216 -> 216.
    // CDS k=2: (p1+p2, p2+p3) = (70,53), (99,102), (143,74): j1; then j2 (74), j0 (53) -> [1,2,0], 222.
    //   CDS = [1,0,2], 216. The other orders: [0,1,2] 242, [0,2,1] 311; so 216 is optimal.
    const inst = { times: [[66, 1, 75], [4, 98, 68], [49, 4, 6]] };
    expect(neh(inst)).toEqual({ order: [1, 2, 0], makespan: 222 });
    expect(cds(inst)).toEqual({ order: [1, 0, 2], makespan: 216 });
    expect(bruteForceFlowShop(inst).makespan).toBe(216);
  });
});

describe("NEH rules", () => {
  it("identical jobs come out in reverse index order: equal totals keep index order, equal makespans take the earliest position", () => {
    // Totals tie, so the jobs are taken 0, 1, 2; each insertion is a tie, so it goes to position 0.
    expect(neh({ times: [[2, 2, 2], [3, 3, 3]] }).order).toEqual([2, 1, 0]);
  });

  it("a longer job is taken first: [[1, 4], [1, 4]] starts from job 1", () => {
    // Totals: j0 2, j1 8 -> start [1]; insert j0: [0,1]: j0 1/2, j1 5/9 -> 9; [1,0]: j1 4/8, j0 5/9 -> 9.
    // Tie -> earliest position: [0, 1].
    expect(neh({ times: [[1, 4], [1, 4]] })).toEqual({ order: [0, 1], makespan: 9 });
  });

  it("no jobs: the empty order", () => {
    expect(neh({ times: [[], [], []] })).toEqual({ order: [], makespan: 0 });
  });
});

describe("CDS rules", () => {
  it("on 2 machines without lags it is Johnson's rule", () => {
    fc.assert(
      fc.property(instanceArb(2), (inst) => {
        expect(cds(inst)).toEqual(johnson(inst));
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it("on 1 machine it orders by release time, ties by index, which is optimal", () => {
    // r = (5, 0, 5, 2): order 1, 3, 0, 2; p = 1 each: 1 [0,1), 3 [2,3), 0 [5,6), 2 [6,7) -> 7.
    expect(cds({ times: [[1, 1, 1, 1]], release: [5, 0, 5, 2] })).toEqual({ order: [1, 3, 0, 2], makespan: 7 });
    fc.assert(
      fc.property(instanceArb(1, { maxJobs: 6, release: true }), (inst) => {
        expect(cds(inst).makespan).toBe(bruteForceFlowShop(inst).makespan);
      }),
      { seed: 42, numRuns: 100 },
    );
  });
});
