// Campbell–Dudek–Smith (1970) for the m-machine permutation flow shop: m−1 surrogate 2-machine
// problems solved by Johnson's rule, each order scored by the exact recurrence; the best is kept.
import { checkInstance, jobCount, machineCount, sequenceMakespan, type FlowShopInstance, type FlowShopSolution } from "./flow-shop.js";
import { johnsonOrder } from "./johnson.js";

/**
 * Surrogate k (1 ≤ k ≤ m−1) gives job j the times a_j = Σ_{s<k} p[s][j] (the first k machines)
 * and b_j = Σ_{s≥m−k} p[s][j] (the last k). Each Johnson order is scored by its exact makespan,
 * release times and lags included (the surrogates see processing times only); on equal makespans
 * the smallest k wins. With 2 machines this is Johnson's rule; with lags on 2 machines prefer
 * johnson(), which applies Mitten's lag correction. With one machine there is no surrogate: the
 * order is by release time (ties by index), which is optimal for 1|r_j|C_max.
 */
export function cds(inst: FlowShopInstance): FlowShopSolution {
  checkInstance(inst);
  const m = machineCount(inst);
  const n = jobCount(inst);
  const { times } = inst;
  if (m === 1) {
    const r = inst.release;
    const order = Array.from({ length: n }, (_, j) => j).sort((i, j) => (r === undefined ? 0 : r[i]! - r[j]!) || i - j);
    return { order, makespan: sequenceMakespan(inst, order) };
  }
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const scratch = new Float64Array(m);
  let best: FlowShopSolution | null = null;
  for (let k = 1; k < m; k++) {
    // Running sums: surrogate k adds machine k−1 to a and machine m−k to b.
    for (let j = 0; j < n; j++) {
      a[j] = a[j]! + times[k - 1]![j]!;
      b[j] = b[j]! + times[m - k]![j]!;
    }
    const order = johnsonOrder(a, b);
    const makespan = sequenceMakespan(inst, order, scratch);
    if (best === null || makespan < best.makespan) best = { order, makespan };
  }
  return best!;
}
