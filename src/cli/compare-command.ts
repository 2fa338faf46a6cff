// `splitsim compare <results.jsonl> --baseline <scheduler>`: the yargs definition, the table and
// the CSV. The table rounds a difference or ratio to its interval's precision (two significant
// digits of the half-width); the CSV keeps every number at full precision. Left-out pairs are
// counted in the rows and summed up under the table (on stderr with --format csv, whose stdout
// holds only the CSV).
import { writeFileSync } from "node:fs";
import { stringify } from "csv-stringify/sync";
import type { ArgumentsCamelCase } from "yargs";
import type { CompareArgv } from "./compare-args.js";
import { SplitsimError } from "../errors.js";
import { compareResults, DEFAULT_METRICS, LEVEL, type CiMethod, type Comparison, type CompareRow } from "../research/compare.js";
import type { Estimate } from "../research/paired-stats.js";
import { readResults, type Results } from "../research/results-read.js";
import { formatTable } from "./table.js";


export function compareCommand(a: ArgumentsCamelCase<CompareArgv>): void {
  const metrics = list(a.metric ?? [...DEFAULT_METRICS]);
  if (metrics.length === 0) throw new SplitsimError("--metric: name at least one report path, e.g. latencyMs.p95");
  const ci = ciMethod(a.ci, a.resamples, a["ci-seed"]);
  const results = readResults(a.results);
  const c = compareResults(results, { baseline: a.baseline, metrics, by: list(a.by ?? []), ci });
  const csv = compareCsv(c);
  if (a.csv !== undefined) {
    try {
      writeFileSync(a.csv, csv);
    } catch (e) {
      throw new SplitsimError(`--csv ${a.csv}: cannot write (${(e as Error).message})`);
    }
  }
  const notes = compareNotes(c, results);
  if (a.format === "csv") {
    process.stdout.write(csv);
    if (notes !== "") process.stderr.write(notes);
  } else {
    process.stdout.write(compareTable(c) + notes);
  }
}

/** "a,b" and repeated options, flattened, trimmed, without repeats. */
function list(values: readonly string[]): string[] {
  return [...new Set(values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter((v) => v !== ""))];
}

function ciMethod(kind: "t" | "bootstrap", resamples: number | undefined, seed: number | undefined): CiMethod {
  if (kind === "t") {
    if (resamples !== undefined || seed !== undefined) throw new SplitsimError("--resamples and --ci-seed only apply with --ci bootstrap");
    return { kind: "t" };
  }
  const r = resamples ?? 10000;
  if (!Number.isInteger(r) || r < 100) throw new SplitsimError(`--resamples ${resamples}: a whole number >= 100`);
  const s = seed ?? 1;
  if (!Number.isInteger(s)) throw new SplitsimError(`--ci-seed ${seed}: a whole number`);
  return { kind: "bootstrap", resamples: r, seed: s };
}

export function compareTable(c: Comparison): string {
  const method = c.ci.kind === "t"
    ? "Student t interval over seeds (ratio: Fieller)"
    : `percentile bootstrap over seeds (${c.ci.resamples} resamples, seed ${c.ci.seed})`;
  const title = `baseline ${c.baseline}; diff = scheduler − baseline, ratio = mean(scheduler) / mean(baseline); ${pct()} ${method}\n`;
  const excluded = c.rows.some((r) => r.missing + r.failed > 0);
  const header = [...c.by, "metric", "scheduler", "seeds", "baseline", "value", "diff", `diff ${pct()} CI`, "ratio", `ratio ${pct()} CI`,
    ...(excluded ? ["left out"] : [])];
  const rows = c.rows.map((r) => [
    ...r.group.map(groupCell), r.metric, r.scheduler, String(r.seeds),
    r.baselineMean === null ? "-" : sig(r.baselineMean), r.schedulerMean === null ? "-" : sig(r.schedulerMean),
    ...estimateCells(r.difference, r.seeds === 0 ? "no pairs" : "-"),
    ...estimateCells(r.ratio, r.seeds === 0 ? "no pairs" : "baseline mean 0"),
    ...(excluded ? [leftOut(r)] : []),
  ]);
  return title + formatTable(header, rows);
}

