// The run summary printed on stdout: one row per scheduler, as a table, JSON or CSV.
// Presentation only: every figure comes from the reports.
import { stringify } from "csv-stringify/sync";
import type { RunReport } from "../metrics/report.js";
import { formatTable } from "./table.js";

const COLUMNS = ["scheduler", "completed", "dropped", "mean ms", "p95 ms", "p99 ms", "throughput/s", "bubble", "acc. loss pp"];

function summaryRow(r: RunReport): string[] {
  return [
    r.scheduler,
    String(r.requests.completed),
    String(r.requests.dropped),
    r.latencyMs.mean.toFixed(2),
    r.latencyMs.p95.toFixed(2),
    r.latencyMs.p99.toFixed(2),
    r.throughputPerSec.toFixed(2),
    r.bubbleRatio.overall.toFixed(3),
    r.accuracy.meanLossPct.toFixed(2),
    ...(r.deadlineReliability ?? []).map((d) => d.reliability.toFixed(3)),
  ];
}

export function formatReports(reports: readonly RunReport[], format: "table" | "json" | "csv"): string {
  if (format === "json") return JSON.stringify(reports, null, 2) + "\n";
  const first = reports[0];
  // Every report of one scenario asks for the same deadlines: one column each, P(latency <= D).
  const columns = [...COLUMNS, ...(first?.deadlineReliability ?? []).map((d) => `P(<=${d.deadlineMs} ms)`)];
  const rows = reports.map(summaryRow);
  if (format === "csv") return stringify([columns, ...rows]);
  const title = first === undefined ? "" : `scenario ${first.scenario}, seed ${first.seed}\n`;
  return title + formatTable(columns, rows);
}
