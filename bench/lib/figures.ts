// From raw child results to the report's figures: each with its median over repeats, min–max,
// target and whether it is met. Targets are the issue's; a figure without one is informational.
import type { CaseResult } from "./result.js";
import { sizeLabel, spread, type Spread, type Unit } from "./stats.js";
import { wholeFigures } from "./whole-figures.js";

export interface Figure {
  group: number;
  figure: string;
  unit: Unit;
  value: Spread;
  repeats: number;
  target?: string;
  /** Whether the target is met; undefined for informational figures. */
  met?: boolean;
  /** A ratio of two medians rather than a figure measured per run. */
  derived?: boolean;
  /** Shown instead of a value: why the figure is missing (SimPy not installed, means that differ). */
  note?: string;
}

/** Results of every repeat, by `${case}@${size}`. */
export type Results = Map<string, CaseResult[]>;

export const key = (c: string, size: number): string => `${c}@${size}`;

const eventRate = (r: CaseResult): number => r.events / r.seconds;
const requestRate = (r: CaseResult): number => (r.requests ?? NaN) / r.seconds;
const nsPerRequest = (r: CaseResult): number => (r.seconds * 1e9) / (r.requests ?? NaN);
const nsPerEvent = (r: CaseResult): number => (r.seconds * 1e9) / r.events;
const one = (x: number): Spread => ({ min: x, median: x, max: x });

/** Sizes that case `c` ran at, ascending. */
function sizesOf(results: Results, c: string): number[] {
  const out: number[] = [];
  for (const k of results.keys()) if (k.startsWith(`${c}@`)) out.push(Number(k.slice(c.length + 1)));
  return out.sort((a, b) => a - b);
}

