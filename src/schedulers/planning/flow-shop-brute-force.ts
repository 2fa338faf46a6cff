// Exact permutation flow shop by enumeration, the oracle the heuristics are tested against.
// Refuses n > 8 (8! = 40,320 orders); returns the lexicographically smallest optimal order.
import { checkInstance, jobCount, machineCount, type FlowShopInstance, type FlowShopSolution } from "./flow-shop.js";

/** The largest batch bruteForceFlowShop accepts. */
export const BRUTE_FORCE_MAX_JOBS = 8;

/**
 * An optimal order over all n! permutations, release times and lags included. Orders are visited
 * depth-first in lexicographic order and only a strictly smaller makespan replaces the best, so
 * the answer is the lexicographically smallest optimum. A prefix whose last-machine completion
 * already reaches the best is cut off: completions never decrease as jobs are appended, so no
 * extension of it can be strictly better.
 */
export function bruteForceFlowShop(inst: FlowShopInstance): FlowShopSolution {
  checkInstance(inst);
  const n = jobCount(inst);
  if (n > BRUTE_FORCE_MAX_JOBS) throw new RangeError(`brute-force flow shop: ${n} jobs; at most ${BRUTE_FORCE_MAX_JOBS} are enumerated (${n}! orders is too many)`);
  const m = machineCount(inst);
  const { times, release, lags } = inst;
  // ready[d*m + s]: when machine s is free after the first d jobs of the current prefix.
  const ready = new Float64Array((n + 1) * m);
  const used = new Uint8Array(n);
  const prefix = new Array<number>(n).fill(0);
  let bestOrder: number[] = [];
  let best = Infinity;

  const extend = (depth: number): void => {
    if (depth === n) {
      const makespan = n === 0 ? 0 : ready[n * m + m - 1]!;
      if (makespan < best) {
        best = makespan;
        bestOrder = prefix.slice();
      }
      return;
    }
    for (let j = 0; j < n; j++) {
      if (used[j]) continue;
      // The same recurrence as sequenceMakespan, one job at a time, reusing the prefix's state.
      let prev = release?.[j] ?? 0;
      for (let s = 0; s < m; s++) {
        const arrive = s > 0 && lags !== undefined ? prev + lags[s - 1]![j]! : prev;
        prev = Math.max(arrive, ready[depth * m + s]!) + times[s]![j]!;
        ready[(depth + 1) * m + s] = prev;
      }
      if (prev >= best) continue;
      used[j] = 1;
      prefix[depth] = j;
      extend(depth + 1);
      used[j] = 0;
    }
  };
  extend(0);
  return { order: bestOrder, makespan: best };
}
