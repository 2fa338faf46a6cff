// DECC's joint search (coach-decc.md §2.3.3–2.3.5): every single cut at an articulation point, and
// for every fork–join region every cut vector × branch order, scored by the single-request makespan
// (`latency`) or by makespan + a queueing wait per resource at the request rate (`delay`, plans
// that saturate a resource excluded). Enumeration order fixes ties: single cuts first, by k; then
// three-part plans (when asked for); then regions in model order, vectors in odometer order, orders lexicographically.
import { cds } from "./cds.js";
import type { DeccCosts, RegionCost } from "./decc-costs.js";
import { forEachCutVector } from "./fork-join-regions.js";
import { stageWait } from "./queueing.js";
import type { ThreePartCost } from "./three-part.js";

/** Device, uplink, target, downlink: the resources a request's busy time is counted on. */
export const RESOURCES = ["device", "uplink", "target", "downlink"] as const;

/** What else loads a resource: other flows' rate (per ns), Σ λ·U and Σ λ·E[U²]. */
export interface Background {
  rate: number;
  busy: number;
  second: number;
}

export interface SearchSettings {
  objective: "latency" | "delay";
  /** This flow's requests per ns. */
  lambda: number;
  /** Servers per resource, and the SCV of each resource's service time (0: deterministic, M/D/1). */
  servers: readonly number[];
  scv: readonly number[];
  background: readonly Background[];
  /** Try every order of a region's branches when it has at most this many (else CDS). */
  allOrdersUpTo: number;
  /** Search fork–join regions (false: single cuts only). */
  regions: boolean;
  /** Device → target → device plans to weigh too (none: two-part plans only). */
  threePart?: readonly ThreePartCost[];
}

export type Frontier =
  | { kind: "trunk"; k: number }
  | { kind: "three"; k1: number; k2: number }
  | { kind: "region"; region: number; choice: number[]; order: number[] };

export interface Candidate {
  frontier: Frontier;
  /** Single-request latency on an empty system, ns. */
  makespan: number;
  /** Busy time per request on each of RESOURCES, ns. */
  busy: number[];
  /** Predicted mean delay (makespan + waits), ns; Infinity when a resource saturates. */
  delay: number;
  /** The objective's value. */
  score: number;
  /** Highest utilisation of a resource (this flow with the background). */
  peak: number;
}

export function deccSearch(costs: DeccCosts, s: SearchSettings): Candidate {
  let best: Candidate | null = null;
  let calmest: Candidate | null = null;
  const consider = (frontier: () => Frontier, makespan: number, busy: number[]): void => {
    const { delay, peak } = predictDelay(makespan, busy, s);
    const score = s.objective === "latency" ? makespan : delay;
    if (best === null || score < best.score) best = { frontier: frontier(), makespan, busy, delay, score, peak };
    if (calmest === null || peak < calmest.peak) calmest = { frontier: frontier(), makespan, busy, delay, score, peak };
  };
  const back = costs.resultTx + costs.downLatency;
  const L = costs.model.layerCount;
  for (const t of costs.trunks) {
    const remote = t.k < L;
    const makespan = t.device + (remote ? t.tx + costs.upLatency + t.target + back : 0);
    consider(() => ({ kind: "trunk", k: t.k }), makespan, [t.device, t.tx, t.target, remote ? costs.resultTx : 0]);
  }
  for (const t of s.threePart ?? []) consider(() => ({ kind: "three", k1: t.k1, k2: t.k2 }), t.makespan, t.busy);
  if (s.regions) costs.regions.forEach((rc, r) => searchRegion(costs, rc, r, s, back, consider));
  // Every plan saturates something: the one that saturates least.
  if (best!.score === Infinity) return calmest!;
  return best!;
}

type Consider = (frontier: () => Frontier, makespan: number, busy: number[]) => void;