const CSV_COLUMNS = ["metric", "scheduler", "baseline", "seeds", "pairs", "missing", "failed", "baselineMean", "schedulerMean",
  "diff", "diffLo", "diffHi", "ratio", "ratioLo", "ratioHi", "ci", "level", "note"] as const;

export function compareCsv(c: Comparison): string {
  const rows = c.rows.map((r) => [
    ...r.group.map(groupCell), r.metric, r.scheduler, c.baseline, r.seeds, r.pairs, r.missing, r.failed,
    full(r.baselineMean), full(r.schedulerMean),
    ...estimateCsv(r.difference), ...estimateCsv(r.ratio),
    c.ci.kind, LEVEL, csvNote(r),
  ].map(String));
  return stringify([[...c.by, ...CSV_COLUMNS], ...rows]);
}

/** What was left out, in the whole file and per row, and repeated lines; "" when nothing was. */
export function compareNotes(c: Comparison, results: Results): string {
  const lines: string[] = [];
  const failed = new Map<string, number>();
  for (const r of results.runs) if (r.error !== undefined) failed.set(r.scheduler, (failed.get(r.scheduler) ?? 0) + 1);
  if (failed.size > 0) {
    lines.push(`failed runs, left out with their pairs: ${[...failed].sort().map(([s, n]) => `${s} ${n}`).join(", ")}`);
  }
  const missing = c.rows.filter((r) => r.missing > 0 && r.metric === c.rows[0]!.metric);
  if (missing.length > 0) {
    lines.push(`pairs left out because one side has no run: ${missing.map((r) => `${r.scheduler}${r.group.length > 0 ? ` (${r.group.map(groupCell).join(", ")})` : ""} ${r.missing}`).join(", ")}`);
  }
  if (results.repeated > 0) lines.push(`${results.repeated} line${results.repeated === 1 ? "" : "s"} repeating a run already read (skipped)`);
  return lines.map((l) => `${l}\n`).join("");
}

function pct(): string {
  return `${LEVEL * 100}%`;
}

function groupCell(v: unknown): string {
  return v === undefined ? "" : typeof v === "string" ? v : JSON.stringify(v);
}

function leftOut(r: CompareRow): string {
  const parts = [...(r.failed > 0 ? [`${r.failed} failed`] : []), ...(r.missing > 0 ? [`${r.missing} missing`] : [])];
  return parts.join(", ");
}

/** The value and its interval at the interval's precision, or the reason there is none. */
function estimateCells(e: Estimate | null, absent: string): [string, string] {
  if (e === null) return [absent, ""];
  if (typeof e.ci === "string") return [sig(e.value), e.ci];
  const half = (e.ci.hi - e.ci.lo) / 2;
  if (!(half > 0)) return [sig(e.value), `[${sig(e.ci.lo)}, ${sig(e.ci.hi)}]`];
  const decimals = Math.min(12, Math.max(0, 1 - Math.floor(Math.log10(half))));
  return [e.value.toFixed(decimals), `[${e.ci.lo.toFixed(decimals)}, ${e.ci.hi.toFixed(decimals)}]`];
}

function estimateCsv(e: Estimate | null): string[] {
  if (e === null) return ["", "", ""];
  return typeof e.ci === "string" ? [full(e.value), "", ""] : [full(e.value), full(e.ci.lo), full(e.ci.hi)];
}

function csvNote(r: CompareRow): string {
  if (r.seeds === 0) return "no pairs";
  const notes: string[] = [];
  if (r.seeds === 1) notes.push("n=1, no CI");
  if (r.ratio === null) notes.push("baseline mean 0, no ratio");
  else if (r.ratio.ci === "unbounded") notes.push("ratio CI unbounded");
  return notes.join("; ");
}

/** Four significant digits, without an exponent in the usual range. */
function sig(x: number): string {
  if (x === 0) return "0";
  const a = Math.abs(x);
  return a >= 1e-4 && a < 1e12 ? String(Number(x.toPrecision(4))) : x.toExponential(3);
}

function full(x: number | null): string {
  return x === null ? "" : String(x);
}
