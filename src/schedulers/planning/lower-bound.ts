// Lower bounds on the makespan of any permutation schedule of a flow shop
// (job-offloading-and-baselines.md §4.3 item 7): what a planner's result is judged against, its
// "gap". Once over a whole instance, or kept up job by job for a stream planned window by window.
import { checkInstance, jobCount, machineCount, type FlowShopInstance } from "./flow-shop.js";

/**
 * §4.3 item 7, with release times, lags, busy machines and parallel servers: for every machine s,
 * no order finishes before max(min_j (r_j + head_j(s)), ready_s) + Σ_j p_{s,j} / servers_s +
 * min_j tail_j(s), where head is the job's time (and lags) before s and tail its time after s.
 * Returns the largest of these (an absolute time in the instance's clock), 0 for no jobs.
 */
export function flowShopLowerBound(inst: FlowShopInstance, servers?: readonly number[]): number {
  checkInstance(inst);
  const m = machineCount(inst);
  const n = jobCount(inst);
  if (n === 0) return 0;
  const { times, lags, release, machineReady } = inst;
  let lb = 0;
  for (let s = 0; s < m; s++) {
    let minHead = Infinity;
    let minTail = Infinity;
    let work = 0;
    for (let j = 0; j < n; j++) {
      let head = release?.[j] ?? 0;
      for (let t = 0; t < s; t++) head += times[t]![j]! + (lags?.[t]?.[j] ?? 0);
      let tail = 0;
      for (let t = s + 1; t < m; t++) tail += times[t]![j]! + (lags?.[t - 1]?.[j] ?? 0);
      minHead = Math.min(minHead, head);
      minTail = Math.min(minTail, tail);
      work += times[s]![j]!;
    }
    const start = Math.max(minHead, machineReady?.[s] ?? 0);
    lb = Math.max(lb, start + work / (servers?.[s] ?? 1) + minTail);
  }
  return lb;
}

/**
 * The same bound kept up as jobs are added (release, stage times, lags), in O(machines) memory:
 * per machine the smallest head, the total work and the smallest tail. Machines start free; a
 * machine with c servers does its work c at a time (`servers`, default 1 each).
 */
export class LowerBound {
  private readonly minHead: Float64Array;
  private readonly minTail: Float64Array;
  private readonly work: Float64Array;
  private jobs = 0;

  constructor(private readonly machines: number, private readonly servers: readonly number[] = []) {
    this.minHead = new Float64Array(machines).fill(Infinity);
    this.minTail = new Float64Array(machines).fill(Infinity);
    this.work = new Float64Array(machines);
  }

  add(release: number, times: readonly number[], lags: readonly number[]): void {
    const m = this.machines;
    if (times.length !== m || lags.length !== m - 1) throw new RangeError(`lower bound: a job needs ${m} times and ${m - 1} lags`);
    let head = release;
    for (let s = 0; s < m; s++) {
      if (s > 0) head += times[s - 1]! + lags[s - 1]!;
      this.minHead[s] = Math.min(this.minHead[s]!, head);
      this.work[s] = this.work[s]! + times[s]!;
    }
    let tail = 0;
    for (let s = m - 1; s >= 0; s--) {
      this.minTail[s] = Math.min(this.minTail[s]!, tail);
      if (s > 0) tail += times[s]! + lags[s - 1]!;
    }
    this.jobs++;
  }

  /**
   * A job whose stages overlap inside it (a branch-parallel plan): its work counts on every
   * machine, but it may start on any machine at its release and end with nothing after, which
   * keeps the bound valid whatever its segments' order.
   */
  addOverlapping(release: number, times: readonly number[]): void {
    if (times.length !== this.machines) throw new RangeError(`lower bound: a job needs ${this.machines} times`);
    for (let s = 0; s < this.machines; s++) {
      this.minHead[s] = Math.min(this.minHead[s]!, release);
      this.work[s] = this.work[s]! + times[s]!;
      this.minTail[s] = 0;
    }
    this.jobs++;
  }

  /** The bound as an absolute time (0 before any job). */
  value(): number {
    if (this.jobs === 0) return 0;
    let lb = 0;
    for (let s = 0; s < this.machines; s++) lb = Math.max(lb, this.minHead[s]! + this.work[s]! / (this.servers[s] ?? 1) + this.minTail[s]!);
    return lb;
  }
}
