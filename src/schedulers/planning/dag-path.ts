// Job offloading's path-based policy for DAG jobs (job-offloading-and-baselines.md §2.4, our
// reconstruction): besides the prefix cuts, a job may split one fork–join region branch by branch;
// each branch segment computed on the device sends its own tensors, and the segments of a job are
// ordered as flow-shop jobs subject to the trunk preceding them (CDS on device, uplink, target; or
// Johnson on device and uplink with `stages: two`). That order inside a job is our stand-in for a
// Sidney-style decomposition of the job's tree (trunk, then parallel branches). For planning across
// jobs a region plan counts as one job with its summed stage times; a window's real schedule, jobs
// kept contiguous on the device, is `windowSchedule`.
import type { SchedulerContext } from "../scheduler.js";
import { cds } from "./cds.js";
import { deccCosts, type RegionCost } from "./decc-costs.js";
import { forEachCutVector, forkJoinRegions, type ForkJoinRegion } from "./fork-join-regions.js";
import { johnsonOrder } from "./johnson.js";
import type { SplitRoute } from "./route.js";
import type { StageTimes } from "./stage-times.js";

/** One region plan of a job: the region, an option per branch, and its branches' order. */
export interface RegionCandidate {
  region: ForkJoinRegion;
  choice: number[];
  /** Branches with a device part, in their order (the fork's job goes first). */
  order: number[];
  trunk: number;
  forkTx: number;
  /** Target time of the branches wholly on the target (after the fork tensor). */
  forkC: number;
  a: number[];
  d: number[];
  c: number[];
  tail: number;
}

/** A model's stage table with region plans appended after its L + 1 prefix cuts. */
export interface PathTable extends StageTimes {
  /** extra[k − (L + 1)] is row k's region plan. */
  readonly extra: readonly RegionCandidate[];
}

/**
 * The prefix table `st` extended by every region × cut vector (fine branch options), each with its
 * branch order. Rows: device = trunk + Σa, uplink = fork tensor + Σd, target = fork's branches + Σc
 * + tail; the later machines and the lags as for a prefix cut.
 */
export function pathTable(ctx: SchedulerContext, st: StageTimes, route: SplitRoute, twoStages: boolean): PathTable {
  const { regions } = forkJoinRegions(st.model);
  const costs = deccCosts(ctx, st.model, route, regions);
  const remote = st.times[0]!; // cloud-only: the later machines and lags every remote plan shares
  const lag = st.lags[0]!;
  const times = st.times.slice();
  const lags = st.lags.slice();
  const latency = st.latency.slice();
  const extra: RegionCandidate[] = [];
  costs.regions.forEach((rc) => forEachCutVector(rc.region, (choice) => {
    const cand = candidate(rc, choice.slice(), twoStages);
    const row = remote.slice();
    row[0] = cand.trunk + sum(cand.a);
    row[1] = cand.forkTx + sum(cand.d);
    row[2] = cand.forkC + sum(cand.c) + cand.tail;
    times.push(row);
    lags.push(lag);
    latency.push(windowSchedule([cand], [0], 0, lag, remote).end);
    extra.push(cand);
  }));
  return { ...st, times, lags, latency, extra };
}

function sum(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0);
}

function candidate(rc: RegionCost, choice: number[], twoStages: boolean): RegionCandidate {
  const r = rc.region;
  const opts = r.branches.map((b, i) => b[choice[i]!]!);
  const moving = opts.flatMap((o, b) => (o.device.length > 0 ? [b] : []));
  const pick = (rows: Float64Array[]): number[] => moving.map((b) => rows[b]![choice[b]!]!);
  const a = pick(rc.a);
  const d = pick(rc.d);
  const c = pick(rc.c);
  const order = moving.length === 0 ? [] : (twoStages ? johnsonOrder(a, d) : cds({ times: [a, d, c] }).order).map((j) => moving[j]!);
  const sendsFork = r.forkReadByTail || opts.some((o) => o.readsFork);
  const forkC = opts.reduce((s, o, b) => s + (o.device.length === 0 ? rc.c[b]![choice[b]!]! : 0), 0);
  const at = (rows: Float64Array[]) => order.map((b) => rows[b]![choice[b]!]!);
  return { region: r, choice, order, trunk: rc.trunk, forkTx: sendsFork ? rc.forkTx : 0, forkC, a: at(rc.a), d: at(rc.d), c: at(rc.c), tail: rc.tail };
}

/** A window's job as the schedule sees it: a region plan, or a prefix row (its machine times). */
export type WindowJob = RegionCandidate | readonly number[];

/**
 * The window's schedule, every job released at `release`, in `order`, each job's device steps
 * together (a job after a region plan is admitted when that plan's trunk ends, so its steps queue
 * behind the branches). A prefix row goes through the machines by the flow-shop recurrence (as
 * flowShopSchedule); a region plan by its segments on device, uplink and target, then the later
 * machines of `remote` (a remote prefix row: the result's way back). `lags` are a row's lags
 * (machine s to s + 1); `ready` when each machine is free of earlier windows.
 */
export function windowSchedule(
  jobs: readonly WindowJob[], order: readonly number[], release: number, lags: readonly number[], remote: readonly number[],
  ready: readonly number[] = [],
): { trunkEnd: number[]; end: number; free: number[] } {
  const m = remote.length;
  const free = Array.from({ length: m }, (_, s) => ready[s] ?? 0);
  const trunkEnd: number[] = [];
  const lag = (s: number): number => lags[s] ?? 0;
  for (const j of order) {
    const job = jobs[j]!;
    let c: number;
    let from: number;
    if (!("region" in job)) {
      c = release;
      for (let s = 0; s < m; s++) {
        c = Math.max(s === 0 ? c : c + lag(s - 1), free[s]!) + job[s]!;
        free[s] = c;
      }
      trunkEnd[j] = free[0]!;
      continue;
    }
    let e = Math.max(release, free[0]!) + job.trunk;
    trunkEnd[j] = e;
    let l = free[1]!;
    let g = free[2]!;
    if (job.forkTx > 0) {
      l = Math.max(l, e + lag(0)) + job.forkTx;
      g = Math.max(g, l + lag(1)) + job.forkC;
    }
    job.a.forEach((a, k) => {
      e += a;
      l = Math.max(l, e + lag(0)) + job.d[k]!;
      g = Math.max(g, l + lag(1)) + job.c[k]!;
    });
    g += job.tail;
    [free[0], free[1], free[2]] = [e, l, g];
    c = g;
    for (from = 3; from < m; from++) {
      c = Math.max(c + lag(from - 1), free[from]!) + remote[from]!;
      free[from] = c;
    }
  }
  return { trunkEnd, end: free[m - 1]!, free };
}
