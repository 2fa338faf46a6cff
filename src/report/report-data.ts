// The data a report page embeds (as JSON) and its page script draws: one shape for the runs of a
// `splitsim run --out` folder, one for a sweep's results. Built in Node, so the page does no
// statistics and the tests can check the numbers without a browser.
import type { RunReport } from "../metrics/report.js";
import { checkMetrics, DEFAULT_METRICS } from "../research/compare.js";
import { groupMeans, sweptPaths } from "../research/group-means.js";
import type { Results } from "../research/results-read.js";
import type { BandwidthSeries } from "./bandwidth-overlay.js";
import { readRequestsCsv } from "./requests-read.js";
import type { RunInput } from "./report-input.js";
import { ganttRows, GANTT_REQUESTS, latencyCdf, resourceSplits, timeSeriesFigure, type GanttRow, type ResourceSplit, type TimeSeriesFigure } from "./run-figures.js";
import { sweepFigure, type SweepFigure } from "./sweep-series.js";

export interface RunsData {
  kind: "runs";
  title: string;
  schedulers: string[];
  reports: RunReport[];
  cdf: { scheduler: string; points: [number, number][] }[];
  series: ({ scheduler: string } & TimeSeriesFigure)[];
  /** null when no --scenario was given; `bandwidthNote` says why it is absent. */
  bandwidth: BandwidthSeries[] | null;
  bandwidthNote: string;
  resources: { scheduler: string; splits: ResourceSplit[] }[];
  gantt: { first: number; last: number; runs: { scheduler: string; rows: GanttRow[] }[] };
}

export interface SweepData {
  kind: "sweep";
  title: string;
  schedulers: string[];
  runs: number;
  failed: number;
  figures: SweepFigure[];
  /** With no swept parameter: each scheduler's mean over seeds per metric. */
  overall: { metric: string; rows: ReturnType<typeof groupMeans> }[];
}

export type ReportData = RunsData | SweepData;

export function runsData(runs: readonly RunInput[], title: string, bandwidth: BandwidthSeries[] | null): RunsData {
  const cdf: RunsData["cdf"] = [];
  const series: RunsData["series"] = [];
  const gantt: RunsData["gantt"]["runs"] = [];
  // The same window of request ids for every scheduler (identical workloads): the first after warm-up.
  const first = Math.max(0, ...runs.map((r) => r.report.window.warmupRequests));
  for (const r of runs) {
    const req = readRequestsCsv(r.requestsCsv);
    cdf.push({ scheduler: r.scheduler, points: latencyCdf(req) });
    series.push({ scheduler: r.scheduler, ...timeSeriesFigure(r.report, req) });
    gantt.push({ scheduler: r.scheduler, rows: ganttRows(req, first) });
  }
  return {
    kind: "runs", title,
    schedulers: runs.map((r) => r.scheduler),
    reports: runs.map((r) => r.report),
    cdf, series, bandwidth,
    bandwidthNote: bandwidth === null ? "Bandwidth not drawn: the run folder does not hold its scenario; pass --scenario <file> (with the run's --set values) to overlay each link's bandwidth." : "",
    resources: runs.map((r) => ({ scheduler: r.scheduler, splits: resourceSplits(r.report) })),
    gantt: { first, last: first + GANTT_REQUESTS - 1, runs: gantt },
  };
}

export interface SweepDataOptions {
  metrics?: readonly string[] | undefined;
  baseline?: string | undefined;
}

export function sweepData(results: Results, title: string, o: SweepDataOptions = {}): SweepData {
  const metrics = o.metrics ?? DEFAULT_METRICS;
  checkMetrics(metrics, results.runs, results.file);
  const params = sweptPaths(results.runs);
  const figures: SweepFigure[] = [];
  for (const x of params) {
    for (const metric of metrics) figures.push(sweepFigure(results, { x, metric, baseline: o.baseline, flags: { x: "--x", metric: "--metric" } }));
  }
  const overall = params.length > 0 ? [] : metrics.map((metric) => ({ metric, rows: groupMeans(results, metric, []) }));
  return {
    kind: "sweep", title,
    schedulers: [...new Set(results.runs.map((r) => r.scheduler))].sort(),
    runs: results.runs.length,
    failed: results.runs.filter((r) => r.error !== undefined).length,
    figures, overall,
  };
}
