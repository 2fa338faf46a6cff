// Johnson's rule (1954) for the 2-machine flow shop: optimal C_max among all orders when every job
// is released at 0. Ties are broken by job index, so the order is a pure function of the times.
import { checkInstance, machineCount, sequenceMakespan, type FlowShopInstance, type FlowShopSolution } from "./flow-shop.js";

/**
 * Johnson's order of jobs with first-machine times a[j] and second-machine times b[j]: jobs with
 * a ≤ b first, by increasing a; then jobs with a > b, by decreasing b. Equal keys keep the lower
 * job index first (a job with a = b belongs to the first group, as in Johnson's statement).
 */
export function johnsonOrder(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
  if (a.length !== b.length) throw new RangeError(`johnson: ${a.length} first-machine times but ${b.length} second-machine times`);
  const jobs = Array.from({ length: a.length }, (_, j) => j);
  const head = jobs.filter((j) => a[j]! <= b[j]!).sort((i, j) => a[i]! - a[j]! || i - j);
  const tail = jobs.filter((j) => a[j]! > b[j]!).sort((i, j) => b[j]! - b[i]! || i - j);
  return head.concat(tail);
}

/**
 * Johnson's order for a 2-machine instance and its exact makespan (release times included).
 * With lags l_j between the machines the rule runs on (a_j + l_j, b_j + l_j): Mitten (1959) shows
 * this is optimal among permutation schedules. With release times it is only a heuristic
 * (F2|r_j|C_max is strongly NP-hard), but the makespan returned is still the order's exact one.
 */
export function johnson(inst: FlowShopInstance): FlowShopSolution {
  checkInstance(inst);
  if (machineCount(inst) !== 2) throw new RangeError(`johnson: needs exactly 2 machines, got ${machineCount(inst)}`);
  const [a, b] = inst.times as readonly [readonly number[], readonly number[]];
  const lag = inst.lags?.[0];
  const order = lag === undefined ? johnsonOrder(a, b) : johnsonOrder(a.map((x, j) => x + lag[j]!), b.map((x, j) => x + lag[j]!));
  return { order, makespan: sequenceMakespan(inst, order) };
}

