// Collector: the observer that turns a run's events into a RunReport. Bubble figures use the whole
// run window [T0 = first arrival, T1 = last completion]; latency and throughput leave out the first
// `warmupRequests` requests (ids are in arrival order). It keeps every finished request for the CSV.
import type { Time } from "../core/time.js";
import type { Request } from "../workload/request.js";
import { overallFigures, resourceFigures, type ResourceFigures } from "./bubbles.js";
import type { Observer, ResourceInfo } from "./observer.js";
import { buildRunReport, type ReportMeta, type ResourceReport, type RunReport } from "./report.js";
import { ResourceAccount, type SystemState } from "./resource-account.js";
import { summarize } from "./stats.js";

const toMs = (ns: number): number => ns / 1e6;

export class Collector implements Observer {
  private infos: readonly ResourceInfo[] = [];
  private accounts: ResourceAccount[] = [];
  private readonly sys: SystemState = { inSystem: 0, lastCompletion: -1 };
  private readonly completed: Request[] = [];
  private readonly dropped: Request[] = [];
  private admitted = 0;
  private t0: Time = -1;
  /** Arrival of the first request after the warm-up, -1 until it arrives. */
  private measuredFrom: Time = -1;
  private lastEvent: Time = 0;
  /** System-empty time: closed gaps so far, the open gap's start, and the total at the last completion. */
  private emptyNs = 0;
  private emptySince: Time = -1;
  private emptyAtT1 = 0;

  constructor(private readonly opts: { warmupRequests: number }) {}

  /** Every finished request (completed or dropped), in id order. */
  get requests(): readonly Request[] {
    return [...this.completed, ...this.dropped].sort((a, b) => a.id - b.id);
  }

  onSetup(resources: readonly ResourceInfo[]): void {
    this.infos = resources;
    this.accounts = resources.map((r) => new ResourceAccount(r.servers, this.sys));
  }

  onArrive(req: Request, t: Time): void {
    this.lastEvent = t;
    this.admitted++;
    if (this.t0 < 0) this.t0 = t;
    if (this.measuredFrom < 0 && req.id >= this.opts.warmupRequests) this.measuredFrom = t;
    if (this.sys.inSystem === 0) {
      // Starved -> not starved for every idle server: settle all of them first.
      this.advanceAll(t);
      if (this.emptySince >= 0) this.emptyNs += t - this.emptySince;
      this.emptySince = -1;
    }
    this.sys.inSystem++;
  }

  onQueue(res: number, waiting: number, t: Time): void {
    this.lastEvent = t;
    this.accounts[res]!.setWaiting(waiting, t);
  }

  onStart(res: number, server: number, t: Time): void {
    this.lastEvent = t;
    this.accounts[res]!.start(server, t);
  }

  onEnd(res: number, server: number, t: Time): void {
    this.lastEvent = t;
    this.accounts[res]!.end(server, t);
  }

  onComplete(req: Request, t: Time): void {
    this.completed.push(req);
    this.leave(t);
    this.sys.lastCompletion = t;
    // Gaps closed so far all lie before this completion; one opened by it lies after.
    this.emptyAtT1 = this.emptyNs;
  }

  onDrop(req: Request, t: Time): void {
    this.dropped.push(req);
    this.leave(t);
  }

  onFinish(t: Time): void {
    this.lastEvent = t;
  }

  private leave(t: Time): void {
    this.lastEvent = t;
    if (this.sys.inSystem === 1) {
      this.advanceAll(t);
      this.emptySince = t;
    }
    this.sys.inSystem--;
  }

  private advanceAll(t: Time): void {
    for (let i = 0; i < this.accounts.length; i++) this.accounts[i]!.advance(t);
  }

