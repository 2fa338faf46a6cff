// Nawaz–Enscore–Ham (1983) insertion heuristic for the m-machine permutation flow shop.
// Deterministic: the initial order and every insertion position break ties the same way.
import { checkInstance, jobCount, machineCount, sequenceMakespan, type FlowShopInstance, type FlowShopSolution } from "./flow-shop.js";

/**
 * Jobs are taken by decreasing total processing time Σ_s p[s][j] (equal totals: lower index
 * first), and each is inserted at the position of the growing partial sequence that gives the
 * smallest partial makespan (equal makespans: the earliest position). Partial sequences are scored
 * by the exact recurrence, so release times and lags count in the insertions, though not in the
 * initial order (classic NEH). O(n²) evaluations of O(n·m) each; no Taillard acceleration, as the
 * simulator's batches are small.
 */
export function neh(inst: FlowShopInstance): FlowShopSolution {
  checkInstance(inst);
  const m = machineCount(inst);
  const n = jobCount(inst);
  const total = Array.from({ length: n }, (_, j) => inst.times.reduce((sum, row) => sum + row[j]!, 0));
  const byTotal = Array.from({ length: n }, (_, j) => j).sort((i, j) => total[j]! - total[i]! || i - j);
  const seq: number[] = [];
  const trial: number[] = [];
  const scratch = new Float64Array(m);
  for (const job of byTotal) {
    let bestPos = 0;
    let bestMakespan = Infinity;
    for (let pos = 0; pos <= seq.length; pos++) {
      trial.length = 0;
      for (let k = 0; k < pos; k++) trial.push(seq[k]!);
      trial.push(job);
      for (let k = pos; k < seq.length; k++) trial.push(seq[k]!);
      const makespan = sequenceMakespan(inst, trial, scratch);
      // Strictly better only: the earliest of equally good positions wins.
      if (makespan < bestMakespan) {
        bestMakespan = makespan;
        bestPos = pos;
      }
    }
    seq.splice(bestPos, 0, job);
  }
  return { order: seq, makespan: sequenceMakespan(inst, seq, scratch) };
}
