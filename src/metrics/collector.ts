// Collector: the observer that turns a run's events into a RunReport. It keeps every request
// (for requests.csv) and per-resource accounts; bubble figures use the whole run window, latency
// and throughput leave out the first `warmupRequests` requests (by arrival order).
import type { Time } from "../core/time.js";
import type { Request } from "../workload/request.js";
import { bubbleFigures, ResourceAccount } from "./bubbles.js";
import type { Observer, ResourceInfo } from "./observer.js";
import { roundMs, roundRatio, type ReportMeta, type ResourceReport, type RunReport } from "./report.js";
import { summarize } from "./stats.js";

export class Collector implements Observer {
  private resources: readonly ResourceInfo[] = [];
  private accounts: ResourceAccount[] = [];
  private readonly all: Request[] = [];
  private inSystem = 0;
  private lastEventTime: Time = 0;

  constructor(private readonly opts: { warmupRequests: number }) {}

  /** Every admitted request (completed or dropped), in id order. */
  get requests(): readonly Request[] {
    return this.all;
  }

  onSetup(resources: readonly ResourceInfo[]): void {
    this.resources = resources;
    this.accounts = resources.map((r) => new ResourceAccount(r.servers));
  }

  onArrive(req: Request, t: Time): void {
    this.all.push(req);
    if (this.inSystem === 0) this.advanceAll(t);
    this.inSystem++;
  }

  onQueue(res: number, waiting: number, t: Time): void {
    this.accounts[res]!.setWaiting(waiting, t, this.inSystem);
  }

  onStart(res: number, server: number, t: Time): void {
    this.accounts[res]!.start(server, t, this.inSystem);
  }

  onEnd(res: number, server: number, t: Time): void {
    this.accounts[res]!.end(server, t, this.inSystem);
  }

  onComplete(_req: Request, t: Time): void {
    this.leave(t);
  }

  onDrop(_req: Request, t: Time): void {
    this.leave(t);
  }

  onFinish(t: Time): void {
    this.lastEventTime = t;
  }

  private leave(t: Time): void {
    if (this.inSystem === 1) this.advanceAll(t);
    this.inSystem--;
  }

  /** Idle causes depend on whether the system is empty: settle every account before it flips. */
  private advanceAll(t: Time): void {
    for (const a of this.accounts) a.advance(t, this.inSystem);
  }

  report(meta: ReportMeta): RunReport {
    const reqs = this.all;
    const completed = reqs.filter((r) => !r.dropped);
    const t0 = reqs.length > 0 ? reqs[0]!.arrival : 0;
    let t1 = completed.length > 0 ? 0 : this.lastEventTime;
    for (const r of completed) if (r.completion > t1) t1 = r.completion;
    const warm = this.opts.warmupRequests;
    const measured = completed.filter((r) => r.id >= warm);
    const latencies = Float64Array.from(measured, (r) => (r.completion - r.arrival) / 1e6);
    const from = reqs.length > warm ? reqs[warm]!.arrival : t1;
    const deadlineMissed = reqs.filter((r) => r.deadline >= 0 && (r.dropped || r.completion > r.deadline)).length;

    const resources: Record<string, ResourceReport> = {};
    let busyUsed = 0;
    let capacityUsed = 0;
    let spanUsed = 0;
    this.resources.forEach((info, i) => {
      const a = this.accounts[i]!;
      const f = bubbleFigures(a, t0, t1);
      const causes = a.internalIdleByCause();
      if (a.used) {
        busyUsed += f.busyNs;
        capacityUsed += info.servers * (t1 - t0);
        spanUsed += f.spanNs;
      }
      resources[info.id] = {
        kind: info.kind,
        servers: info.servers,
        busyMs: roundMs(f.busyNs),
        serverBusyMs: Array.from(a.busyNs, roundMs),
        utilisation: roundRatio(t1 > t0 ? f.busyNs / (info.servers * (t1 - t0)) : 0),
        bubbleRatio: roundRatio(f.bubbleRatio),
        fillMs: roundMs(f.fillNs),
        drainMs: roundMs(f.drainNs),
        internalIdleMs: roundMs(f.internalIdleNs),
        activeBubbleRatio: roundRatio(f.activeBubbleRatio),
        idleByCauseMs: { starved: roundMs(causes.starved), upstream: roundMs(causes.upstream), held: roundMs(causes.held) },
        firstStartMs: f.firstStartNs < 0 ? -1 : roundMs(f.firstStartNs),
        lastEndMs: f.lastEndNs < 0 ? -1 : roundMs(f.lastEndNs),
        used: a.used,
      };
    });

    let lossSum = 0;
    for (const r of completed) lossSum += r.accuracyLossPct;
    const s = summarize(latencies);
    return {
      scenario: meta.scenario,
      scheduler: meta.scheduler,
      options: meta.options,
      estimator: meta.estimator,
      seed: meta.seed,
      scenarioHash: meta.scenarioHash,
      requests: { admitted: reqs.length, completed: completed.length, dropped: reqs.length - completed.length, deadlineMissed },
      latencyMs: { mean: round6(s.mean), p50: round6(s.p50), p90: round6(s.p90), p95: round6(s.p95), p99: round6(s.p99), max: round6(s.max) },
      throughputPerSec: roundRatio(t1 > from ? (measured.length * 1e9) / (t1 - from) : 0),
      makespanMs: roundMs(t1 - t0),
      window: { t0Ms: roundMs(t0), t1Ms: roundMs(t1), measuredFromMs: roundMs(from), warmupRequests: warm },
      bubbleRatio: {
        overall: roundRatio(capacityUsed > 0 ? 1 - busyUsed / capacityUsed : 0),
        active: roundRatio(spanUsed > 0 ? 1 - busyUsed / spanUsed : 0),
      },
      resources,
      accuracy: { meanLossPct: roundRatio(completed.length > 0 ? lossSum / completed.length : 0) },
    };
  }
}

function round6(x: number): number {
  return Number(x.toFixed(6));
}
