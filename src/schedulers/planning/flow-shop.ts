// Permutation flow shop: the completion-time recurrence with release times (and optional Mitten
// time lags) that every flow-shop heuristic here is judged by. Pure; times are in the caller's
// unit and never rounded; the makespan is C_max measured from time 0, not from the first release.

/** A permutation flow shop: m ≥ 1 machines visited in order 0..m−1 by n ≥ 0 jobs. */
export interface FlowShopInstance {
  /** times[s][j]: processing time of job j on machine s (≥ 0; 0 = the job skips the stage). */
  readonly times: readonly (readonly number[])[];
  /** release[j]: job j cannot start on machine 0 before it (default 0 for every job). */
  readonly release?: readonly number[];
  /**
   * lags[s][j] ≥ 0: minimum delay between job j's end on machine s and its start on machine s+1
   * (m−1 rows), e.g. a link's propagation latency between sending and the cloud (Mitten 1959).
   */
  readonly lags?: readonly (readonly number[])[];
  /**
   * machineReady[s]: machine s is busy with earlier work until then (default 0 for every machine),
   * e.g. jobs planned in an earlier window that still occupy the device or the uplink.
   */
  readonly machineReady?: readonly number[];
}

/** A job order and its makespan: what every solver returns. */
export interface FlowShopSolution {
  readonly order: readonly number[];
  readonly makespan: number;
}

/** The whole semi-active schedule of one order: when each job starts and ends on each machine. */
export interface FlowShopSchedule extends FlowShopSolution {
  /** start[s][j], end[s][j]: job j on machine s, indexed by job (not by position in the order). */
  readonly start: readonly (readonly number[])[];
  readonly end: readonly (readonly number[])[];
}

export function machineCount(inst: FlowShopInstance): number {
  return inst.times.length;
}

export function jobCount(inst: FlowShopInstance): number {
  return inst.times[0]?.length ?? 0;
}

/** Throws a RangeError naming the first malformed entry; solvers call it once, not per order. */
export function checkInstance(inst: FlowShopInstance): void {
  const m = inst.times.length;
  if (m < 1) throw new RangeError("flow shop: at least one machine is needed");
  const n = jobCount(inst);
  const checkRows = (what: string, rows: readonly (readonly number[])[], count: number): void => {
    if (rows.length !== count) throw new RangeError(`flow shop: ${what} has ${rows.length} rows, expected ${count}`);
    rows.forEach((row, s) => {
      if (row.length !== n) throw new RangeError(`flow shop: ${what}[${s}] has ${row.length} jobs, expected ${n}`);
      row.forEach((x, j) => {
        if (!(Number.isFinite(x) && x >= 0)) throw new RangeError(`flow shop: ${what}[${s}][${j}] = ${x} is not a finite time ≥ 0`);
      });
    });
  };
  checkRows("times", inst.times, m);
  if (inst.lags !== undefined) checkRows("lags", inst.lags, m - 1);
  if (inst.machineReady !== undefined) {
    if (inst.machineReady.length !== m) throw new RangeError(`flow shop: machineReady has ${inst.machineReady.length} machines, expected ${m}`);
    inst.machineReady.forEach((t, s) => {
      if (!Number.isFinite(t)) throw new RangeError(`flow shop: machineReady[${s}] = ${t} is not finite`);
    });
  }
  if (inst.release !== undefined) {
    if (inst.release.length !== n) throw new RangeError(`flow shop: release has ${inst.release.length} jobs, expected ${n}`);
    inst.release.forEach((r, j) => {
      if (!Number.isFinite(r)) throw new RangeError(`flow shop: release[${j}] = ${r} is not finite`);
    });
  }
}

/** Throws unless `order` lists every job 0..n−1 exactly once. */
export function checkPermutation(order: readonly number[], n: number): void {
  if (order.length !== n) throw new RangeError(`flow shop: order has ${order.length} jobs, expected ${n}`);
  const seen = new Uint8Array(n);
  for (const j of order) {
    if (!(Number.isInteger(j) && j >= 0 && j < n) || seen[j]) throw new RangeError(`flow shop: order [${order.join(",")}] is not a permutation of 0..${n - 1}`);
    seen[j] = 1;
  }
}

/**
 * C_max of the jobs of `seq` in that order, which may be any subset of distinct jobs (NEH scores
 * partial sequences). Unchecked: the hot loop of every solver; validate with checkInstance first.
 * `ready` is scratch space of length ≥ m, so a search allocates nothing per evaluation.
 */
export function sequenceMakespan(inst: FlowShopInstance, seq: ArrayLike<number>, ready: Float64Array = new Float64Array(inst.times.length)): number {
  const { times, release, lags, machineReady } = inst;
  const m = times.length;
  // ready[s] = C[s][previous job]: when machine s becomes free (at 0, or at machineReady[s]).
  if (machineReady === undefined) ready.fill(0, 0, m);
  else for (let s = 0; s < m; s++) ready[s] = machineReady[s]!;
  for (let k = 0; k < seq.length; k++) {
    const j = seq[k]!;
    // C[−1][j] = r_j: the job "arrives from" a virtual machine at its release time.
    let prev = release?.[j] ?? 0;
    for (let s = 0; s < m; s++) {
      const arrive = s > 0 && lags !== undefined ? prev + lags[s - 1]![j]! : prev;
      prev = Math.max(arrive, ready[s]!) + times[s]![j]!;
      ready[s] = prev;
    }
  }
  // Each machine's completions only grow along the order, so the last job ends last.
  return seq.length === 0 ? 0 : ready[m - 1]!;
}

/** The makespan of a full order, checked. */
export function flowShopMakespan(inst: FlowShopInstance, order: readonly number[]): number {
  checkInstance(inst);
  checkPermutation(order, jobCount(inst));
  return sequenceMakespan(inst, order);
}

/**
 * The schedule of `order`: C[s][π_k] = max(C[s−1][π_k] (+ lag), C[s][π_{k−1}]) + p[s][π_k] with
 * C[−1][j] = r_j. Each job starts as early as the order allows (semi-active: no inserted idle).
 */
export function flowShopSchedule(inst: FlowShopInstance, order: readonly number[]): FlowShopSchedule {
  checkInstance(inst);
  const n = jobCount(inst);
  checkPermutation(order, n);
  const { times, release, lags, machineReady } = inst;
  const m = times.length;
  const start = times.map(() => new Array<number>(n).fill(0));
  const end = times.map(() => new Array<number>(n).fill(0));
  for (let k = 0; k < n; k++) {
    const j = order[k]!;
    const before = k > 0 ? order[k - 1]! : -1;
    let prev = release?.[j] ?? 0;
    for (let s = 0; s < m; s++) {
      const arrive = s > 0 && lags !== undefined ? prev + lags[s - 1]![j]! : prev;
      const free = before >= 0 ? end[s]![before]! : (machineReady?.[s] ?? 0);
      start[s]![j] = Math.max(arrive, free);
      prev = end[s]![j] = start[s]![j]! + times[s]![j]!;
    }
  }
  const makespan = n === 0 ? 0 : end[m - 1]![order[n - 1]!]!;
  return { order: [...order], makespan, start, end };
}
