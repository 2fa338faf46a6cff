// The numbers each chart of a run's report draws, computed from its report.json and requests.csv:
// the latency CDF (the report's latency sample: completed requests after the warm-up), throughput
// and p95 latency per time bin (the report's timeSeries when the scenario asked for one), the
// per-resource time split and a window of requests for the Gantt strip. Sizes are bounded so a
// 1e5-request run gives a report of the same size as a 1e3 one.
import { quantile7 } from "../metrics/stats.js";
import type { RunReport } from "../metrics/report.js";
import type { RequestColumns } from "./requests-read.js";

/** CDF points kept per scheduler: quantiles at evenly spaced probabilities beyond this many requests. */
export const CDF_POINTS = 400;
/** Bins of the throughput/latency series computed from requests.csv. */
export const TARGET_BINS = 100;
/** A report timeSeries with more bins than this is re-binned from requests.csv. */
export const MAX_SERIES_BINS = 2000;
/** Requests in the Gantt strip. */
export const GANTT_REQUESTS = 30;

export interface TimeSeriesFigure {
  /** Where the bins come from. */
  source: "report" | "requests.csv";
  binMs: number;
  /** Bin midpoints, s since simulation time 0. */
  tSec: number[];
  throughputPerSec: number[];
  /** null for a bin without completions. */
  p95Ms: (number | null)[];
}

export interface ResourceSplit {
  resource: string;
  utilisation: number;
  /** Fractions of the resource's capacity over the run window, c·(T1 − T0); they add up to 1. */
  busy: number;
  fill: number;
  drain: number;
  starved: number;
  upstream: number;
  held: number;
}

export interface GanttRow {
  id: number;
  arrivalMs: number;
  /** null when dropped. */
  completionMs: number | null;
  queueingMs: number;
  computeMs: number;
  transferMs: number;
}

/** The type-7 CDF of the measured latencies as [latency ms, P(latency ≤ x)] points. */
export function latencyCdf(req: RequestColumns, maxPoints = CDF_POINTS): [number, number][] {
  const sample: number[] = [];
  for (let i = 0; i < req.count; i++) if (!req.dropped[i] && !req.warmup[i] && !Number.isNaN(req.latencyMs[i]!)) sample.push(req.latencyMs[i]!);
  const sorted = Float64Array.from(sample).sort();
  const n = sorted.length;
  if (n === 0) return [];
  // Every order statistic (i + 1)/n while small; beyond, the quantiles at k/(m − 1), ends included.
  if (n <= maxPoints) return Array.from(sorted, (v, i) => [v, (i + 1) / n]);
  const out: [number, number][] = [];
  for (let k = 0; k < maxPoints; k++) {
    const p = k / (maxPoints - 1);
    out.push([quantile7(sorted, p), p]);
  }
  return out;
}

/** The report's own series when it has one of readable length, else bins computed from requests.csv. */
export function timeSeriesFigure(report: RunReport, req: RequestColumns): TimeSeriesFigure {
  const ts = report.timeSeries;
  if (ts !== undefined && ts.bins.length > 0 && ts.bins.length <= MAX_SERIES_BINS) {
    return {
      source: "report",
      binMs: ts.binMs,
      tSec: ts.bins.map((b) => (b.startMs + b.endMs) / 2000),
      throughputPerSec: ts.bins.map((b) => b.throughputPerSec),
      p95Ms: ts.bins.map((b) => (b.completed > 0 ? b.latencyP95Ms : null)),
    };
  }
  return binRequests(req, report.window.t0Ms, report.window.t1Ms);
}

/**
 * As the report's own series (src/metrics/series.ts): every completion counts, warm-up included;
 * a bin holds completions in [start, end), the last one also those at T1; throughput is over the
 * bin's width (the last bin may be shorter).
 */
export function binRequests(req: RequestColumns, t0Ms: number, t1Ms: number, targetBins = TARGET_BINS): TimeSeriesFigure {
  const span = Math.max(t1Ms - t0Ms, 1e-6);
  const binMs = niceStep(span / targetBins);
  const nBins = Math.max(1, Math.ceil(span / binMs));
  const lat: number[][] = Array.from({ length: nBins }, () => []);
  for (let i = 0; i < req.count; i++) {
    const c = req.completionMs[i]!;
    if (req.dropped[i] || Number.isNaN(c)) continue;
    const b = Math.min(nBins - 1, Math.max(0, Math.floor((c - t0Ms) / binMs)));
    lat[b]!.push(req.latencyMs[i]!);
  }
  const tSec: number[] = [];
  const throughputPerSec: number[] = [];
  const p95Ms: (number | null)[] = [];
  for (let b = 0; b < nBins; b++) {
    const start = t0Ms + b * binMs;
    const end = Math.min(t1Ms, start + binMs);
    const width = Math.max(end - start, 1e-9);
    tSec.push((start + end) / 2000);
    throughputPerSec.push(lat[b]!.length / (width / 1000));
    p95Ms.push(lat[b]!.length === 0 ? null : quantile7(Float64Array.from(lat[b]!).sort(), 0.95));
  }
  return { source: "requests.csv", binMs, tSec, throughputPerSec, p95Ms };
}

/** 1, 2 or 5 times a power of ten, at least x. */
export function niceStep(x: number): number {
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 5, 10]) if (m * p >= x * (1 - 1e-12)) return m * p;
  return 10 * p;
}

/** Busy, fill, drain and internal idle by cause, as fractions of each resource's capacity. */
export function resourceSplits(report: RunReport): ResourceSplit[] {
  const windowMs = report.window.t1Ms - report.window.t0Ms;
  return Object.entries(report.resources).map(([resource, r]) => {
    const cap = r.servers * windowMs;
    const f = (v: number) => (cap > 0 ? v / cap : 0);
    return {
      resource, utilisation: r.utilisation,
      busy: f(r.busyMs), fill: f(r.fillMs), drain: f(r.drainMs),
      starved: f(r.idleByCauseMs.starved), upstream: f(r.idleByCauseMs.upstream), held: f(r.idleByCauseMs.held),
    };
  });
}

/** The requests with ids first..first+n−1 (those present), in id order. */
export function ganttRows(req: RequestColumns, first: number, n = GANTT_REQUESTS): GanttRow[] {
  const rows: GanttRow[] = [];
  for (let i = 0; i < req.count; i++) {
    const id = req.id[i]!;
    if (id < first || id >= first + n) continue;
    const c = req.completionMs[i]!;
    rows.push({
      id, arrivalMs: req.arrivalMs[i]!, completionMs: req.dropped[i] || Number.isNaN(c) ? null : c,
      queueingMs: req.queueingMs[i]!, computeMs: req.computeMs[i]!, transferMs: req.transferMs[i]!,
    });
  }
  return rows.sort((a, b) => a.id - b.id);
}
