// Cut per job and pipeline order for a batch of inference jobs on one device → uplink → cloud
// pipeline (job-offloading-and-baselines.md §2.3–§2.4, reconstructing Duan & Wu, TMC 2024): the
// joint search (two-point mix for identical jobs, then a balancing greedy), partition-only,
// schedule-only and exhaustive. Pure: the per-cut stage times come in, a plan goes out.
import { bestMix, crossing, hullCuts, undominatedCuts } from "./cut-candidates.js";
import { sequenceMakespan, type FlowShopInstance } from "./flow-shop.js";
import { frontLoadSkippers, pipelineOrder, type OrderMethod } from "./pipeline-order.js";
import { latencyOptimalCut, undominatedStageCuts, type StageTimes } from "./stage-times.js";

export type BatchMode = "joint" | "partition-only" | "schedule-only" | "exhaustive";

/** The batch: each job's stage-time table (jobs of one model and route share one), release times. */
export interface BatchJobs {
  readonly tables: readonly StageTimes[];
  readonly release: readonly number[];
  /** When each machine is free of earlier work (default: all free at 0). */
  readonly machineReady?: readonly number[];
}

export interface BatchPlan {
  /** Cut index per job (into its table's cuts). */
  cuts: number[];
  /** Jobs in the order they use the pipeline. */
  order: number[];
  /** The recurrence's makespan of that plan: the time the last job ends (same clock as releases). */
  end: number;
  method: OrderMethod;
}

export interface BatchOptions {
  mode: BatchMode;
  /** schedule-only: the fixed cut per table (default: each table's latency-optimal cut). */
  fixedCut?: (t: StageTimes) => number;
  /** joint: the cuts its search moves along (default hull: the lower convex hull of (f, g)). */
  candidates?: "hull" | "dominance";
  /** exhaustive: refuse batches over this many jobs. */
  exhaustiveMaxJobs?: number;
  /** exhaustive: refuse batches with more cut assignments than this (see exhaustiveAssignments). */
  exhaustiveMaxAssignments?: number;
}

export const EXHAUSTIVE_MAX_JOBS = 8;
/**
 * Every cut of a DAG-free 3-stage table is undominated (device time rises and cloud time falls with
 * each cut), so 8 ResNet-50 jobs would be C(80, 8) ≈ 2.9e10 multisets: the search is capped by its
 * size as well as by n. 100 000 fully ordered assignments take a few seconds.
 */
export const EXHAUSTIVE_MAX_ASSIGNMENTS = 100_000;

/** Jobs grouped by their table (jobs of one model and route are interchangeable), with the cuts exhaustive tries. */
function exhaustiveGroups(jobs: BatchJobs): { members: number[]; cands: number[] }[] {
  const groups = new Map<StageTimes, number[]>();
  jobs.tables.forEach((t, j) => {
    const g = groups.get(t);
    if (g === undefined) groups.set(t, [j]);
    else g.push(j);
  });
  return [...groups.entries()].map(([t, members]) => ({ members, cands: undominatedStageCuts(t) }));
}

/** How many cut assignments exhaustive evaluates: Π over groups of C(k + m − 1, m) (multisets of m from k cuts). */
export function exhaustiveAssignments(jobs: BatchJobs): number {
  let total = 1;
  for (const { members, cands } of exhaustiveGroups(jobs)) {
    const m = members.length;
    const k = cands.length;
    let c = 1;
    for (let i = 1; i <= m; i++) c = (c * (k + i - 1)) / i;
    total *= Math.round(c);
  }
  return total;
}

/** The flow-shop instance of a cut assignment. */
export function instanceOf(jobs: BatchJobs, cuts: readonly number[]): FlowShopInstance {
  const m = jobs.tables[0]!.machines;
  const n = cuts.length;
  const times = Array.from({ length: m }, (_, s) => Array.from({ length: n }, (_, j) => jobs.tables[j]!.times[cuts[j]!]![s]!));
  const lags = Array.from({ length: m - 1 }, (_, s) => Array.from({ length: n }, (_, j) => jobs.tables[j]!.lags[cuts[j]!]![s]!));
  return { times, lags, release: jobs.release, ...(jobs.machineReady === undefined ? {} : { machineReady: jobs.machineReady }) };
}