export function figures(results: Results): Figure[] {
  const out: Figure[] = [];
  const runs = (c: string, size: number): CaseResult[] => results.get(key(c, size)) ?? [];
  const add = (group: number, figure: string, unit: Unit, rs: CaseResult[], f: (r: CaseResult) => number, target?: string, test?: (median: number) => boolean): Spread => {
    const value = spread(rs.map(f));
    const row: Figure = { group, figure, unit, value, repeats: rs.length };
    if (target !== undefined) row.target = target;
    if (test !== undefined) row.met = test(value.median);
    out.push(row);
    return value;
  };
  const ratio = (group: number, figure: string, x: number, target: string, test: (x: number) => boolean): void => {
    out.push({ group, figure, unit: "ratio", value: one(x), repeats: 1, derived: true, target, met: Number.isFinite(x) && test(x) });
  };

  // 1. Hold model: EventQueue against the reference heap, size by size.
  for (const n of sizesOf(results, "hold-splitsim")) {
    const s = add(1, `EventQueue, ${sizeLabel(n)} pending`, "rate", runs("hold-splitsim", n), eventRate);
    const r = add(1, `reference heap, ${sizeLabel(n)} pending`, "rate", runs("hold-reference", n), eventRate);
    ratio(1, `reference ÷ EventQueue, ${sizeLabel(n)} pending`, r.median / s.median, "≤ 1.25×", (x) => x <= 1.25);
  }

  // 2. M/M/1: splitsim through the public API against the hand-written model.
  for (const n of sizesOf(results, "mm1-splitsim")) {
    const s = add(2, `splitsim M/M/1, ${sizeLabel(n)} requests, events/s`, "rate", runs("mm1-splitsim", n), eventRate);
    const sq = add(2, `splitsim M/M/1, ${sizeLabel(n)} requests, requests/s`, "rate", runs("mm1-splitsim", n), requestRate);
    const r = add(2, `hand-written M/M/1, ${sizeLabel(n)} customers, events/s`, "rate", runs("mm1-reference", n), eventRate);
    const rq = add(2, `hand-written M/M/1, ${sizeLabel(n)} customers, customers/s`, "rate", runs("mm1-reference", n), requestRate);
    ratio(2, "splitsim ÷ hand-written, events/s", s.median / r.median, "≥ 0.5×", (x) => x >= 0.5);
    out.push({ group: 2, figure: "splitsim ÷ hand-written, requests/s", unit: "ratio", value: one(sq.median / rq.median), repeats: 1, derived: true });
    add(2, "splitsim mean sojourn (analytic 20 ms)", "ms", runs("mm1-splitsim", n), (x) => x.extra?.["meanSojournMs"] ?? NaN);
  }

  // 3. The quickstart pipeline at 30 fps.
  for (const sched of ["cloud-only", "neurosurgeon"]) {
    const c = `pipeline-${sched}`;
    for (const n of sizesOf(results, c)) {
      const rs = runs(c, n);
      const big = n >= 1e6;
      add(3, `${sched}, ${sizeLabel(n)} requests, events/s`, "rate", rs, eventRate, "≥ 2 M/s", (x) => x >= 2e6);
      add(3, `${sched}, ${sizeLabel(n)} requests, requests/s`, "rate", rs, requestRate);
      // The wall-time and memory targets are about 1e6 requests; smaller runs are shown for scale.
      const wall = big ? { t: "< 3 s", f: (x: number) => x < 3 } : { t: undefined, f: undefined };
      const rss = big ? { t: "< 500 MB", f: (x: number) => x < 500 } : { t: undefined, f: undefined };
      add(3, `${sched}, ${sizeLabel(n)} requests, wall (workload + run)`, "s", rs, (x) => x.wallSeconds ?? NaN, wall.t, wall.f);
      add(3, `${sched}, ${sizeLabel(n)} requests, peak RSS (summary only)`, "MB", rs, (x) => x.rssMB, rss.t, rss.f);
    }
    for (const n of sizesOf(results, `${c}+warm`)) {
      add(3, `${sched}, ${sizeLabel(n)} requests, events/s, warm (not judged)`, "rate", runs(`${c}+warm`, n), eventRate);
    }
  }

  // 4. Cost per request of the stable (2 fps) cloud-only pipeline across sizes.
  const costs: number[] = [];
  for (const n of sizesOf(results, "cost-cloud-only")) {
    const rs = runs("cost-cloud-only", n);
    costs.push(add(4, `cloud-only @2 fps, ${sizeLabel(n)} requests, ns/request`, "ns", rs, nsPerRequest).median);
    add(4, `cloud-only @2 fps, ${sizeLabel(n)} requests, events/s`, "rate", rs, eventRate);
    // Issue 15, item 4: a summary-only run of 1e7 requests under 200 MB.
    if (n >= 1e7) add(4, `cloud-only @2 fps, ${sizeLabel(n)} requests, peak RSS`, "MB", rs, (x) => x.rssMB, "< 200 MB", (x) => x < 200);
    else add(4, `cloud-only @2 fps, ${sizeLabel(n)} requests, peak RSS`, "MB", rs, (x) => x.rssMB);
  }
  // The same with metrics.latencySketch (no latency kept per request; the noise draws still are).
  for (const n of sizesOf(results, "cost-cloud-only-sketch")) {
    const rs = runs("cost-cloud-only-sketch", n);
    add(4, `cloud-only @2 fps, latency sketch, ${sizeLabel(n)} requests, ns/request`, "ns", rs, nsPerRequest);
    add(4, `cloud-only @2 fps, latency sketch, ${sizeLabel(n)} requests, peak RSS`, "MB", rs, (x) => x.rssMB, "< 200 MB", (x) => x < 200);
  }
  if (costs.length > 1) {
    ratio(4, "max ÷ min ns/request over sizes", Math.max(...costs) / Math.min(...costs), "≤ 1.5×", (x) => x <= 1.5);
    // Which way it moves: below 1 the biggest run is the cheapest per request (nothing grows).
    out.push({ group: 4, figure: "largest ÷ smallest size, ns/request", unit: "ratio", value: one(costs[costs.length - 1]! / costs[0]!), repeats: 1, derived: true });
  }
  // A size again after a warm-up run: the same ratio with that size's JIT warm-up taken out.
  const costSizes = sizesOf(results, "cost-cloud-only");
  for (const n of sizesOf(results, "cost-cloud-only+warm")) {
    const w = add(4, `cloud-only @2 fps, ${sizeLabel(n)} requests, ns/request, warm`, "ns", runs("cost-cloud-only+warm", n), nsPerRequest).median;
    const mixed = costs.map((c, i) => (costSizes[i] === n ? w : c));
    if (mixed.length > 1) {
      out.push({ group: 4, figure: `max ÷ min ns/request, with ${sizeLabel(n)} warm (not judged)`, unit: "ratio", value: one(Math.max(...mixed) / Math.min(...mixed)), repeats: 1, derived: true });
    }
  }

  // 5. Many resources: how the cost moves with devices, servers and pending events.
  const many = [...results.keys()].map((k) => k.split("@")[0]!).filter((c, i, a) => c.startsWith("many-") && a.indexOf(c) === i);
  for (const c of many) {
    for (const n of sizesOf(results, c)) {
      const rs = runs(c, n);
      const ex = rs[0]?.extra ?? {};
      const label = `${c.replace(/^many-(\w+)-(\d+)$/, "$2 dev, $1 uplink")}, ${ex["servers"]} servers, ${sizeLabel(n)} req`;
      add(5, `${label}, ns/event`, "ns", rs, nsPerEvent);
      add(5, `${label}, ns/request`, "ns", rs, nsPerRequest);
      add(5, `${label}, events/request`, "count", rs, (x) => x.events / (x.requests ?? NaN));
      add(5, `${label}, mean pending events`, "count", rs, (x) => x.extra?.["meanPending"] ?? NaN);
    }
  }

  // 6. Whole processes: start-up, and splitsim against SimPy (timed in the parent: whole.ts).
  out.push(...wholeFigures(results));
  return out;
}
