// Reads a sweep's results.jsonl: one run per line, `{ key, point, scheduler, seed, report }` or, for
// a failed run, `{ key, point, scheduler, seed, error }`. Every bad line is named as file:line, all
// at once. A line that repeats a run already read is skipped and counted (shard merges can repeat
// lines; a failure re-run later supersedes its error); the same run with two different results,
// or under two run keys (two grids in one file), is refused because no pairing could trust it.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { SplitsimError } from "../errors.js";
import { canonicalJson } from "../scenario/hash.js";

export interface ResultRun {
  /** 1-based line in the file. */
  line: number;
  key: string;
  point: Record<string, unknown>;
  /** The point as canonical JSON (keys sorted): equal points have equal keys. */
  pointKey: string;
  scheduler: string;
  seed: number;
  /** The run's RunReport, absent when the run failed. */
  report?: Record<string, unknown>;
  error?: string;
}

export interface Results {
  file: string;
  runs: ResultRun[];
  /** Lines skipped because they repeat a run already read. */
  repeated: number;
}

const Line = z.object({
  key: z.string().min(1),
  point: z.record(z.string(), z.unknown()),
  scheduler: z.string().min(1),
  seed: z.number().int(),
  report: z.record(z.string(), z.unknown()).optional(),
  error: z.string().optional(),
}).refine((l) => (l.report === undefined) !== (l.error === undefined), { message: "a run holds either a report or an error (exactly one)" });

const MAX_LISTED = 20;

/** The results file, or `<dir>/results.jsonl` when given a sweep's output folder. */
export function readResults(path: string): Results {
  if (!existsSync(path)) throw new SplitsimError(`${path}: no such results file`);
  const file = statSync(path).isDirectory() ? join(path, "results.jsonl") : path;
  if (!existsSync(file)) throw new SplitsimError(`${path}: a folder without results.jsonl`);
  return parseResults(readFileSync(file, "utf8"), file);
}

export function parseResults(text: string, file: string): Results {
  const problems: string[] = [];
  const byRun = new Map<string, ResultRun>();
  let repeated = 0;
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (raw === "") continue;
    const where = `${file}:${i + 1}`;
    const run = parseLine(raw, i + 1, where, problems);
    if (run === null) continue;
    const id = `${run.scheduler}\u0000${run.seed}\u0000${run.pointKey}`;
    const seen = byRun.get(id);
    if (seen === undefined) {
      byRun.set(id, run);
      continue;
    }
    const clash = repeatProblem(seen, run);
    if (clash !== null) problems.push(`${where}: ${clash}`);
    else {
      repeated++;
      if (seen.report === undefined && run.report !== undefined) byRun.set(id, run);
    }
  }
  if (problems.length > 0) {
    const listed = problems.slice(0, MAX_LISTED);
    if (problems.length > MAX_LISTED) listed.push(`... and ${problems.length - MAX_LISTED} more`);
    throw new SplitsimError(`${file}: ${problems.length} bad line${problems.length === 1 ? "" : "s"}\n${listed.map((p) => `  ${p}`).join("\n")}`);
  }
  if (byRun.size === 0) throw new SplitsimError(`${file}: no runs (the file holds no result lines)`);
  return { file, runs: [...byRun.values()].sort((a, b) => a.line - b.line), repeated };
}

function parseLine(raw: string, line: number, where: string, problems: string[]): ResultRun | null {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    problems.push(`${where}: not JSON (${(e as Error).message}); a line cut short by a killed sweep is repaired by re-running the sweep`);
    return null;
  }
  const r = Line.safeParse(json);
  if (!r.success) {
    for (const issue of r.error.issues) problems.push(`${where}: ${issue.path.length > 0 ? `${issue.path.join(".")}: ` : ""}${issue.message}`);
    return null;
  }
  const { key, point, scheduler, seed, report, error } = r.data;
  return {
    line, key, point, pointKey: canonicalJson(point), scheduler, seed,
    ...(report === undefined ? {} : { report }),
    ...(error === undefined ? {} : { error }),
  };
}

/** Why `later` cannot be a repeat of `first` (same scheduler, point and seed), or null if it is one. */
function repeatProblem(first: ResultRun, later: ResultRun): string | null {
  const what = `${later.scheduler} at seed ${later.seed}, point ${later.pointKey}`;
  if (first.key !== later.key) {
    return `${what} was already read on line ${first.line} under another run key (${first.key}, here ${later.key}): the file mixes results of two different grids`;
  }
  if (first.report !== undefined && later.report !== undefined && canonicalJson(first.report) !== canonicalJson(later.report)) {
    return `${what} has a different report from line ${first.line}: the run's result is ambiguous`;
  }
  return null;
}
