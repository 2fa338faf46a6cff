// CSV exports via csv-stringify: requests.csv (one row per request in id order; times in ms with
// exactly 6 decimals, exact to the ns) and resources.csv (one row per resource of a report).
import { stringify } from "csv-stringify/sync";
import type { Request } from "../workload/request.js";
import type { RunReport } from "./report.js";

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
  "cut", "bits", "bytes", "accuracyLossPct", "deadlineMet", "dropped",
] as const;

/**
 * One row per request, sorted by id. A dropped request has empty completion and latency cells.
 * `deadlineMet` is empty for a request without a deadline, else true/false (a drop is false).
 * With `sourceNames` (indexed like the scenario's sources) the source column holds the name, not
 * the index. Booleans are written as true/false (csv-stringify's default would write 1 and "").
 */
export function requestsCsv(requests: readonly Request[], sourceNames?: readonly string[]): string {
  const rows = [...requests].sort((a, b) => a.id - b.id).map((r) => requestRow(r, sourceNames));
  return stringify([[...REQUEST_COLUMNS], ...rows]);
}

/** One request's cells, in REQUEST_COLUMNS order (also used to stream rows as requests finish). */
export function requestRow(r: Request, sourceNames?: readonly string[]): string[] {
  const done = !r.dropped && r.completion >= 0;
  const deadlineMet = r.deadline < 0 ? "" : String(done && r.completion <= r.deadline);
  return [
    String(r.id), sourceNames?.[r.source] ?? String(r.source), r.model,
    ms6(r.arrival), done ? ms6(r.completion) : "", done ? ms6(r.completion - r.arrival) : "",
    ms6(r.queueingNs), ms6(r.computeNs), ms6(r.transferNs),
    r.cut, String(r.bits), String(r.bytesSent), String(r.accuracyLossPct), deadlineMet, String(r.dropped),
  ];
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
