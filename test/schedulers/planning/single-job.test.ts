// One job (a stream planned per arrival): joint's direct answer equals exhaustive's search over
// every cut, on random 3-stage tables with lags and machines busy from earlier windows.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planBatch } from "../../../src/schedulers/planning/batch-plan.js";
import type { StageTimes } from "../../../src/schedulers/planning/stage-times.js";

const tableArb = fc.integer({ min: 1, max: 12 }).chain((cuts) =>
  fc.record({
    times: fc.array(fc.tuple(fc.nat(50), fc.nat(50), fc.nat(50)), { minLength: cuts, maxLength: cuts }),
    lags: fc.array(fc.tuple(fc.nat(9), fc.nat(9)), { minLength: cuts, maxLength: cuts }),
    ready: fc.tuple(fc.nat(60), fc.nat(60), fc.nat(60)),
    release: fc.nat(30),
  }));

describe("planBatch for one job", () => {
  it("joint = exhaustive: the cut that ends first behind the machines' earlier work", () => {
    fc.assert(fc.property(tableArb, ({ times, lags, ready, release }) => {
      const table = { model: null, cuts: [], machines: 3, times, lags, latency: times.map((t, k) => t[0] + t[1] + t[2] + lags[k]![0] + lags[k]![1]) } as unknown as StageTimes;
      const jobs = { tables: [table], release: [release], machineReady: ready };
      const joint = planBatch(jobs, { mode: "joint" });
      const exhaustive = planBatch(jobs, { mode: "exhaustive" });
      expect(joint.end).toBe(exhaustive.end);
      expect(joint.order).toEqual([0]);
    }), { numRuns: 300, seed: 4 });
  });
});
