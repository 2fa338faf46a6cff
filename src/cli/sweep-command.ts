// `splitsim sweep <scenario> --out dir`: the yargs definition and what it prints. The grid comes from
// the scenario's sweep section and --vary/--trace/--seeds; runs go to worker threads; progress and
// the summary go to stderr. Exit 0 when every run of the slice succeeded, 1 when any failed (its
// error is in results.jsonl), 2 for bad input.
import { availableParallelism } from "node:os";
import type { ArgumentsCamelCase } from "yargs";
import type { SweepArgv } from "./sweep-args.js";
import { SplitsimError } from "../errors.js";
import { canonicalJson } from "../scenario/hash.js";
import { seedText } from "../research/grid-manifest.js";
import { parseShard, shardText } from "../research/shard.js";
import { planSweep } from "../research/sweep-plan.js";
import { RESULTS, runSweep, SUMMARY } from "../research/sweep.js";
import { sweepProgress } from "./sweep-progress.js";


export async function sweepCommand(a: ArgumentsCamelCase<SweepArgv>): Promise<number> {
  const began = Date.now();
  for (const name of ["out", "seeds", "scheduler", "workers", "shard"] as const) {
    if (Array.isArray(a[name])) throw new SplitsimError(`--${name} is given more than once`);
  }
  const workers = a.workers ?? availableParallelism();
  if (!Number.isInteger(workers) || workers < 1) throw new SplitsimError(`--workers ${a.workers}: give a whole number >= 1`);
  const shard = a.shard === undefined ? null : parseShard(a.shard, process.env);
  const plan = await planSweep({
    scenario: a.scenario, sets: a.set ?? [], scheduler: a.scheduler, cwd: process.cwd(),
    flags: { vary: a.vary ?? [], trace: a.trace ?? [], seeds: a.seeds },
  });
  for (const skip of plan.skipped) process.stderr.write(`splitsim: --scheduler all: skipping ${skip}\n`);
  const g = plan.manifest.grid;
  const dims = [...g.vary.map((v) => `${v.values.length} ${v.path}`), ...g.traces.map((t) => `${t.files.length} traces on ${t.link}`)];
  process.stderr.write(
    `splitsim sweep: ${plan.runs.length} runs = ${plan.points.length} point${plan.points.length === 1 ? "" : "s"}${dims.length > 0 ? ` (${dims.join(" x ")})` : ""}` +
      ` x ${g.seeds.length} seed${g.seeds.length === 1 ? "" : "s"} (${seedText(g.seeds)}) x ${plan.manifest.schedulers.length} schedulers (${plan.manifest.schedulers.join(", ")})` +
      `${shard ? `; this is shard ${shardText(shard)}` : ""}; ${workers} worker${workers === 1 ? "" : "s"}\n`,
  );
  const progress = sweepProgress();
  let outcome;
  try {
    outcome = await runSweep(plan, { out: a.out, shard, workers, progress, warn: (m) => process.stderr.write(`splitsim: warning: ${m}\n`) });
  } finally {
    progress.stop();
  }
  const seconds = (Date.now() - began) / 1000;
  const speed = outcome.ran > 0 ? `, ${(outcome.ran / seconds).toFixed(1)} runs/s` : "";
  process.stderr.write(
    `splitsim sweep: ${outcome.total} runs (${outcome.ran} run now, ${outcome.resumed} already in ${a.out}) in ${seconds.toFixed(1)} s${speed}; ` +
      `${outcome.failed.length} failed; results in ${a.out}/${RESULTS} and ${a.out}/${SUMMARY}\n`,
  );
  for (const f of outcome.failed.slice(0, 10)) {
    process.stderr.write(`  failed: ${f.scheduler}, seed ${f.seed}, point ${canonicalJson(f.point)}: ${f.error!.split("\n")[0]}\n`);
  }
  if (outcome.failed.length > 10) process.stderr.write(`  ... and ${outcome.failed.length - 10} more (their errors are in ${a.out}/${RESULTS})\n`);
  return outcome.failed.length > 0 ? 1 : 0;
}
