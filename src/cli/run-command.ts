// `splitsim run`: loads the scenario once (and its plug-ins), generates its workload once, replays
// it for every chosen scheduler, prints one summary (table, json or csv) and optionally writes
// per-scheduler files under --out (requests.csv streamed while the run goes).
import { accessSync, constants, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { freemem } from "node:os";
import { join, resolve } from "node:path";
import { closestName } from "../closest-name.js";
import { isSplitsimError, SplitsimError } from "../errors.js";
import { policyTablesCsv, resourcesCsv, timeSeriesCsv } from "../metrics/csv.js";
import { requestCsvOptions } from "../scenario/request-csv-options.js";
import { PROGRESS_MIN_REQUESTS, RunProgress } from "./progress.js";
import type { RunReport } from "../metrics/report.js";
import { generateWorkload } from "../scenario/generate-workload.js";
import { loadScenario } from "../scenario/load.js";
import { loadPlugins } from "../scenario/load-plugins.js";
import { memoryCaps } from "../scenario/memory-caps.js";
import { DEFAULT_NOISE_LAYOUT } from "../workload/noise-table.js";
import { isPluginRef } from "../scenario/resolve-schedulers.js";
import { runScenario } from "../scenario/run.js";
import type { SchedulerSource } from "../scenario/scheduler-source.js";
import { allSkipReason } from "../scenario/all-schedulers.js";
import type { ResolvedScenario } from "../scenario/types.js";
import { RequestsCsvStream } from "./requests-stream.js";
import { formatReports } from "./summary.js";
import { openTimeline, type TimelineArgs } from "./timeline-option.js";

export interface RunArgs {
  scenario: string;
  scheduler: string | undefined;
  seed: number | undefined;
  sets: string[];
  out: string | undefined;
  force: boolean;
  format: "table" | "json" | "csv";
  /** Refuse runs estimated to need more than this many MB (default: 80 % of free memory). */
  maxMemoryMB?: number | undefined;
  /** Show progress (default: on a terminal, for runs of PROGRESS_MIN_REQUESTS or more). */
  progress?: boolean | undefined;
  /** Check the run's invariants (default true; --no-check skips: docs/invariants.md). */
  check?: boolean | undefined;
  /** --timeline and its bounds (docs/timeline.md). */
  timeline?: TimelineArgs | undefined;
}

/** A summary-only run's fixed memory (measured ~80 MB with the bundled CLI), with room to spare. */
const BASE_BYTES = 150e6;

export async function runCommand(args: RunArgs): Promise<void> {
  if (args.seed !== undefined && !(Number.isInteger(args.seed) && args.seed >= 0)) {
    throw new SplitsimError("--seed: give a whole number >= 0");
  }
  // A plug-in file given with --scheduler (relative to where the command runs) replaces the
  // scenario's list, as if the scenario named it: then its options are checked like any other.
  const files = args.scheduler !== undefined && splitList(args.scheduler).some(isPluginRef);
  for (const x of files ? splitList(args.scheduler!).filter(isPluginRef) : []) {
    if (!existsSync(x)) throw new SplitsimError(`--scheduler: plug-in file not found: ${x} (a path relative to where the command runs)`);
  }
  const sets = files ? [...args.sets, `schedulers=${JSON.stringify(splitList(args.scheduler!).map((x) => (isPluginRef(x) ? resolve(x) : x)))}`] : args.sets;
  const scenario = loadScenario(args.scenario, { sets, ...(args.seed === undefined ? {} : { seed: args.seed }) });
  const source = await loadPlugins(scenario, args.scenario);
  const names = chooseSchedulers(files ? undefined : args.scheduler, scenario, source);
  noteOneWayLinks(scenario);
  // Device memory: capped batches are noted; a model that fits on no node stops here (exit 2).
  for (const note of memoryCaps(scenario).notes) process.stderr.write(`splitsim: note: ${note}\n`);
  // The table shows quantiles without saying how they were made; a sketch's are approximate.
  const sketch = scenario.metrics?.latencySketch;
  if (sketch !== undefined) process.stderr.write(`splitsim: note: latency quantiles come from a sketch (metrics.latencySketch), each within ${sketch * 100} % of the exact one\n`);
  const totalRequests = scenario.sources.reduce((a, src) => a + src.requests, 0);
  checkMemory(totalRequests, bytesPerRequest(scenario, totalRequests), scenario.metrics?.latencySketch !== undefined, args.maxMemoryMB);
  const timeline = openTimeline(args.timeline, args.force, scenario, totalRequests);
  if (args.out !== undefined) prepareOut(args.out, args.force);
  const workload = generateWorkload(scenario);
  const reports: RunReport[] = [];
  const tty = process.stderr.isTTY === true;
  const showProgress = args.progress ?? (tty && totalRequests >= PROGRESS_MIN_REQUESTS);
  names.forEach((name, i) => {
    if (tty && !showProgress) process.stderr.write(`\rrunning ${name} (${i + 1}/${names.length})...\x1b[K`);
    const progress = showProgress ? new RunProgress(`${name} (${i + 1}/${names.length})`, totalRequests, tty) : null;
    const dir = args.out === undefined ? null : join(args.out, name);
    if (dir !== null) mkdirSync(dir, { recursive: true });
    // Only the summaries stay in memory; per-request rows go straight to requests.csv.
    const stream = dir === null ? null : new RequestsCsvStream(join(dir, "requests.csv"), requestCsvOptions(scenario, source, name));
    try {
      const observers = [...(stream ? [stream] : []), ...(progress ? [progress] : []), ...(timeline?.observe(name, workload) ?? [])];
      const result = runWithFile(args.scenario, name, () => runScenario(scenario, name, { workload, keepRequests: false, schedulers: source, observers, check: args.check !== false }));
      progress?.stop();
      reports.push(result.report);
      warnIfUnstable(result.report);
      if (dir !== null) {
        writeFileSync(join(dir, "report.json"), JSON.stringify(result.report, null, 2) + "\n");
        writeFileSync(join(dir, "resources.csv"), resourcesCsv(result.report));
        if (result.report.timeSeries) writeFileSync(join(dir, "timeseries.csv"), timeSeriesCsv(result.report.timeSeries));
        for (const t of policyTablesCsv(result.report)) writeFileSync(join(dir, `policy-${t.name}.csv`), t.csv);
      }
    } finally {
      stream?.close();
    }
  });
  if (tty) process.stderr.write("\r\x1b[K");
  timeline?.write();
  process.stdout.write(formatReports(reports, args.format));
}

/**
 * A run whose arrivals bring some resource more work than it can do says so on stderr: its latencies
 * grow with the run's length and mean little. The report carries `stable: false` as well.
 */
function warnIfUnstable(r: RunReport): void {
  if (r.stable !== false) return;
  const over = Object.entries(r.resources)
    .filter(([, res]) => res.offeredUtilisation !== null && res.offeredUtilisation >= 1)
    .map(([id, res]) => `${id} at ${overload(res.offeredUtilisation!)}`);
  process.stderr.write(`splitsim: warning: ${r.scheduler} is unstable (offered load ${over.join(", ")}); its latencies grow with the run's length\n`);
}

/** An offered load as a percentage below 10× capacity and as a multiple above (`1.9e+7× capacity` reads better than `1870207535 %`). */
export function overload(u: number): string {
  if (u < 10) return `${Math.round(u * 100)} % of capacity`;
  return `${u < 1e4 ? Math.round(u) : u.toPrecision(2)}× capacity`;
}

/**
 * A bad input found only once a run is under way (a scheduler needing a rate or a deadline the
 * workload lacks) is still reported with the scenario file and the scheduler that found it.
 */
function runWithFile<T>(file: string, scheduler: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (isSplitsimError(e)) throw new SplitsimError(`${file}: running ${scheduler}: ${e.message}`);
    throw e;
  }
}

