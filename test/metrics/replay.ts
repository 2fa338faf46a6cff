// Test helper: feeds a Collector a hand-written schedule (times in ms) in the simulator's phase
// order at equal times — ends, completions and drops, then arrivals, then queue changes and starts.
import { ms } from "../../src/core/time.js";
import { Collector } from "../../src/metrics/collector.js";
import type { ResourceInfo } from "../../src/platform/observer.js";
import type { RunReport } from "../../src/metrics/report.js";
import { newRequest, type Request } from "../../src/workload/request.js";

export const META = { scenario: "s", scheduler: "x", options: {}, seed: 1, scenarioHash: "h", estimator: "ewma" };

export interface Schedule {
  resources: ResourceInfo[];
  /** Request i arrives at arrivalsMs[i] (ids in arrival order). */
  arrivalsMs: number[];
  deadlinesMs?: number[];
  /** [resource, server, fromMs, toMs]: one busy interval. */
  busy: [number, number, number, number][];
  /** [resource, waiting, atMs]. */
  queue?: [number, number, number][];
  /** [request, atMs]. */
  complete: [number, number][];
  drop?: [number, number][];
  finishMs?: number;
  warmupRequests?: number;
}

/** n single-server stations named r0, r1, ... */
export function stations(...servers: number[]): ResourceInfo[] {
  return servers.map((c, i) => ({ id: `r${i}`, kind: "station", servers: c }));
}

const deadline = (d: number | undefined): number => (d === undefined ? -1 : ms(d));

export function play(s: Schedule): { report: RunReport; requests: Request[]; collector: Collector } {
  const c = new Collector({ warmupRequests: s.warmupRequests ?? 0 });
  c.onSetup(s.resources);
  const reqs = s.arrivalsMs.map((a, i) => newRequest(i, 0, i, "m", ms(a), deadline(s.deadlinesMs?.[i])));
  // phase: 0 Complete, 1 Arrive, 2 Dispatch; the listed order breaks the remaining ties.
  const evs: { t: number; phase: number; run: () => void }[] = [];
  const add = (atMs: number, phase: number, run: (t: number) => void) => evs.push({ t: ms(atMs), phase, run: () => run(ms(atMs)) });
  s.arrivalsMs.forEach((a, i) => add(a, 1, (t) => c.onArrive(reqs[i]!, t)));
  for (const [res, server, from, to] of s.busy) {
    add(from, 2, (t) => c.onStart(res, server, t));
    add(to, 0, (t) => c.onEnd(res, server, t));
  }
  for (const [res, waiting, at] of s.queue ?? []) add(at, 2, (t) => c.onQueue(res, waiting, t));
  for (const [i, at] of s.complete) {
    add(at, 0, (t) => {
      reqs[i]!.completion = t;
      c.onComplete(reqs[i]!, t);
    });
  }
  for (const [i, at] of s.drop ?? []) {
    add(at, 0, (t) => {
      reqs[i]!.dropped = true;
      c.onDrop(reqs[i]!, t);
    });
  }
  evs.sort((a, b) => a.t - b.t || a.phase - b.phase); // stable: listed order within a phase
  for (const e of evs) e.run();
  if (s.finishMs !== undefined) c.onFinish(ms(s.finishMs));
  return { report: c.report(META), requests: reqs, collector: c };
}