/** The one job's cut with the earliest end (ties: the earliest cut), by the recurrence. */
function singleJob(jobs: BatchJobs): BatchPlan {
  const table = jobs.tables[0]!;
  // One instance whose single column is refilled per cut: a stream planned per arrival calls
  // this once a request, so it allocates nothing per cut.
  const inst = instanceOf(jobs, [0]);
  const times = inst.times as number[][];
  const lags = inst.lags as number[][];
  const scratch = new Float64Array(table.machines);
  let bestCut = -1;
  let bestEnd = Infinity;
  for (let k = 0; k < table.times.length; k++) {
    const t = table.times[k]!;
    if (!t.every(Number.isFinite)) continue;
    for (let s = 0; s < table.machines; s++) times[s]![0] = t[s]!;
    for (let s = 0; s < table.machines - 1; s++) lags[s]![0] = table.lags[k]![s]!;
    const end = sequenceMakespan(inst, [0], scratch);
    if (end < bestEnd) [bestCut, bestEnd] = [k, end];
  }
  return { cuts: [bestCut], order: [0], end: bestEnd, method: "arrival" };
}

/** Best order of an assignment; `improve: false` (the rule alone) is the greedy's fast estimate. */
function evaluate(jobs: BatchJobs, cuts: number[], improve = true): BatchPlan {
  const r = pipelineOrder(instanceOf(jobs, cuts), { improve });
  return { cuts, order: r.order, end: r.makespan, method: r.method };
}

export function planBatch(jobs: BatchJobs, opts: BatchOptions): BatchPlan {
  const n = jobs.tables.length;
  if (n === 0) return { cuts: [], order: [], end: 0, method: "arrival" };
  const m = jobs.tables[0]!.machines;
  if (jobs.tables.some((t) => t.machines !== m)) throw new RangeError("batch plan: every job must see the same pipeline stages");
  switch (opts.mode) {
    case "partition-only": {
      // Each job's own best cut, served in arrival order (skippers first, as they run).
      const cuts = jobs.tables.map(latencyOptimalCut);
      const inst = instanceOf(jobs, cuts);
      const order = frontLoadSkippers(Array.from({ length: n }, (_, j) => j), inst.times[0]!);
      return { cuts, order, end: sequenceMakespan(inst, order), method: "arrival" };
    }
    case "schedule-only":
      return evaluate(jobs, jobs.tables.map(opts.fixedCut ?? latencyOptimalCut));
    case "exhaustive": {
      const max = opts.exhaustiveMaxJobs ?? EXHAUSTIVE_MAX_JOBS;
      if (n > max) throw new RangeError(`exhaustive search takes at most ${max} jobs, got ${n}`);
      const count = exhaustiveAssignments(jobs);
      const maxCount = opts.exhaustiveMaxAssignments ?? EXHAUSTIVE_MAX_ASSIGNMENTS;
      if (count > maxCount) throw new RangeError(`exhaustive search takes at most ${maxCount} cut assignments, this batch has ${count}`);
      return exhaustive(jobs);
    }
    case "joint":
      // One job (a stream planned as it arrives): the exact answer is its cut that ends first
      // behind the machines' earlier work, found directly instead of by the batch search.
      return n === 1 ? singleJob(jobs) : joint(jobs, opts.candidates ?? "hull");
  }
}

/**
 * Seeds: every job at its crossing point on its (f, g) hull; for identical jobs the two-point mix
 * around it (§2.3) and every undominated single cut; each job's latency-optimal cut. The best seed
 * (fully ordered) is then refined by the balancing greedy (§2.4); the better of the two is kept.
 */
