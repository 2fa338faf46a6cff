// pipelineOrder in the flow-shop setting of the job-offloading planner: optimal for 2 machines
// (Johnson with Mitten's lags), optimal for 3 when the middle machine is dominated, never worse
// than its own rule's order, jobs that skip the device first, and the method it reports.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { flowShopMakespan } from "../../../src/schedulers/planning/flow-shop.js";
import { frontLoadSkippers, pipelineOrder } from "../../../src/schedulers/planning/pipeline-order.js";
import { instanceArb, naiveOptimum } from "./flow-shop-helpers.js";

describe("pipelineOrder", () => {
  it("2 machines: the optimum over all orders, with or without lags (Johnson 1954, Mitten 1959)", () => {
    // Device times ≥ 1: a job that skips the device is moved to the front whatever its lag (that
    // is what the simulator runs), which Mitten's rule does not promise; that case is tested below.
    const arb = instanceArb(2, { minJobs: 1, maxJobs: 7, lags: true })
      .map((inst) => ({ ...inst, times: [inst.times[0]!.map((a) => a + 1), inst.times[1]!] }));
    fc.assert(fc.property(arb, (inst) => {
      expect(pipelineOrder(inst, { improve: false }).makespan).toBe(naiveOptimum(inst));
    }), { numRuns: 200 });
  });

  it("3 machines with the middle dominated (min a ≥ max b): the optimum, by the rule alone", () => {
    const arb = fc.integer({ min: 1, max: 7 }).chain((n) => {
      const row = (lo: number, hi: number) => fc.array(fc.integer({ min: lo, max: hi }), { minLength: n, maxLength: n });
      return fc.tuple(row(10, 30), row(0, 10), row(0, 30)).map(([a, b, c]) => ({ times: [a, b, c] }));
    });
    fc.assert(fc.property(arb, (inst) => {
      const r = pipelineOrder(inst, { improve: false });
      expect(r.method).toBe("johnson-3");
      expect(r.makespan).toBe(naiveOptimum(inst));
    }), { numRuns: 200 });
  });

  it("with improve, never worse than the rule alone, and the makespan is its order's recurrence", () => {
    fc.assert(fc.property(instanceArb(3, { minJobs: 1, maxJobs: 7, release: true, lags: true }), (inst) => {
      const rule = pipelineOrder(inst, { improve: false });
      const best = pipelineOrder(inst);
      expect(best.makespan).toBeLessThanOrEqual(rule.makespan);
      expect(best.makespan).toBe(flowShopMakespan(inst, best.order));
      expect(best.makespan).toBeGreaterThanOrEqual(naiveOptimum(inst));
    }), { numRuns: 200 });
  });

  it("puts jobs that skip the device first, keeping their order", () => {
    // first[j] = 0 for jobs 1 and 3: they lead, in the order given (3 before 1), then 0 and 2.
    expect(frontLoadSkippers([3, 0, 2, 1], [5, 0, 4, 0])).toEqual([3, 1, 0, 2]);
    const r = pipelineOrder({ times: [[0, 9, 0], [5, 1, 7], [0, 0, 0]] });
    expect(r.order.slice(0, 2).sort()).toEqual([0, 2]);
  });

  it("one machine: arrival order", () => {
    expect(pipelineOrder({ times: [[3, 1, 2]] })).toEqual({ order: [0, 1, 2], makespan: 6, method: "arrival" });
  });
});
