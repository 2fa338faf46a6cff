// The makespan lower bound (§4.3 item 7) is a bound: never above the optimum found by trying every
// order, on random instances with releases, lags and busy machines; tight where the optimum is
// known by hand; and the incremental LowerBound agrees with the one-shot bound.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { flowShopLowerBound, LowerBound } from "../../../src/schedulers/planning/lower-bound.js";
import { instanceArb, naiveOptimum } from "./flow-shop-helpers.js";

describe("flowShopLowerBound", () => {
  it("never exceeds the best makespan over all orders (2–4 machines, releases, lags)", () => {
    for (const m of [2, 3, 4]) {
      fc.assert(fc.property(instanceArb(m, { minJobs: 1, maxJobs: 6, release: true, lags: true }), (inst) => {
        expect(flowShopLowerBound(inst)).toBeLessThanOrEqual(naiveOptimum(inst));
      }), { numRuns: 150 });
    }
  });

  it("never exceeds the optimum when machines start busy", () => {
    fc.assert(fc.property(instanceArb(3, { minJobs: 1, maxJobs: 6 }), fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 3, maxLength: 3 }), (inst, ready) => {
      const busy = { ...inst, machineReady: ready };
      expect(flowShopLowerBound(busy)).toBeLessThanOrEqual(naiveOptimum(busy));
    }), { numRuns: 150 });
  });

  it("is exact for one job (release + every time + every lag) and for a bottleneck machine", () => {
    expect(flowShopLowerBound({ times: [[3], [4], [5]], lags: [[1], [2]], release: [10] })).toBe(25);
    // Uplink dominates: the first job's device time, all sends, the smallest cloud time.
    expect(flowShopLowerBound({ times: [[1, 2, 3], [10, 10, 10], [1, 1, 1]] })).toBe(1 + 30 + 1);
    expect(naiveOptimum({ times: [[1, 2, 3], [10, 10, 10], [1, 1, 1]] })).toBe(32);
  });

  it("divides a machine's work among its servers", () => {
    expect(flowShopLowerBound({ times: [[0, 0], [8, 8]] }, [1, 2])).toBe(8);
  });

  it("is 0 for no jobs", () => {
    expect(flowShopLowerBound({ times: [[], []] })).toBe(0);
  });
});

describe("LowerBound (incremental)", () => {
  it("adding the jobs one by one gives the one-shot bound", () => {
    fc.assert(fc.property(instanceArb(3, { minJobs: 1, maxJobs: 8, release: true, lags: true }), (inst) => {
      const lb = new LowerBound(3);
      const n = inst.times[0]!.length;
      for (let j = 0; j < n; j++) lb.add(inst.release![j]!, inst.times.map((r) => r[j]!), inst.lags!.map((r) => r[j]!));
      expect(lb.value()).toBe(flowShopLowerBound(inst));
    }));
  });

  it("refuses a job with the wrong number of stages", () => {
    expect(() => new LowerBound(3).add(0, [1, 2], [0])).toThrow(/3 times and 2 lags/);
  });
});

describe("LowerBound with parallel servers", () => {
  it("divides a machine's work by its servers: 10 jobs of 10 ms on a 2-server machine need ≥ 50 ms there", () => {
    const one = new LowerBound(2);
    const two = new LowerBound(2, [1, 2]);
    for (let j = 0; j < 10; j++) {
      one.add(0, [1, 10], [0]);
      two.add(0, [1, 10], [0]);
    }
    // Machine 1: head min 1 + work 100 (or 100/2) + tail 0; machine 0: 10 + min tail 10 = 20.
    expect(one.value()).toBe(101);
    expect(two.value()).toBe(51);
  });
});

describe("LowerBound with jobs that overlap their own stages (branch-parallel plans)", () => {
  it("counts their work on every machine with no head or tail: still below any schedule", () => {
    const lb = new LowerBound(3);
    lb.add(0, [2, 3, 1], [0, 0]); // a chain job: heads 0, 2, 5; tails 4, 1, 0
    lb.addOverlapping(0, [12, 10, 7]); // its device work alone takes 12
    // Machine 0: 0 + 14 + 0 (the overlapping job's tail is 0); machine 1: 0 + 13 + 0; machine 2: 0 + 8.
    expect(lb.value()).toBe(14);
  });
});