  /**
   * T1 is the last completion (a drop does not extend it), or the last event seen when nothing
   * completed. deadlineMissed counts every request with a deadline that completed after it or was
   * dropped (a refusal misses the deadline too), warm-up included like the other counts.
   */
  report(meta: ReportMeta): RunReport {
    const done = this.completed;
    const t0 = this.t0 < 0 ? 0 : this.t0;
    const t1 = done.length > 0 ? this.sys.lastCompletion : Math.max(this.lastEvent, t0);
    // Without a completion the window ends at the last event, so an open empty gap counts up to it.
    const openGap = this.emptySince >= 0 ? t1 - this.emptySince : 0;
    const emptyNs = done.length > 0 ? this.emptyAtT1 : this.emptyNs + openGap;
    const warm = this.opts.warmupRequests;

    let measured = 0;
    let lossSum = 0;
    let missed = 0;
    for (const r of done) {
      if (r.id >= warm) measured++;
      lossSum += r.accuracyLossPct;
      if (r.deadline >= 0 && r.completion > r.deadline) missed++;
    }
    for (const r of this.dropped) if (r.deadline >= 0) missed++;
    const latencies = new Float64Array(measured);
    let i = 0;
    for (const r of done) if (r.id >= warm) latencies[i++] = r.completion - r.arrival;
    const lat = summarize(latencies);
    const from = this.measuredFrom >= 0 ? this.measuredFrom : t1;

    const figures: { servers: number; f: ResourceFigures }[] = [];
    const resources: Record<string, ResourceReport> = {};
    this.infos.forEach((info, k) => {
      const a = this.accounts[k]!;
      a.settle(t1);
      const f = resourceFigures(a, t0, t1, emptyNs);
      figures.push({ servers: info.servers, f });
      resources[info.id] = resourceDraft(info, f);
    });
    const overall = overallFigures(figures, t1 - t0, emptyNs);

    return buildRunReport({
      scenario: meta.scenario,
      scheduler: meta.scheduler,
      seed: meta.seed,
      scenarioHash: meta.scenarioHash,
      estimator: meta.estimator,
      options: meta.options,
      requests: { admitted: this.admitted, completed: done.length, dropped: this.dropped.length, deadlineMissed: missed, measured },
      latencyMs: {
        mean: toMs(lat.mean), p50: toMs(lat.p50), p90: toMs(lat.p90), p95: toMs(lat.p95), p99: toMs(lat.p99), max: toMs(lat.max),
      },
      throughputPerSec: t1 > from ? (measured * 1e9) / (t1 - from) : 0,
      makespanMs: toMs(t1 - t0),
      window: { t0Ms: toMs(t0), t1Ms: toMs(t1), measuredFromMs: toMs(from), warmupRequests: warm, emptyMs: toMs(emptyNs) },
      bubbleRatio: { overall: overall.bubbleRatio, active: overall.activeBubbleRatio, excludingStarved: overall.bubbleRatioExcludingStarved },
      resources,
      accuracy: { meanLossPct: done.length > 0 ? lossSum / done.length : 0 },
    });
  }
}

function resourceDraft(info: ResourceInfo, f: ResourceFigures): ResourceReport {
  return {
    kind: info.kind,
    servers: info.servers,
    busyMs: toMs(f.busyNs),
    utilisation: f.utilisation,
    bubbleRatio: f.bubbleRatio,
    fillMs: toMs(f.fillNs),
    drainMs: toMs(f.drainNs),
    internalIdleMs: toMs(f.internalIdleNs),
    activeBubbleRatio: f.activeBubbleRatio,
    idleByCauseMs: { starved: toMs(f.starvedNs), upstream: toMs(f.upstreamNs), held: toMs(f.heldNs) },
    serverBusyMs: f.serverBusyNs.map(toMs),
    bubbleRatioExcludingStarved: f.bubbleRatioExcludingStarved,
    firstStartMs: f.firstStartNs < 0 ? -1 : toMs(f.firstStartNs),
    lastEndMs: f.lastEndNs < 0 ? -1 : toMs(f.lastEndNs),
    used: f.used,
  };
}
