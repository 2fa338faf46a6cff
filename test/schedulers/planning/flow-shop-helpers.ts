// Test helpers for the flow-shop tests: seeded instance generators and a naive oracle that tries
// every order with the checked recurrence (no pruning), to check the faster solvers against.
import fc from "fast-check";
import { flowShopMakespan, type FlowShopInstance } from "../../../src/schedulers/planning/flow-shop.js";

/** Integer times keep every sum exact, so makespans of different orders compare with ===. */
export function instanceArb(machines: number, opts: { minJobs?: number; maxJobs?: number; maxTime?: number; release?: boolean; lags?: boolean } = {}): fc.Arbitrary<FlowShopInstance> {
  const { minJobs = 0, maxJobs = 8, maxTime = 50, release = false, lags = false } = opts;
  const row = (n: number, max: number): fc.Arbitrary<number[]> => fc.array(fc.integer({ min: 0, max }), { minLength: n, maxLength: n });
  const rows = (n: number, count: number, max: number): fc.Arbitrary<number[][]> => fc.array(row(n, max), { minLength: count, maxLength: count });
  return fc.integer({ min: minJobs, max: maxJobs }).chain((n) =>
    fc.record({
      times: rows(n, machines, maxTime),
      release: release ? row(n, 3 * maxTime) : fc.constant(undefined),
      lags: lags ? rows(n, machines - 1, maxTime) : fc.constant(undefined),
    }).map(({ times, release: r, lags: l }) => ({ times, ...(r ? { release: r } : {}), ...(l ? { lags: l } : {}) })),
  );
}

/** Every permutation of 0..n−1 in lexicographic order (the first element chosen smallest first). */
export function permutations(n: number): number[][] {
  const out: number[][] = [];
  const extend = (prefix: number[], rest: number[]): void => {
    if (rest.length === 0) out.push(prefix);
    for (const j of rest) extend([...prefix, j], rest.filter((x) => x !== j));
  };
  extend([], Array.from({ length: n }, (_, j) => j));
  return out;
}

/** The smallest makespan over all orders, by the checked recurrence. */
export function naiveOptimum(inst: FlowShopInstance): number {
  const n = inst.times[0]?.length ?? 0;
  return Math.min(...permutations(n).map((order) => flowShopMakespan(inst, order)));
}
