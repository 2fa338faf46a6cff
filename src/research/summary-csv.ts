// summary.csv of a sweep, for pandas or R: one row per run in grid order, with its key, one column
// per swept dimension, scheduler, seed and error, then every report field under its dotted path
// at full precision (flat-report.ts). A point value that is not a scalar is written as JSON.
import { stringify } from "csv-stringify/sync";
import { flatTable } from "../metrics/flat-report.js";
import type { RunReport } from "../metrics/report.js";
import type { ResultLine } from "./results-file.js";

export function summaryCsv(lines: readonly ResultLine[], dimensions: readonly string[]): string {
  const ok = lines.filter((l) => l.report !== undefined);
  const { header, rows } = flatTable(ok.map((l) => l.report as RunReport));
  const reportRow = new Map(ok.map((l, i) => [l, rows[i]!]));
  const cell = (v: unknown): string | number | boolean => (v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : (v as string | number | boolean));
  const lead = ["key", ...dimensions, "scheduler", "seed", "error"];
  // The report's own scheduler and seed equal the run's: one column each.
  const kept = header.map((h, i) => [h, i] as const).filter(([h]) => !lead.includes(h));
  const out = lines.map((l) => {
    const row = reportRow.get(l);
    return [l.key, ...dimensions.map((d) => cell(l.point[d])), l.scheduler, l.seed, l.error ?? "", ...kept.map(([, i]) => cell(row?.[i] ?? null))];
  });
  // Booleans as true/false (csv-stringify's default writes false as an empty cell), as in run --format csv.
  return stringify([[...lead, ...kept.map(([h]) => h)], ...out], { cast: { boolean: (b) => String(b) } });
}