function chooseSchedulers(flag: string | undefined, s: ResolvedScenario, source: SchedulerSource): string[] {
  if (flag === undefined) return s.schedulers;
  if (flag === "all") {
    // As `schedulers: all` in a file: those the scenario gives every required option, the rest named.
    const runnable: string[] = [];
    for (const n of source.names()) {
      const why = allSkipReason(n, source.factory(n), s.options[n], s.sources, s.links);
      if (why === null) runnable.push(n);
      else process.stderr.write(`splitsim: --scheduler all: skipping ${n} (${why})\n`);
    }
    return runnable;
  }
  const names = splitList(flag);
  const unknown = names.filter((n) => source.factory(n) === undefined && s.instances?.[n] === undefined);
  if (unknown.length > 0 || names.length === 0) {
    const hint = unknown.length === 1 ? closestName(unknown[0]!, source.names()) : null;
    throw new SplitsimError(
      `--scheduler: unknown scheduler '${unknown.join(", ")}'${hint === null ? "" : ` (did you mean '${hint}'?)`} (known: ${source.names().join(", ")}, or all, or a plug-in file such as ./policies/mine.ts)`,
    );
  }
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) throw new SplitsimError(`--scheduler: '${twice}' is listed twice (its second run would write over the first's report)`);
  return names;
}

