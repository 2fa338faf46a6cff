// Shards: `--shard i/n` runs the i-th of n deterministic slices of a grid, i from 1. Run j of the
// grid-ordered run list (j from 0) belongs to shard (j mod n) + 1, so every shard gets a similar
// mix of points and schedulers. `--shard auto` reads a Slurm job array or a Kubernetes indexed Job.
import { SplitsimError } from "../errors.js";

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export function shardText(s: Shard | null): string | null {
  return s === null ? null : `${s.index}/${s.count}`;
}

/** `i/n` or `auto` (read from `env`). */
export function parseShard(spec: string, env: Readonly<Record<string, string | undefined>>): Shard {
  if (spec.trim() === "auto") return autoShard(env);
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(spec);
  const [index, count] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
  if (!m || count < 1 || index < 1 || index > count) {
    throw new SplitsimError(`--shard '${spec}': give i/n with 1 <= i <= n (e.g. --shard 2/4 runs the second of four slices), or auto`);
  }
  return { index, count };
}

/**
 * Slurm: SLURM_ARRAY_TASK_ID counted from SLURM_ARRAY_TASK_MIN (so --array=0-3 and --array=1-4 both
 * give shards 1..4) out of SLURM_ARRAY_TASK_COUNT. Kubernetes: JOB_COMPLETION_INDEX (from 0) out of
 * SPLITSIM_SHARD_COUNT, which the Job sets to its completions (Kubernetes does not expose them).
 */
function autoShard(env: Readonly<Record<string, string | undefined>>): Shard {
  const int = (name: string): number | null => {
    const v = env[name];
    if (v === undefined || v.trim() === "") return null;
    if (!/^\s*\d+\s*$/.test(v)) throw new SplitsimError(`--shard auto: ${name}='${v}' is not a whole number`);
    return Number(v);
  };
  const slurmId = int("SLURM_ARRAY_TASK_ID");
  if (slurmId !== null) {
    const count = int("SLURM_ARRAY_TASK_COUNT");
    if (count === null || count < 1) throw new SplitsimError("--shard auto: SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not (submit with sbatch --array)");
    const at = slurmId - (int("SLURM_ARRAY_TASK_MIN") ?? 0);
    if (at < 0 || at >= count) {
      throw new SplitsimError(`--shard auto: task ${slurmId} is not among ${count} contiguous tasks from SLURM_ARRAY_TASK_MIN (use --array=0-${count - 1}, without a step)`);
    }
    return { index: at + 1, count };
  }
  const k8sIndex = int("JOB_COMPLETION_INDEX");
  if (k8sIndex !== null) {
    const count = int("SPLITSIM_SHARD_COUNT");
    if (count === null || count < 1) throw new SplitsimError("--shard auto: JOB_COMPLETION_INDEX is set but SPLITSIM_SHARD_COUNT is not: set it to the Job's completions (see docs/cluster.md)");
    if (k8sIndex >= count) throw new SplitsimError(`--shard auto: JOB_COMPLETION_INDEX ${k8sIndex} is not below SPLITSIM_SHARD_COUNT ${count}`);
    return { index: k8sIndex + 1, count };
  }
  throw new SplitsimError("--shard auto: neither a Slurm array task (SLURM_ARRAY_TASK_ID) nor a Kubernetes indexed Job (JOB_COMPLETION_INDEX) is in the environment; give --shard i/n");
}

/** The runs of one shard, in grid order (all of them without a shard). */
export function shardRuns<T>(runs: readonly T[], shard: Shard | null): T[] {
  return shard === null ? [...runs] : runs.filter((_, j) => j % shard.count === shard.index - 1);
}
