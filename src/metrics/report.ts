// RunReport: the JSON contract of DESIGN §6 (field names fixed; fields may be added, none renamed).
// buildRunReport is the one place that fixes key order and rounding (times in ms to 6 decimals =
// exact ns, ratios to 9), so the same run gives byte-identical JSON whatever order a draft was built in.
import { energyReport, type EnergyReport } from "./energy-report.js";
import type { TimeSeries } from "./series.js";
import type { LatencySummary } from "./stats.js";

export interface IdleByCause {
  starved: number;
  upstream: number;
  held: number;
}

export interface ResourceReport {
  kind: "station" | "link";
  servers: number;
  busyMs: number;
  utilisation: number;
  /**
   * Work brought by the arrivals over the capacity of their span: busy / (servers · (last arrival −
   * first arrival)). Above 1 the resource cannot keep up with the offered rate. Null when every
   * request arrived at once (a batch): there is no rate to keep up with.
   */
  offeredUtilisation: number | null;
  bubbleRatio: number;
  fillMs: number;
  drainMs: number;
  internalIdleMs: number;
  activeBubbleRatio: number;
  idleByCauseMs: IdleByCause;
  /** Busy time of each server, in index order (a link has one). */
  serverBusyMs: number[];
  /** 1 − B/(c·(window − emptyMs)): the bubble ratio with the system-empty time left out. */
  bubbleRatioExcludingStarved: number;
  /** Earliest first start and latest last end over the servers; -1 when unused. */
  firstStartMs: number;
  lastEndMs: number;
  /** Some server did work within the window (only used resources count in the overall ratios). */
  used: boolean;
}

/** One source's figures (reports of runs with two or more sources). */
export interface SourceReport {
  /** The source's index in the scenario (`sources[i]`). */
  index: number;
  completed: number;
  dropped: number;
  deadlineMissed: number;
  measured: number;
  latencyMs: LatencySummary;
}

export interface RunReport {
  scenario: string;
  scheduler: string;
  seed: number;
  scenarioHash: string;
  estimator: string;
  options: Record<string, unknown>;
  /** Counts over all requests; `measured` = completed after the warm-up (the latency sample). */
  requests: { admitted: number; completed: number; dropped: number; deadlineMissed: number; measured: number };
  latencyMs: LatencySummary;
  /** With `metrics.latencySketch`: the quantiles here and per source are each within this relative error (mean and max exact). */
  latencySketch?: { relativeError: number };
  throughputPerSec: number;
  makespanMs: number;
  /** False when some resource's offeredUtilisation is ≥ 1 (latencies then grow with the run's length); null for a batch. */
  stable: boolean | null;
  window: { t0Ms: number; t1Ms: number; measuredFromMs: number; warmupRequests: number; emptyMs: number };
  bubbleRatio: { overall: number; active: number; excludingStarved: number };
  resources: Record<string, ResourceReport>;
  /** Energy per request on the end device, per node and in total (docs/energy.md); absent when the run had no energy spec. */
  energy?: EnergyReport;
  accuracy: { meanLossPct: number };
  /** P(latency <= D) over the measured requests (drops miss), for the scenario's metrics.deadlinesMs. */
  deadlineReliability?: Array<{ deadlineMs: number; reliability: number }>;
  /** Throughput and latency per bin of the scenario's metrics.binMs. */
  timeSeries?: TimeSeries;
  /** Per source, with two or more sources. */
  sources?: SourceReport[];
  /** Where simulation time 0 read each traced link's trace, s (drawn per seed with offsetS: random). */
  traceOffsetS?: Record<string, number>;
  /** For a named instance (`{ name, use, options }`), the scheduler it runs. */
  uses?: string;
  /** What the scheduler's summary() returned at the end of the run. */
  policy?: Record<string, unknown>;
}

export interface ReportMeta {
  scenario: string;
  scheduler: string;
  options: Record<string, unknown>;
  seed: number;
  scenarioHash: string;
  estimator: string;
  /** Per traced link, its trace offset in s. */
  traceOffsetS?: Record<string, number>;
  /** For an instance, the scheduler it runs. */
  uses?: string;
  /** The scheduler's summary(), when it has one. */
  policy?: Record<string, unknown>;
}

/** A time in ms to 6 decimals: exact to the nanosecond. */
export function roundMs(x: number): number {
  return Number(x.toFixed(6));
}

/** A ratio (or any other dimensionless figure) to 9 decimals. */
export function roundRatio(x: number): number {
  return Number(x.toFixed(9));
}