/** Names from a comma-separated flag, given once or several times (yargs then passes a list). */
function splitList(flag: string | readonly string[]): string[] {
  return [flag].flat().flatMap((f) => String(f).split(",")).map((x) => x.trim()).filter((x) => x.length > 0);
}

/**
 * A link with no link back means results stay where the work finished: latency then ends there,
 * and the way back costs nothing. Legitimate (DADS and job offloading model it so), but said.
 */
function noteOneWayLinks(s: ResolvedScenario): void {
  for (const l of s.links) {
    if (s.links.some((b) => b.from === l.to && b.to === l.from)) continue;
    process.stderr.write(`splitsim: note: no link from '${l.to}' back to '${l.from}' (link '${l.name}' is one-way): results of work offloaded over it are not sent back, and latency ends at '${l.to}'\n`);
  }
}

/**
 * What a summary-only run keeps for the whole run per request (docs/performance.md, "Memory"): its
 * latency (8 B, none with a sketch; 2 B more for its source with several), the model index of a mix
 * (2 B) and content draws (12 B), plus the noise rows: 8 B a request per node for a source short
 * enough to be drawn whole, a saved stream state per 4,096 requests (~0.25 B) for a longer one; 25 % over.
 */
function bytesPerRequest(s: ResolvedScenario, total: number): number {
  const latency = s.metrics?.latencySketch !== undefined ? 0 : s.sources.length > 1 ? 10 : 8;
  const mix = s.sources.some((src) => Object.keys(src.models).length > 1) ? 2 : 0;
  const content = s.sources.some((src) => src.content !== undefined) ? 12 : 0;
  const noiseBytes = s.noise.compute.kind === "none" ? 0 : s.sources.reduce((b, src) =>
    b + s.nodes.length * src.requests * (src.requests <= DEFAULT_NOISE_LAYOUT.wholeUpTo ? 8 : 0.25), 0);
  return 1.25 * (latency + mix + content + (total > 0 ? noiseBytes / total : 0));
}

/** Refuses, before anything is allocated, a run whose requests would not fit in memory. */
function checkMemory(requests: number, perRequest: number, sketched: boolean, maxMB: number | undefined): void {
  if (maxMB !== undefined && !(maxMB > 0)) throw new SplitsimError("--max-memory: give a number of MB > 0");
  const limit = maxMB !== undefined ? maxMB * 1e6 : 0.8 * freemem();
  const need = BASE_BYTES + requests * perRequest;
  if (need > limit) {
    throw new SplitsimError(
      `${requests} requests need about ${Math.ceil(need / 1e6)} MB and ${maxMB !== undefined ? `--max-memory is ${maxMB} MB` : `about ${Math.floor(limit / 1e6)} MB are free`}: ` +
        `lower workload.requests (or split the run over seeds), ${sketched ? "" : "keep no latency per request (--set metrics.latencySketch=0.001: quantiles within 0.1 %), "}or raise --max-memory if you know better`,
    );
  }
}

/**
 * Refuses to write into a non-empty directory unless --force (nothing a user wrote is overwritten
 * silently), into a file or a system folder (/proc, /sys, /dev), or where it cannot write.
 */
function prepareOut(dir: string, force: boolean): void {
  const abs = resolve(dir);
  if (/^\/(proc|sys|dev)(\/|$)/.test(abs)) throw new SplitsimError(`--out: '${dir}' is in ${abs.split("/")[1] === "dev" ? "/dev" : `/${abs.split("/")[1]}`}, a system folder: give a folder of your own`);
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new SplitsimError(`--out: '${dir}' exists and is not a folder: give a folder (it is created if missing)`);
    if (readdirSync(dir).length > 0 && !force) throw new SplitsimError(`--out: directory '${dir}' is not empty (use --force to write into it anyway)`);
  }
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (e) {
    throw new SplitsimError(`--out: cannot create or write to '${dir}' (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}): give a folder you can write to`);
  }
}
