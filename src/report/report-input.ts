// What `splitsim report` was given: a `splitsim run --out` folder (one <scheduler>/ sub-folder per
// scheduler with report.json and requests.csv), one scheduler's folder, or a sweep's results
// (results.jsonl, or its folder). A folder with none of these is bad input, named with what was
// looked for.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { SplitsimError } from "../errors.js";
import type { RunReport } from "../metrics/report.js";

export interface RunInput {
  scheduler: string;
  report: RunReport;
  /** Path of the run's requests.csv. */
  requestsCsv: string;
}

export type ReportInput = { kind: "runs"; path: string; runs: RunInput[] } | { kind: "sweep"; path: string; results: string };

export function findReportInput(path: string): ReportInput {
  if (!existsSync(path)) throw new SplitsimError(`${path}: no such folder or file (give a 'splitsim run --out' folder or a sweep's results.jsonl)`);
  if (!statSync(path).isDirectory()) {
    if (path.endsWith(".jsonl")) return { kind: "sweep", path, results: path };
    if (basename(path) === "report.json") return { kind: "runs", path, runs: [readRun(join(path, ".."))] };
    throw new SplitsimError(`${path}: not a results.jsonl, a report.json or a folder (give a 'splitsim run --out' folder or a sweep's results.jsonl)`);
  }
  if (existsSync(join(path, "results.jsonl"))) return { kind: "sweep", path, results: join(path, "results.jsonl") };
  if (existsSync(join(path, "report.json"))) return { kind: "runs", path, runs: [readRun(path)] };
  const dirs = readdirSync(path, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(path, d.name, "report.json")))
    .map((d) => d.name)
    .sort();
  if (dirs.length === 0) {
    throw new SplitsimError(`${path}: no runs in this folder (no <scheduler>/report.json, report.json or results.jsonl): give a 'splitsim run --out' folder or a sweep's results.jsonl`);
  }
  const runs = dirs.map((d) => readRun(join(path, d)));
  // The same order as the run's own table would be nicer, but the folder does not record it; names sort.
  return { kind: "runs", path, runs };
}

function readRun(dir: string): RunInput {
  const file = join(dir, "report.json");
  let report: RunReport;
  try {
    report = JSON.parse(readFileSync(file, "utf8")) as RunReport;
  } catch (e) {
    throw new SplitsimError(`${file}: not a readable report (${(e as Error).message})`);
  }
  const lacks = ["scheduler", "latencyMs", "window", "resources", "requests"].filter((k) => report === null || typeof report !== "object" || !(k in report));
  if (lacks.length > 0) throw new SplitsimError(`${file}: not a splitsim report (no ${lacks.join(", ")})`);
  const requestsCsv = join(dir, "requests.csv");
  if (!existsSync(requestsCsv)) throw new SplitsimError(`${requestsCsv}: missing; the report draws its latency CDF from it (write the run again with --out)`);
  return { scheduler: report.scheduler, report, requestsCsv };
}