/** A copy of `draft` with every object in the contract's key order and every number rounded. */
export function buildRunReport(draft: RunReport): RunReport {
  const d = draft;
  const resources: Record<string, ResourceReport> = {};
  // Resources keep the draft's order: the platform's (stations, then links), not alphabetical.
  for (const [id, r] of Object.entries(d.resources)) resources[id] = resourceReport(r);
  return {
    scenario: d.scenario,
    scheduler: d.scheduler,
    seed: d.seed,
    scenarioHash: d.scenarioHash,
    estimator: d.estimator,
    options: sortKeysDeep(d.options) as Record<string, unknown>,
    requests: {
      admitted: d.requests.admitted,
      completed: d.requests.completed,
      dropped: d.requests.dropped,
      deadlineMissed: d.requests.deadlineMissed,
      measured: d.requests.measured,
    },
    latencyMs: {
      mean: roundMs(d.latencyMs.mean),
      p50: roundMs(d.latencyMs.p50),
      p90: roundMs(d.latencyMs.p90),
      p95: roundMs(d.latencyMs.p95),
      p99: roundMs(d.latencyMs.p99),
      max: roundMs(d.latencyMs.max),
    },
    ...(d.latencySketch === undefined ? {} : { latencySketch: { relativeError: d.latencySketch.relativeError } }),
    throughputPerSec: roundRatio(d.throughputPerSec),
    makespanMs: roundMs(d.makespanMs),
    stable: d.stable,
    window: {
      t0Ms: roundMs(d.window.t0Ms),
      t1Ms: roundMs(d.window.t1Ms),
      measuredFromMs: roundMs(d.window.measuredFromMs),
      warmupRequests: d.window.warmupRequests,
      emptyMs: roundMs(d.window.emptyMs),
    },
    bubbleRatio: {
      overall: roundRatio(d.bubbleRatio.overall),
      active: roundRatio(d.bubbleRatio.active),
      excludingStarved: roundRatio(d.bubbleRatio.excludingStarved),
    },
    resources,
    // Energy sits between the resources and accuracy: the keys after accuracy are the asked-for extras.
    ...(d.energy === undefined ? {} : { energy: energyReport(d.energy) }),
    accuracy: { meanLossPct: roundRatio(d.accuracy.meanLossPct) },
    // Optional parts come last and only when asked for, so reports without them keep their bytes.
    ...(d.deadlineReliability === undefined
      ? {}
      : { deadlineReliability: d.deadlineReliability.map((r) => ({ deadlineMs: r.deadlineMs, reliability: roundRatio(r.reliability) })) }),
    ...(d.timeSeries === undefined ? {} : { timeSeries: seriesReport(d.timeSeries) }),
    ...(d.sources === undefined ? {} : { sources: d.sources.map(sourceReport) }),
    ...(d.traceOffsetS === undefined ? {} : { traceOffsetS: d.traceOffsetS }),
    ...(d.uses === undefined ? {} : { uses: d.uses }),
    ...(d.policy === undefined ? {} : { policy: sortKeysDeep(d.policy) as Record<string, unknown> }),
  };
}

function sourceReport(r: SourceReport): SourceReport {
  const l = r.latencyMs;
  return {
    index: r.index, completed: r.completed, dropped: r.dropped, deadlineMissed: r.deadlineMissed, measured: r.measured,
    latencyMs: { mean: roundMs(l.mean), p50: roundMs(l.p50), p90: roundMs(l.p90), p95: roundMs(l.p95), p99: roundMs(l.p99), max: roundMs(l.max) },
  };
}

function seriesReport(t: TimeSeries): TimeSeries {
  return {
    binMs: t.binMs,
    bins: t.bins.map((b) => ({
      startMs: roundMs(b.startMs),
      endMs: roundMs(b.endMs),
      completed: b.completed,
      dropped: b.dropped,
      throughputPerSec: roundRatio(b.throughputPerSec),
      latencyMeanMs: roundMs(b.latencyMeanMs),
      latencyP95Ms: roundMs(b.latencyP95Ms),
      latencyMaxMs: roundMs(b.latencyMaxMs),
    })),
  };
}

function resourceReport(r: ResourceReport): ResourceReport {
  return {
    kind: r.kind,
    servers: r.servers,
    busyMs: roundMs(r.busyMs),
    utilisation: roundRatio(r.utilisation),
    offeredUtilisation: r.offeredUtilisation === null ? null : roundRatio(r.offeredUtilisation),
    bubbleRatio: roundRatio(r.bubbleRatio),
    fillMs: roundMs(r.fillMs),
    drainMs: roundMs(r.drainMs),
    internalIdleMs: roundMs(r.internalIdleMs),
    activeBubbleRatio: roundRatio(r.activeBubbleRatio),
    idleByCauseMs: {
      starved: roundMs(r.idleByCauseMs.starved),
      upstream: roundMs(r.idleByCauseMs.upstream),
      held: roundMs(r.idleByCauseMs.held),
    },
    serverBusyMs: r.serverBusyMs.map(roundMs),
    bubbleRatioExcludingStarved: roundRatio(r.bubbleRatioExcludingStarved),
    firstStartMs: roundMs(r.firstStartMs),
    lastEndMs: roundMs(r.lastEndMs),
    used: r.used,
  };
}

/** Scheduler options come from YAML and --set in any order; sorted keys keep the report stable. */
function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value).sort()) out[k] = sortKeysDeep((value as Record<string, unknown>)[k]);
  return out;
}
