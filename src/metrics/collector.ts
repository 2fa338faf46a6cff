// Collector: the observer that turns a run's events into a RunReport. Bubble figures use the whole
// run window [T0 = first arrival, T1 = last completion]; latency and throughput leave out the first
// `warmupRequests` requests (ids are in arrival order). It keeps every finished request for the CSV.
import type { Time } from "../core/time.js";
import type { Request } from "../workload/request.js";
import type { Work } from "../workload/work.js";
import { overallFigures, resourceFigures, type ResourceFigures } from "./bubbles.js";
import type { Observer, ResourceInfo } from "../platform/observer.js";
import { EnergyMeter, type EnergySpec } from "./energy-meter.js";
import { buildRunReport, type ReportMeta, type ResourceReport, type RunReport, type SourceReport } from "./report.js";
import { ResourceAccounts } from "./resource-account.js";
import { LatencyStore, type LatencyFigures } from "./latency-store.js";
import { SeriesRecorder } from "./series.js";
import type { LatencySummary } from "./stats.js";

const toMs = (ns: number): number => ns / 1e6;

/** A latency summary in ns as the report's ms. */
const summaryMs = (l: LatencySummary): LatencySummary => ({
  mean: toMs(l.mean), p50: toMs(l.p50), p90: toMs(l.p90), p95: toMs(l.p95), p99: toMs(l.p99), max: toMs(l.max),
});

export interface CollectorOptions {
  warmupRequests: number;
  /** Keep every finished Request (default true); false keeps only the summaries. */
  keepRequests?: boolean;
  /** Deadlines (ms) for the report's P(latency <= D). */
  deadlinesMs?: readonly number[];
  /** Relative error of a latency sketch (`metrics.latencySketch`): no memory per request, approximate quantiles. */
  latencySketch?: number;
  /** Requests the run can admit at most (all sources): latencies get one array of that size, never regrown. */
  expectedRequests?: number;
  /** Bin width (ms) of the report's time series; absent: no series. */
  binMs?: number;
  /** Number of sources: with two or more the report adds per-source figures. */
  sources?: number;
  /** Device power and link radio energy: with it the report has an energy part (docs/energy.md). */
  energy?: EnergySpec;
}

export class Collector implements Observer {
  private infos: readonly ResourceInfo[] = [];
  private accounts = new ResourceAccounts([]);
  /** Finished requests, unless keepRequests is false. */
  private readonly kept: Request[] = [];
  /** Latencies of completed requests after the warm-up (exact, or a sketch). */
  private readonly latencies: LatencyStore;
  /** Per source: completed, dropped, deadline missed (all requests, as the totals). */
  private readonly perSource: Int32Array | null;
  /** Requests after the warm-up that were dropped (they miss every deadline). */
  private droppedMeasured = 0;
  private readonly series: SeriesRecorder | null;
  private readonly energy: EnergyMeter | null;
  private completedCount = 0;
  private droppedCount = 0;
  private lossSum = 0;
  private missed = 0;
  private admitted = 0;
  private t0: Time = -1;
  private lastArrival: Time = -1;
  /** Arrival of the first request after the warm-up, -1 until it arrives. */
  private measuredFrom: Time = -1;
  private lastEvent: Time = 0;

  constructor(private readonly opts: CollectorOptions) {
    this.series = opts.binMs === undefined ? null : new SeriesRecorder(Math.round(opts.binMs * 1e6));
    this.energy = opts.energy === undefined ? null : new EnergyMeter(opts.energy, opts.warmupRequests);
    const sources = opts.sources ?? 1;
    // Source ids are kept in 2 bytes: beyond 65 535 sources there is no per-source breakdown.
    const split = sources > 1 && sources <= 0xffff;
    this.perSource = split ? new Int32Array(3 * sources) : null;
    this.latencies = new LatencyStore({
      sources: split ? sources : 0,
      ...(opts.expectedRequests === undefined ? {} : { expected: opts.expectedRequests - opts.warmupRequests }),
      ...(opts.deadlinesMs === undefined ? {} : { deadlinesMs: opts.deadlinesMs }),
      ...(opts.latencySketch === undefined ? {} : { sketch: opts.latencySketch }),
    });
  }

