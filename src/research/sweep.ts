// Runs a planned sweep into --out: checks that the folder holds this grid (or nothing), skips the
// runs already in results.jsonl (resume), runs the rest on the workers, appending one whole line
// per finished run, then rewrites results.jsonl in grid order (one line per run) and summary.csv.
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { SplitsimError } from "../errors.js";
import { canonicalJson } from "../scenario/hash.js";
import { gridDifference, manifestText, MANIFEST, readManifest, type GridManifest } from "./grid-manifest.js";
import { appendLine, bestLines, dropPartialLine, formatLine, readResultLines, writeFileAtomically, type ResultLine } from "./results-file.js";
import { shardRuns, shardText, type Shard } from "./shard.js";
import { taskRunner } from "./sweep-pool.js";
import type { SweepPlan, SweepRun } from "./sweep-plan.js";
import { summaryCsv } from "./summary-csv.js";
import type { SweepTask } from "./sweep-task.js";

export const RESULTS = "results.jsonl";
export const SUMMARY = "summary.csv";

export interface SweepProgress {
  /** `total` runs in this slice, `done` of them already in the folder. */
  start(total: number, done: number): void;
  run(ok: boolean): void;
}

export interface SweepOptions {
  out: string;
  shard: Shard | null;
  workers: number;
  progress?: SweepProgress;
  warn: (message: string) => void;
}

export interface SweepOutcome {
  /** Runs in this slice of the grid. */
  total: number;
  /** Runs found already done in --out. */
  resumed: number;
  ran: number;
  /** Runs whose line in the final results.jsonl is an error. */
  failed: ResultLine[];
}

export async function runSweep(plan: SweepPlan, opts: SweepOptions): Promise<SweepOutcome> {
  const manifest: GridManifest = { ...plan.manifest, shard: shardText(opts.shard) };
  prepareOut(opts.out, manifest);
  const file = join(opts.out, RESULTS);
  const runs = shardRuns(plan.runs, opts.shard);
  const order = new Map(runs.map((r, i) => [r.key, i]));

  const read = readResultLines(file);
  for (const l of read.lines) {
    if (!order.has(l.entry.key)) {
      throw new SplitsimError(`${file}:${l.line}: run key ${l.entry.key} (${l.entry.scheduler}, seed ${l.entry.seed}, point ${canonicalJson(l.entry.point)}) is not a run of this grid${opts.shard ? ` slice ${shardText(opts.shard)}` : ""}: the file holds results of another grid`);
    }
  }
  if (read.partialLine !== null) {
    opts.warn(`${file}:${read.partialLine}: dropped a last line cut off by a killed sweep; its run is done again`);
    dropPartialLine(file, read.completeBytes);
  }
  const done = new Set([...bestLines(read.lines).values()].filter((l) => l.entry.report !== undefined).map((l) => l.entry.key));
  const todo = runs.filter((r) => !done.has(r.key));
  opts.progress?.start(runs.length, runs.length - todo.length);

  const tasks = groupTasks(plan, todo);
  const runner = taskRunner(Math.min(opts.workers, tasks.length));
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < tasks.length) {
      const { task, runs: taskRuns } = tasks[next++]!;
      const outcomes = await runner.run(task);
      outcomes.forEach((o, i) => {
        const r = taskRuns[i]!;
        const head = { key: r.key, point: plan.points[r.pointIndex]!.point, scheduler: r.scheduler, seed: r.seed };
        appendLine(file, formatLine(o.error === undefined ? { ...head, report: o.report } : { ...head, error: o.error }));
        opts.progress?.run(o.error === undefined);
      });
    }
  };
  try {
    // Two tasks in flight per worker, so a thread never waits while the main thread writes.
    await Promise.all(Array.from({ length: opts.workers <= 1 ? 1 : opts.workers * 2 }, lane));
  } finally {
    await runner.close();
  }

  const final = [...bestLines(readResultLines(file).lines).values()].sort((a, b) => order.get(a.entry.key)! - order.get(b.entry.key)!);
  if (final.length !== runs.length) throw new Error(`sweep: ${runs.length - final.length} runs have no line in ${file} after the sweep`);
  writeFileAtomically(file, final.map((l) => `${l.text}\n`).join(""));
  const dims = [...plan.manifest.grid.vary.map((v) => v.path), ...plan.manifest.grid.traces.map((t) => `trace.${t.link}`)];
  writeFileAtomically(join(opts.out, SUMMARY), summaryCsv(final.map((l) => l.entry), dims));
  return { total: runs.length, resumed: runs.length - todo.length, ran: todo.length, failed: final.filter((l) => l.entry.error !== undefined).map((l) => l.entry) };
}

/** The runs to do grouped by (point, seed), in grid order: one workload per group. */
function groupTasks(plan: SweepPlan, todo: readonly SweepRun[]): Array<{ task: SweepTask; runs: SweepRun[] }> {
  const groups = new Map<string, SweepRun[]>();
  for (const r of todo) {
    const id = `${r.pointIndex}/${r.seed}`;
    const g = groups.get(id);
    if (g === undefined) groups.set(id, [r]);
    else g.push(r);
  }
  return [...groups.values()].map((runs) => ({
    task: { file: plan.file, sets: [...plan.sets, ...plan.points[runs[0]!.pointIndex]!.sets], seed: runs[0]!.seed, schedulers: runs.map((r) => r.scheduler) },
    runs,
  }));
}

/** A new or empty folder gets the manifest; a folder of the same grid is resumed; anything else is refused. */
export function prepareOut(out: string, manifest: GridManifest): void {
  if (existsSync(out) && !statSync(out).isDirectory()) throw new SplitsimError(`--out ${out} is a file, not a folder`);
  const there = existsSync(out) ? readManifest(out) : null;
  if (there !== null) {
    const diff = gridDifference(there, manifest, true);
    if (diff !== null) throw new SplitsimError(`--out ${out} holds results of another grid (${join(out, MANIFEST)}): ${diff}. Use a new --out, or delete the folder to start over`);
    return;
  }
  if (existsSync(out) && readdirSync(out).length > 0) {
    throw new SplitsimError(`--out ${out} is not empty and holds no ${MANIFEST}: it is not a sweep's folder (give a new or empty folder)`);
  }
  mkdirSync(out, { recursive: true });
  writeFileAtomically(join(out, MANIFEST), manifestText(manifest));
}