function joint(jobs: BatchJobs, candidates: "hull" | "dominance"): BatchPlan {
  const n = jobs.tables.length;
  const hulls = new Map<StageTimes, number[]>();
  const hullOf = (t: StageTimes): number[] => {
    let h = hulls.get(t);
    if (h === undefined) {
      const f = t.times.map((x) => x[0]!);
      const g = t.times.map((x) => x[1]!);
      hulls.set(t, (h = candidates === "hull" ? hullCuts(f, g) : undominatedCuts(f, g)));
    }
    return h;
  };
  const crossingCut = (t: StageTimes): number => {
    const h = hullOf(t);
    const c = crossing(h, t.times.map((x) => x[0]!), t.times.map((x) => x[1]!));
    return h[Math.min(c, h.length - 1)]!;
  };
  const seeds: number[][] = [jobs.tables.map(crossingCut), jobs.tables.map(latencyOptimalCut)];
  const first = jobs.tables[0]!;
  if (jobs.tables.every((t) => t === first)) {
    const h = hullOf(first);
    const f = first.times.map((x) => x[0]!);
    const g = first.times.map((x) => x[1]!);
    const c = crossing(h, f, g);
    if (c > 0 && c < h.length) {
      // x jobs at the communication-heavy point k1 (listed first), n − x at k2.
      const k1 = h[c - 1]!;
      const k2 = h[c]!;
      const { x } = bestMix(n, f[k1]!, g[k1]!, f[k2]!, g[k2]!);
      seeds.push(Array.from({ length: n }, (_, j) => (j < x ? k1 : k2)));
    }
    for (const k of undominatedStageCuts(first)) seeds.push(new Array<number>(n).fill(k));
  }
  let best: BatchPlan | null = null;
  for (const s of seeds) {
    const p = evaluate(jobs, s);
    if (best === null || p.end < best.end) best = p;
  }
  const greedy = balance(jobs, best!.cuts.slice(), hullOf);
  const improved = evaluate(jobs, greedy);
  return improved.end < best!.end ? improved : best!;
}

/** Balancing greedy (§2.4): one job one hull step at a time while the rule's makespan falls. */
function balance(jobs: BatchJobs, cuts: number[], hullOf: (t: StageTimes) => number[]): number[] {
  let current = evaluate(jobs, cuts, false).end;
  for (;;) {
    let bestMove: { j: number; k: number; end: number } | null = null;
    // Jobs of one table at one cut are interchangeable: try one of each group.
    const tried = new Map<StageTimes, Set<number>>();
    for (let j = 0; j < cuts.length; j++) {
      const t = jobs.tables[j]!;
      const h = hullOf(t);
      const pos = h.indexOf(cuts[j]!);
      let seen = tried.get(t);
      if (seen === undefined) tried.set(t, (seen = new Set()));
      if (pos < 0 || seen.has(cuts[j]!)) continue;
      seen.add(cuts[j]!);
      for (const p of [pos - 1, pos + 1]) {
        if (p < 0 || p >= h.length) continue;
        const old = cuts[j]!;
        cuts[j] = h[p]!;
        const end = evaluate(jobs, cuts, false).end;
        cuts[j] = old;
        if (end < current && (bestMove === null || end < bestMove.end)) bestMove = { j, k: h[p]!, end };
      }
    }
    if (bestMove === null) return cuts;
    cuts[bestMove.j] = bestMove.k;
    current = bestMove.end;
  }
}

/**
 * Every assignment of undominated cuts, jobs of one table taken as a multiset (their order is the
 * ordering's business), each ordered by pipelineOrder; the shortest wins (ties: first found).
 * Exact with two stages, where Johnson's order is optimal.
 */
function exhaustive(jobs: BatchJobs): BatchPlan {
  const entries = exhaustiveGroups(jobs);
  const cuts = new Array<number>(jobs.tables.length).fill(0);
  let best: BatchPlan | null = null;
  const visit = (g: number): void => {
    if (g === entries.length) {
      const p = evaluate(jobs, cuts.slice());
      if (best === null || p.end < best.end) best = p;
      return;
    }
    const { members, cands } = entries[g]!;
    // Non-decreasing candidate positions over the members: each multiset once.
    const assign = (i: number, from: number): void => {
      if (i === members.length) return visit(g + 1);
      for (let c = from; c < cands.length; c++) {
        cuts[members[i]!] = cands[c]!;
        assign(i + 1, c);
      }
    };
    assign(0, 0);
  };
  visit(0);
  return best!;
}