  /**
   * Observers that record more than the report's core (the time series), to run beside this one:
   * apart, so a run that asks for none pays nothing per request for them.
   */
  companions(): Observer[] {
    return this.series === null ? [] : [this.series];
  }

  /** Every finished request (completed or dropped) in id order; empty with keepRequests: false. */
  get requests(): readonly Request[] {
    return [...this.kept].sort((a, b) => a.id - b.id);
  }

  onSetup(resources: readonly ResourceInfo[]): void {
    this.infos = resources;
    // Work after the last completion comes only from requests dropped in flight.
    const clip = resources.some((r) => r.canRefuse !== false);
    this.accounts = new ResourceAccounts(resources.map((r) => r.servers), clip);
  }

  onArrive(req: Request, t: Time): void {
    this.lastEvent = t;
    this.admitted++;
    if (this.t0 < 0) this.t0 = t;
    this.lastArrival = t;
    if (this.measuredFrom < 0 && req.id >= this.opts.warmupRequests) this.measuredFrom = t;
    this.accounts.arrive(t);
  }

  onQueue(res: number, waiting: number, t: Time): void {
    this.lastEvent = t;
    this.accounts.setWaiting(res, waiting, t);
  }

  onStart(res: number, server: number, t: Time): void {
    this.lastEvent = t;
    this.accounts.start(res, server, t);
  }

  onEnd(res: number, server: number, t: Time): void {
    this.lastEvent = t;
    this.accounts.end(res, server, t);
  }

  // The energy meter is called from here rather than run as a companion: one observer keeps the
  // platform's calls direct (a second one would put every event through combineObservers).
  /** Only the energy meter reads steps, and only where energy accrues per request or per link. */
  observesSteps(res: number): boolean {
    return this.energy !== null && this.energy.observesSteps(res);
  }

  onStepStart(work: Work, res: number, server: number, t: Time): void {
    this.energy?.onStepStart(work, res, server, t);
  }


  onComplete(req: Request, t: Time): void {
    this.energy?.onComplete(req);
    if (this.opts.keepRequests !== false) this.kept.push(req.freeze());
    this.completedCount++;
    this.lossSum += req.accuracyLossPct;
    const late = req.deadline >= 0 && req.completion > req.deadline;
    if (late) this.missed++;
    const per = this.perSource;
    if (per !== null) {
      per[3 * req.source]!++;
      if (late) per[3 * req.source + 2]!++;
    }
    if (req.id >= this.opts.warmupRequests) this.latencies.add(req.completion - req.arrival, req.source);
    this.lastEvent = t;
    this.accounts.leave(t, true);
  }

  onDrop(req: Request, t: Time): void {
    this.energy?.onDrop(req);
    if (this.opts.keepRequests !== false) this.kept.push(req.freeze());
    this.droppedCount++;
    if (req.deadline >= 0) this.missed++; // a refused request misses its deadline too
    const per = this.perSource;
    if (per !== null) {
      per[3 * req.source + 1]!++;
      if (req.deadline >= 0) per[3 * req.source + 2]!++;
    }
    if (req.id >= this.opts.warmupRequests) this.droppedMeasured++;
    this.lastEvent = t;
    this.accounts.leave(t, false);
  }

  /** Per source (two or more): counts and the latency summary of its measured requests. */
  private sourceFigures(latency: NonNullable<LatencyFigures["sources"]>): SourceReport[] {
    const per = this.perSource!;
    return latency.map(({ measured, lat: l }, k) => ({
      index: k, completed: per[3 * k]!, dropped: per[3 * k + 1]!, deadlineMissed: per[3 * k + 2]!, measured,
      latencyMs: summaryMs(l),
    }));
  }

