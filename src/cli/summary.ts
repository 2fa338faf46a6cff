// The run summary printed on stdout: one row per scheduler, as a table, JSON or CSV.
// Presentation only: every figure comes from the reports.
import { stringify } from "csv-stringify/sync";
import { flatTable } from "../metrics/flat-report.js";
import type { RunReport } from "../metrics/report.js";
import { formatTable } from "./table.js";

const COLUMNS = ["scheduler", "completed", "dropped", "mean ms", "p95 ms", "p99 ms", "throughput/s", "bubble", "acc. loss pp", "device J/req", "busiest"];

/** The most utilised node or link and how busy it was: usually why a policy is slow. */
function busiest(r: RunReport): string {
  let id = "";
  let u = -1;
  for (const [k, res] of Object.entries(r.resources)) if (res.utilisation > u) [id, u] = [k, res.utilisation];
  return id === "" ? "" : `${id} ${Math.round(u * 100)}%`;
}

function summaryRow(r: RunReport, missed: boolean): string[] {
  return [
    r.scheduler,
    String(r.requests.completed),
    String(r.requests.dropped),
    ...(missed ? [String(r.requests.deadlineMissed)] : []),
    r.latencyMs.mean.toFixed(2),
    r.latencyMs.p95.toFixed(2),
    r.latencyMs.p99.toFixed(2),
    r.throughputPerSec.toFixed(2),
    r.bubbleRatio.overall.toFixed(3),
    r.accuracy.meanLossPct.toFixed(2),
    // Energy per request on the end device (docs/energy.md); "-" for a report without energy.
    r.energy === undefined ? "-" : r.energy.endDevice.perRequestJ.toFixed(4),
    busiest(r),
    ...(r.deadlineReliability ?? []).map((d) => d.reliability.toFixed(3)),
  ];
}

export function formatReports(reports: readonly RunReport[], format: "table" | "json" | "csv"): string {
  if (format === "json") return JSON.stringify(reports, null, 2) + "\n";
  if (format === "csv") {
    // Data, not the display table: every summary field at the report's precision (docs/metrics.md).
    const { header, rows } = flatTable(reports);
    // Booleans as true/false (csv-stringify's default writes false as an empty cell); null as empty.
    return stringify([header, ...rows.map((row) => row.map((v) => (v === null ? "" : v)))], { cast: { boolean: (b) => String(b) } });
  }
  const first = reports[0];
  // Every report of one scenario asks for the same deadlines: one column each, P(latency <= D).
  // Requests that missed their own deadline (workload.deadlineMs), whenever any did: without the
  // column a table would look all met. (metrics.deadlinesMs are the P(<=D) columns, not these.)
  const missed = reports.some((r) => r.requests.deadlineMissed > 0);
  const columns = [...COLUMNS.slice(0, 3), ...(missed ? ["missed"] : []), ...COLUMNS.slice(3), ...(first?.deadlineReliability ?? []).map((d) => `P(<=${d.deadlineMs} ms)`)];
  const rows = reports.map((r) => summaryRow(r, missed));
  const title = first === undefined ? "" : `scenario ${first.scenario}, seed ${first.seed}\n`;
  return title + formatTable(columns, rows) + perSourceTable(reports);
}

/** With several sources, one row per (scheduler, source): a mean can hide one source's misery. */
function perSourceTable(reports: readonly RunReport[]): string {
  if (!reports.some((r) => r.sources !== undefined)) return "";
  const rows = reports.flatMap((r) => (r.sources ?? []).map((s) => [
    r.scheduler, String(s.index), String(s.completed), String(s.dropped), String(s.deadlineMissed),
    s.latencyMs.mean.toFixed(2), s.latencyMs.p95.toFixed(2), s.latencyMs.p99.toFixed(2),
  ]));
  return "\nper source (sources[i] of the scenario):\n" + formatTable(["scheduler", "source", "completed", "dropped", "missed", "mean ms", "p95 ms", "p99 ms"], rows);
}
