// A RunReport as one flat row, for CSV and data frames: every summary field under its dotted path
// (`latencyMs.p95`, `resources.up.utilisation`, `resources.cam.serverBusyMs.0`, `policy.mode`), at
// the report's own precision. The time series is left out (it has a row per bin, not per run;
// `timeseries.csv` holds it); deadline reliabilities become `deadlineReliability.<D>ms`.
import type { RunReport } from "./report.js";

export type FlatValue = string | number | boolean | null;

/** The report's fields as [path, value] pairs, in the report's own key order. */
export function flattenReport(r: RunReport): Array<[string, FlatValue]> {
  const out: Array<[string, FlatValue]> = [];
  const visit = (v: unknown, path: string): void => {
    if (v === null || typeof v !== "object") {
      out.push([path, v === undefined ? null : (v as FlatValue)]);
      return;
    }
    const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v);
    if (entries.length === 0) out.push([path, Array.isArray(v) ? "[]" : "{}"]);
    for (const [k, x] of entries) visit(x, path === "" ? k : `${path}.${k}`);
  };
  for (const [k, v] of Object.entries(r)) {
    if (k === "timeSeries") continue;
    if (k === "deadlineReliability") {
      for (const d of r.deadlineReliability ?? []) out.push([`deadlineReliability.${d.deadlineMs}ms`, d.reliability]);
      continue;
    }
    visit(v, k);
  }
  return out;
}

/** Rows for several reports under one header: every path any report has, in first-seen order. */
export function flatTable(reports: readonly RunReport[]): { header: string[]; rows: FlatValue[][] } {
  const flat = reports.map((r) => new Map(flattenReport(r)));
  const header: string[] = [];
  const seen = new Set<string>();
  for (const f of flat) for (const k of f.keys()) if (!seen.has(k)) (seen.add(k), header.push(k));
  return { header, rows: flat.map((f) => header.map((k) => (f.has(k) ? f.get(k)! : null))) };
}
