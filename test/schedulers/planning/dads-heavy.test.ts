// DSH, DADS's heavy-load search: a hand-worked chain where it beats DSL's bottleneck by half, and on
// random DAGs a closed device side, a bottleneck never above DSL's and within 3 × the brute-force
// optimum (the paper's ratio: DSL's sum is at most 3 × the best bottleneck), strictly better than
// DSL somewhere, and never worse than the cut of any weight pair it tried.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dadsCut } from "../../../src/schedulers/planning/dads-cut.js";
import { bottleneckOf, dshCut } from "../../../src/schedulers/planning/dads-heavy.js";
import type { Model } from "../../../src/workload/model.js";
import { dag, dagArb, ones, partitionCost } from "./dads-helpers.js";

const maxOf = (c: { te: number; tt: number; tc: number }): number => Math.max(c.te, c.tt, c.tc);

/** The least bottleneck max{T_e, T_t, T_c} over every predecessor-closed device set. */
function bruteForceBottleneck(model: Model, times: Parameters<typeof dshCut>[1]): number {
  let best = Infinity;
  for (let bits = 0; bits < 1 << model.layerCount; bits++) {
    const mask = Uint8Array.from({ length: model.layerCount }, (_, v) => (bits >> v) & 1);
    if (model.isPredecessorClosed(mask)) best = Math.min(best, maxOf(partitionCost(model, times, mask)));
  }
  return best;
}

describe("dshCut", () => {
  it("a chain where the least latency is not the least bottleneck: DSL 6, DSH 3", () => {
    // input → l1 → l2. t^e (3, 3), t^c (3, 3), t^t (input 20, l1 1). Sets: ∅ = 0 + 20 + 6 (max 20),
    // {l1} = 3 + 1 + 3 = 7 (max 3), {l1, l2} = 6 (max 6). DSL takes all (sum 6); the best bottleneck
    // is {l1}'s 3, a min cut of the weights α = 1, γ = 1/2 (3α + 1 + 3γ < 6α).
    const model = dag([[-1], [0]]);
    const times = { device: [3, 3], cloud: [3, 3], transfer: [1, 5], inputTransfer: 20 };
    expect(ones(dadsCut(model, times).upstream)).toEqual([0, 1]);
    const h = dshCut(model, times);
    expect(ones(h.cut.upstream)).toEqual([0]);
    expect(h.bottleneck).toBe(3);
    expect([h.cut.deviceTime, h.cut.transferTime, h.cut.cloudTime]).toEqual([3, 1, 3]);
  });

  it("a chain no weighting can balance: DSH keeps DSL's cut, still within 3 ×", () => {
    // t^e (10, 10), t^c (1, 1), t^t (input 15, l1 12): ∅ sum 17 max 15, {l1} 23 max 12, all 20 max
    // 20. {l1} would need α > 1.2 + γ/10 and α < 0.3 + γ/10 to be a min cut: never. So 15 ≤ 3 × 12.
    const model = dag([[-1], [0]]);
    const times = { device: [10, 10], cloud: [1, 1], transfer: [12, 1], inputTransfer: 15 };
    const h = dshCut(model, times);
    expect(h.bottleneck).toBe(15);
    expect(ones(h.cut.upstream)).toEqual([]);
  });

  it("random DAGs (≤ 8 layers): closed, ≤ DSL's bottleneck, ≤ 3 × the optimum, and better than DSL somewhere", () => {
    let better = 0;
    fc.assert(fc.property(dagArb(8), ({ model, times }) => {
      const h = dshCut(model, times);
      expect(model.isPredecessorClosed(h.cut.upstream)).toBe(true);
      expect(h.bottleneck).toBe(maxOf(partitionCost(model, times, h.cut.upstream)));
      const dsl = bottleneckOf(dadsCut(model, times));
      const opt = bruteForceBottleneck(model, times);
      expect(h.bottleneck).toBeLessThanOrEqual(dsl);
      expect(h.bottleneck).toBeLessThanOrEqual(3 * opt);
      if (h.bottleneck < dsl) better++;
    }), { seed: 7, numRuns: 300 });
    expect(better).toBeGreaterThan(0);
  });

  it("a zero-time stage: the weights 0 make a stage free and still score unscaled", () => {
    const model = dag([[-1], [0], [1]]);
    const times = { device: [0, 0, 0], cloud: [5, 5, 5], transfer: [1, 1, 1], inputTransfer: 9 };
    const h = dshCut(model, times);
    // All on the device: bottleneck 0 (nothing sent, no cloud time).
    expect(h.bottleneck).toBe(0);
    expect(ones(h.cut.upstream)).toEqual([0, 1, 2]);
  });

  it("rejects a shrink factor K ≤ 1", () => {
    expect(() => dshCut(dag([[-1]]), { device: [1], cloud: [1], transfer: [1], inputTransfer: 1 }, { shrink: 1 })).toThrow(/shrink K must be > 1/);
  });
});