function searchRegion(costs: DeccCosts, rc: RegionCost, r: number, s: SearchSettings, back: number, consider: Consider): void {
  const B = rc.region.branches.length;
  const jobs: number[] = [];
  forEachCutVector(rc.region, (choice) => {
    // The fork job (a = 0) carries the fork tensor and every all-target branch; it goes first.
    let forkC = 0;
    let sendsFork = rc.region.forkReadByTail;
    let busyE = rc.trunk;
    let busyL = 0;
    let busyC = rc.tail;
    jobs.length = 0;
    for (let b = 0; b < B; b++) {
      const o = rc.region.branches[b]![choice[b]!]!;
      const a = rc.a[b]![choice[b]!]!;
      const c = rc.c[b]![choice[b]!]!;
      sendsFork ||= o.readsFork;
      if (o.device.length === 0) forkC += c;
      else jobs.push(b);
      busyE += a;
      busyL += rc.d[b]![choice[b]!]!;
      busyC += c;
    }
    const forkD = sendsFork ? rc.forkTx : 0;
    busyL += forkD;
    const busy = [busyE, busyL, busyC, costs.resultTx];
    const span = (order: ArrayLike<number>): number => regionMakespan(costs, rc, choice, order, forkD, forkC) + back;
    // The waits depend on the vector only (busy times), so each vector's best order is found first.
    let order: number[];
    let makespan: number;
    if (jobs.length <= s.allOrdersUpTo) {
      order = jobs.slice();
      makespan = Infinity;
      forEachPermutation(jobs, (o) => {
        const m = span(o);
        if (m < makespan) [makespan, order] = [m, o.slice()];
      });
    } else {
      order = cdsOrder(rc, choice, jobs);
      makespan = span(order);
    }
    const snapshot = choice.slice();
    consider(() => ({ kind: "region", region: r, choice: snapshot, order }), makespan, busy);
  });
}

/**
 * The flow-shop recurrence over device, uplink and target from the trunk's end: e = e + a,
 * l = max(l, e) + d, g = max(g, l + δ) + c, the fork job first; then the tail on the target.
 */
export function regionMakespan(
  costs: DeccCosts, rc: RegionCost, choice: readonly number[], order: ArrayLike<number>, forkD: number, forkC: number,
): number {
  let e = rc.trunk;
  let l = 0;
  let g = 0;
  if (forkD > 0 || forkC > 0) {
    l = e + forkD;
    g = l + costs.upLatency + forkC;
  }
  for (let k = 0; k < order.length; k++) {
    const b = order[k]!;
    const o = choice[b]!;
    e += rc.a[b]![o]!;
    l = Math.max(l, e) + rc.d[b]![o]!;
    g = Math.max(g, l + costs.upLatency) + rc.c[b]![o]!;
  }
  return g + rc.tail;
}

/** Makespan + Σ per-resource mean wait (Allen–Cunneen with Poisson arrivals: M/G/1's P–K mean). */
export function predictDelay(makespan: number, busy: readonly number[], s: SearchSettings): { delay: number; peak: number } {
  let wait = 0;
  let peak = 0;
  for (let x = 0; x < busy.length; x++) {
    const U = busy[x]!;
    const bg = s.background[x]!;
    const rate = s.lambda + bg.rate;
    if (rate <= 0 || (U === 0 && bg.busy === 0)) continue;
    const load = s.lambda * U + bg.busy; // erlangs
    const mean = load / rate;
    const second = (s.lambda * U * U * (1 + s.scv[x]!) + bg.second) / rate;
    peak = Math.max(peak, load / s.servers[x]!);
    if (mean > 0) wait += stageWait(rate, { service: mean, servers: s.servers[x]!, scv: second / (mean * mean) - 1 }, 1);
  }
  return { delay: makespan + wait, peak };
}

/** CDS on the region's non-fork branches (3 machines: device, uplink, target), as branch indices. */
function cdsOrder(rc: RegionCost, choice: readonly number[], jobs: readonly number[]): number[] {
  const pick = (rows: Float64Array[]): number[] => jobs.map((b) => rows[b]![choice[b]!]!);
  const sol = cds({ times: [pick(rc.a), pick(rc.d), pick(rc.c)] });
  return sol.order.map((j) => jobs[j]!);
}

/** Calls `visit` with every permutation of `items` in lexicographic order of positions (one array, reused). */
export function forEachPermutation(items: readonly number[], visit: (order: number[]) => void): void {
  const n = items.length;
  const idx = Array.from({ length: n }, (_, i) => i);
  const order = items.slice();
  for (;;) {
    for (let i = 0; i < n; i++) order[i] = items[idx[i]!]!;
    visit(order);
    // Next permutation of idx (Narayana Pandita).
    let i = n - 2;
    while (i >= 0 && idx[i]! > idx[i + 1]!) i--;
    if (i < 0) return;
    let j = n - 1;
    while (idx[j]! < idx[i]!) j--;
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
    for (let a = i + 1, b = n - 1; a < b; a++, b--) [idx[a], idx[b]] = [idx[b]!, idx[a]!];
  }
}
