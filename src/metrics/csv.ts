// CSV exports via csv-stringify: requests.csv (one row per request in id order; times in ms with
// exactly 6 decimals, exact to the ns), resources.csv (one row per resource of a report) and
// timeseries.csv (one row per bin of a report's time series).
import { stringify } from "csv-stringify/sync";
import { outcomeCell } from "../workload/outcome.js";
import type { Request } from "../workload/request.js";
import type { RunReport } from "./report.js";
import type { TimeSeries } from "./series.js";

/**
 * Integer ns -> ms text with exactly 6 decimals, by integer arithmetic: (ns / 1e6).toFixed(6) is
 * only exact below about 4.5e15 ns (52 days), where the double's spacing stays under 0.5 ns.
 */
export function formatMs(ns: number): string {
  if (!Number.isSafeInteger(ns)) return (ns / 1e6).toFixed(6);
  const a = Math.abs(ns);
  const frac = a % 1e6;
  // a − frac is a multiple of 1e6, so the division is exact (a / 1e6 could round up).
  return `${ns < 0 ? "-" : ""}${(a - frac) / 1e6}.${String(frac).padStart(6, "0")}`;
}
const ms6 = formatMs;

export const REQUEST_COLUMNS = [
  "id", "source", "model", "arrivalMs", "completionMs", "latencyMs", "queueingMs", "computeMs", "transferMs",
  "cut", "bits", "bytes", "accuracyLossPct", "deviceEnergyJ", "deadlineMet", "dropped", "dropReason", "warmup",
] as const;

/** What decides requests.csv's columns beyond the standard ones, and how sources are named. */
export interface RequestCsvOptions {
  /** Names of the sources (indexed like the scenario's); without them the source column holds the index. */
  sourceNames?: readonly string[];
  /**
   * Per source, its content labels (null for a source without content): when given, a `content`
   * column holds each request's scene label.
   */
  contentLabels?: ReadonlyArray<readonly string[] | null>;
  /** Outcome fields the scheduler declares (its factory's requestColumns), in order. */
  outcomeColumns?: readonly string[];
  /** The scenario's warm-up count: requests with a smaller id are flagged `warmup` (left out of latency). */
  warmupRequests?: number;
}

/** The header row for these options. */
export function requestHeader(o: RequestCsvOptions = {}): string[] {
  return [...REQUEST_COLUMNS, ...(o.contentLabels ? ["content"] : []), ...(o.outcomeColumns ?? [])];
}

/**
 * One row per request, sorted by id. A dropped request has empty completion and latency cells.
 * `deadlineMet` is empty for a request without a deadline, else true/false (a drop is false).
 * Booleans are written as true/false (csv-stringify's default would write 1 and "").
 */
export function requestsCsv(requests: readonly Request[], o: RequestCsvOptions = {}): string {
  const rows = [...requests].sort((a, b) => a.id - b.id).map((r) => requestRow(r, o));
  return stringify([requestHeader(o), ...rows]);
}

/** One request's cells, in requestHeader order (also used to stream rows as requests finish). */
export function requestRow(r: Request, o: RequestCsvOptions = {}): string[] {
  const done = !r.dropped && r.completion >= 0;
  const deadlineMet = r.deadline < 0 ? "" : String(done && r.completion <= r.deadline);
  const row = [
    String(r.id), o.sourceNames?.[r.source] ?? String(r.source), r.model,
    ms6(r.arrival), done ? ms6(r.completion) : "", done ? ms6(r.completion - r.arrival) : "",
    ms6(r.queueingNs), ms6(r.computeNs), ms6(r.transferNs),
    // Energy on the request's end device (docs/energy.md), J to 9 decimals like the report.
    r.cut, String(r.bits), String(r.bytesSent), String(r.accuracyLossPct), String(Number(r.deviceEnergyJ.toFixed(9))), deadlineMet,
    String(r.dropped), r.dropReason,
    String(r.id < (o.warmupRequests ?? 0)),
  ];
  if (o.contentLabels) row.push(r.content < 0 ? "" : (o.contentLabels[r.source]?.[r.content] ?? String(r.content)));
  if (o.outcomeColumns) for (const c of o.outcomeColumns) row.push(outcomeCell(r.outcome?.[c]));
  return row;
}

export const RESOURCE_COLUMNS = [
  "resource", "kind", "servers", "busyMs", "utilisation", "bubbleRatio", "fillMs", "drainMs", "internalIdleMs",
  "activeBubbleRatio", "starvedMs", "upstreamMs", "heldMs", "bubbleRatioExcludingStarved", "firstStartMs",
  "lastEndMs", "used",
] as const;

// Report numbers are already rounded; fixed decimals keep small values out of exponent notation.
const msText = (x: number): string => x.toFixed(6);
const ratioText = (x: number): string => x.toFixed(9);

/** One row per resource, in the report's order (stations, then links). */
export function resourcesCsv(report: RunReport): string {
  const rows = Object.entries(report.resources).map(([id, r]) => [
    id, r.kind, String(r.servers), msText(r.busyMs), ratioText(r.utilisation), ratioText(r.bubbleRatio),
    msText(r.fillMs), msText(r.drainMs), msText(r.internalIdleMs), ratioText(r.activeBubbleRatio),
    msText(r.idleByCauseMs.starved), msText(r.idleByCauseMs.upstream), msText(r.idleByCauseMs.held),
    ratioText(r.bubbleRatioExcludingStarved), r.firstStartMs < 0 ? "" : msText(r.firstStartMs),
    r.lastEndMs < 0 ? "" : msText(r.lastEndMs), String(r.used),
  ]);
  return stringify([[...RESOURCE_COLUMNS], ...rows]);
}

export const TIME_SERIES_COLUMNS = [
  "startMs", "endMs", "completed", "dropped", "throughputPerSec", "latencyMeanMs", "latencyP95Ms", "latencyMaxMs",
] as const;

/** timeseries.csv: one row per bin of a report's time series, the same numbers as report.json. */
export function timeSeriesCsv(t: TimeSeries): string {
  const rows = t.bins.map((b) => [
    msText(b.startMs), msText(b.endMs), String(b.completed), String(b.dropped), ratioText(b.throughputPerSec),
    msText(b.latencyMeanMs), msText(b.latencyP95Ms), msText(b.latencyMaxMs),
  ]);
  return stringify([[...TIME_SERIES_COLUMNS], ...rows]);
}

/**
 * A scheduler's tables (`report.policy.tables`: name -> rows of plain values, e.g. BPS's decision
 * log) as CSV files, one per table, columns in the first row's key order.
 */
export function policyTablesCsv(r: RunReport): Array<{ name: string; csv: string }> {
  const tables = r.policy?.["tables"];
  if (tables === null || typeof tables !== "object") return [];
  return Object.entries(tables as Record<string, unknown>).flatMap(([name, rows]) => {
    if (!Array.isArray(rows) || rows.length === 0 || typeof rows[0] !== "object") return [];
    const cols = Object.keys(rows[0] as object);
    const cell = (v: unknown): string => (v === undefined || v === null ? "" : typeof v === "object" ? JSON.stringify(v) : String(v));
    return [{ name, csv: stringify([cols, ...rows.map((row: Record<string, unknown>) => cols.map((c) => cell(row[c])))]) }];
  });
}