  onFinish(t: Time): void {
    this.lastEvent = t;
  }

  /**
   * T1 is the last completion (a drop does not extend it), or the last event seen when nothing
   * completed. deadlineMissed counts every request with a deadline that completed after it or was
   * dropped (a refusal misses the deadline too), warm-up included like the other counts.
   */
  report(meta: ReportMeta): RunReport {
    const completed = this.completedCount;
    const t0 = this.t0 < 0 ? 0 : this.t0;
    const t1 = completed > 0 ? this.accounts.lastCompletionTime : Math.max(this.lastEvent, t0);
    // Without a completion the window ends at the last event, so an open empty gap counts up to it.
    const emptyNs = this.accounts.emptyNs(t1);
    const warm = this.opts.warmupRequests;
    const measured = this.latencies.count;
    const { lat, deadlines, sources } = this.latencies.report(this.droppedMeasured);
    const from = this.measuredFrom >= 0 ? this.measuredFrom : t1;

    const figures: { servers: number; f: ResourceFigures }[] = [];
    const resources: Record<string, ResourceReport> = {};
    this.accounts.settle(t1);
    const spanNs = this.lastArrival - t0;
    let stable: boolean | null = spanNs > 0 ? true : null;
    this.infos.forEach((info, k) => {
      const f = resourceFigures(this.accounts, k, t0, t1, emptyNs);
      figures.push({ servers: info.servers, f });
      const offered = spanNs > 0 ? f.busyNs / (info.servers * spanNs) : null;
      if (offered !== null && offered >= 1) stable = false;
      resources[info.id] = resourceDraft(info, f, offered);
    });
    const overall = overallFigures(figures, t1 - t0, emptyNs);

    return buildRunReport({
      scenario: meta.scenario,
      scheduler: meta.scheduler,
      seed: meta.seed,
      scenarioHash: meta.scenarioHash,
      estimator: meta.estimator,
      options: meta.options,
      requests: { admitted: this.admitted, completed, dropped: this.droppedCount, deadlineMissed: this.missed, measured },
      latencyMs: summaryMs(lat),
      ...(this.opts.latencySketch === undefined ? {} : { latencySketch: { relativeError: this.opts.latencySketch } }),
      throughputPerSec: t1 > from ? (measured * 1e9) / (t1 - from) : 0,
      makespanMs: toMs(t1 - t0),
      stable,
      window: { t0Ms: toMs(t0), t1Ms: toMs(t1), measuredFromMs: toMs(from), warmupRequests: warm, emptyMs: toMs(emptyNs) },
      bubbleRatio: { overall: overall.bubbleRatio, active: overall.activeBubbleRatio, excludingStarved: overall.bubbleRatioExcludingStarved },
      resources,
      accuracy: { meanLossPct: completed > 0 ? this.lossSum / completed : 0 },
      ...(this.energy === null ? {} : { energy: this.energy.report(this.accounts, t0, t1) }),
      ...(deadlines === undefined ? {} : { deadlineReliability: deadlines }),
      ...(this.series === null ? {} : { timeSeries: this.series.series(t0, t1) }),
      ...(sources === undefined ? {} : { sources: this.sourceFigures(sources) }),
      ...(meta.traceOffsetS === undefined ? {} : { traceOffsetS: meta.traceOffsetS }),
      ...(meta.uses === undefined ? {} : { uses: meta.uses }),
      ...(meta.policy === undefined ? {} : { policy: meta.policy }),
    });
  }
}

function resourceDraft(info: ResourceInfo, f: ResourceFigures, offered: number | null): ResourceReport {
  return {
    kind: info.kind,
    servers: info.servers,
    busyMs: toMs(f.busyNs),
    utilisation: f.utilisation,
    offeredUtilisation: offered,
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
