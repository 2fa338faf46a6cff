// CSV exports: requests.csv (one row per request, times in ms with 6 decimals = exact ns) and
// resources.csv (one row per resource of a report), written with csv-stringify.
import { stringify } from "csv-stringify/sync";
import type { Request } from "../workload/request.js";
import type { RunReport } from "./report.js";

const ms6 = (ns: number): string => (ns / 1e6).toFixed(6);

export const REQUEST_COLUMNS = [
  "id", "source", "model", "arrivalMs", "completionMs", "latencyMs", "queueingMs", "computeMs", "transferMs",
  "cut", "bits", "bytes", "accuracyLossPct", "deadlineMet", "dropped",
] as const;

export function requestsCsv(requests: readonly Request[]): string {
  const rows = [...requests].sort((a, b) => a.id - b.id).map((r) => {
    const done = !r.dropped;
    const deadlineMet = r.deadline < 0 ? "" : String(done && r.completion <= r.deadline);
    return [
      r.id, r.source, r.model, ms6(r.arrival), done ? ms6(r.completion) : "", done ? ms6(r.completion - r.arrival) : "",
      ms6(r.queueingNs), ms6(r.computeNs), ms6(r.transferNs), r.cut, r.bits, r.bytesSent, r.accuracyLossPct, deadlineMet,
      String(r.dropped),
    ];
  });
  return stringify([[...REQUEST_COLUMNS], ...rows]);
}

export const RESOURCE_COLUMNS = [
  "resource", "kind", "servers", "busyMs", "utilisation", "bubbleRatio", "fillMs", "drainMs", "internalIdleMs",
  "activeBubbleRatio", "starvedMs", "upstreamMs", "heldMs", "firstStartMs", "lastEndMs", "used",
] as const;

export function resourcesCsv(report: RunReport): string {
  const rows = Object.entries(report.resources).map(([id, r]) => [
    id, r.kind, r.servers, r.busyMs, r.utilisation, r.bubbleRatio, r.fillMs, r.drainMs, r.internalIdleMs,
    r.activeBubbleRatio, r.idleByCauseMs.starved, r.idleByCauseMs.upstream, r.idleByCauseMs.held, r.firstStartMs,
    r.lastEndMs, String(r.used),
  ]);
  return stringify([[...RESOURCE_COLUMNS], ...rows]);
}
