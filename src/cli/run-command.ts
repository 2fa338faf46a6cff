// `splitsim run`: loads the scenario once, generates its workload once, replays it for every
// chosen scheduler, prints one summary (table, json or csv) and optionally writes per-scheduler
// files under --out (requests.csv streamed while the run goes).
import { mkdirSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import { SplitsimError } from "../errors.js";
import { resourcesCsv } from "../metrics/csv.js";
import type { RunReport } from "../metrics/report.js";
import { loadScenario } from "../scenario/load.js";
import { runScenario } from "../scenario/run.js";
import { schedulerNames } from "../schedulers/registry.js";
import { generateWorkload } from "../scenario/generate-workload.js";
import { RequestsCsvStream } from "./requests-stream.js";
import { formatTable } from "./table.js";

export interface RunArgs {
  scenario: string;
  scheduler: string | undefined;
  seed: number | undefined;
  sets: string[];
  out: string | undefined;
  force: boolean;
  format: "table" | "json" | "csv";
}

export function runCommand(args: RunArgs): void {
  if (args.seed !== undefined && !(Number.isInteger(args.seed) && args.seed >= 0)) {
    throw new SplitsimError("--seed: give a whole number >= 0");
  }
  const scenario = loadScenario(args.scenario, { sets: args.sets, ...(args.seed === undefined ? {} : { seed: args.seed }) });
  const names = chooseSchedulers(args.scheduler, scenario.schedulers);
  if (args.out !== undefined) prepareOut(args.out, args.force);
  const workload = generateWorkload(scenario);
  const reports: RunReport[] = [];
  const tty = process.stderr.isTTY === true;
  names.forEach((name, i) => {
    if (tty) process.stderr.write(`\rrunning ${name} (${i + 1}/${names.length})...\x1b[K`);
    const dir = args.out === undefined ? null : join(args.out, name);
    if (dir !== null) mkdirSync(dir, { recursive: true });
    // Only the summaries stay in memory; per-request rows go straight to requests.csv.
    const stream = dir === null ? null : new RequestsCsvStream(join(dir, "requests.csv"));
    try {
      const result = runScenario(scenario, name, { workload, keepRequests: false, ...(stream ? { observers: [stream] } : {}) });
      reports.push(result.report);
      if (dir !== null) {
        writeFileSync(join(dir, "report.json"), JSON.stringify(result.report, null, 2) + "\n");
        writeFileSync(join(dir, "resources.csv"), resourcesCsv(result.report));
      }
    } finally {
      stream?.close();
    }
  });
  if (tty) process.stderr.write("\r\x1b[K");
  process.stdout.write(formatReports(reports, args.format));
}

function chooseSchedulers(flag: string | undefined, fromScenario: string[]): string[] {
  if (flag === undefined) return fromScenario;
  if (flag === "all") return schedulerNames();
  const names = flag.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
  const unknown = names.filter((n) => !schedulerNames().includes(n));
  if (unknown.length > 0 || names.length === 0) {
    throw new SplitsimError(`--scheduler: unknown scheduler '${unknown.join(", ")}' (known: ${schedulerNames().join(", ")}, or all)`);
  }
  return names;
}

/** Refuses to write into a non-empty directory unless --force: nothing a user wrote is overwritten silently. */
function prepareOut(dir: string, force: boolean): void {
  if (existsSync(dir) && readdirSync(dir).length > 0 && !force) {
    throw new SplitsimError(`--out: directory '${dir}' is not empty (use --force to write into it anyway)`);
  }
  mkdirSync(dir, { recursive: true });
}

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
  ];
}

export function formatReports(reports: readonly RunReport[], format: "table" | "json" | "csv"): string {
  if (format === "json") return JSON.stringify(reports, null, 2) + "\n";
  const rows = reports.map(summaryRow);
  if (format === "csv") return stringify([COLUMNS, ...rows]);
  const first = reports[0];
  const title = first === undefined ? "" : `scenario ${first.scenario}, seed ${first.seed}\n`;
  return title + formatTable(COLUMNS, rows);
}
