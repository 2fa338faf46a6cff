// Shards: i/n from the command line or the environment of a Slurm array or a Kubernetes indexed
// Job, and the slices they take of a grid's run list.
import { describe, expect, it } from "vitest";
import { parseShard, shardRuns } from "../../src/research/shard.js";

describe("parseShard(spec, env)", () => {
  it("reads i/n with 1 <= i <= n", () => {
    expect(parseShard("2/4", {})).toEqual({ index: 2, count: 4 });
    expect(parseShard(" 1 / 1 ", {})).toEqual({ index: 1, count: 1 });
  });

  it("refuses anything else, saying what to give", () => {
    for (const spec of ["0/3", "4/3", "3", "2-3", "x/y", "-1/2", "1/0", "1.5/3", ""]) {
      expect(() => parseShard(spec, {}), spec).toThrow(`--shard '${spec}': give i/n with 1 <= i <= n (e.g. --shard 2/4 runs the second of four slices), or auto`);
    }
  });

  it("auto: a Slurm array task counted from SLURM_ARRAY_TASK_MIN", () => {
    expect(parseShard("auto", { SLURM_ARRAY_TASK_ID: "0", SLURM_ARRAY_TASK_COUNT: "4", SLURM_ARRAY_TASK_MIN: "0" })).toEqual({ index: 1, count: 4 });
    expect(parseShard("auto", { SLURM_ARRAY_TASK_ID: "4", SLURM_ARRAY_TASK_COUNT: "4", SLURM_ARRAY_TASK_MIN: "1" })).toEqual({ index: 4, count: 4 });
    expect(parseShard("auto", { SLURM_ARRAY_TASK_ID: "3", SLURM_ARRAY_TASK_COUNT: "4" })).toEqual({ index: 4, count: 4 });
  });

  it("auto: a Slurm task outside a contiguous array, or without a count, is refused", () => {
    expect(() => parseShard("auto", { SLURM_ARRAY_TASK_ID: "7", SLURM_ARRAY_TASK_COUNT: "4", SLURM_ARRAY_TASK_MIN: "0" }))
      .toThrow("--shard auto: task 7 is not among 4 contiguous tasks from SLURM_ARRAY_TASK_MIN (use --array=0-3, without a step)");
    expect(() => parseShard("auto", { SLURM_ARRAY_TASK_ID: "1" })).toThrow("SLURM_ARRAY_TASK_COUNT is not");
    expect(() => parseShard("auto", { SLURM_ARRAY_TASK_ID: "one", SLURM_ARRAY_TASK_COUNT: "4" })).toThrow("SLURM_ARRAY_TASK_ID='one' is not a whole number");
  });

  it("auto: a Kubernetes indexed Job's JOB_COMPLETION_INDEX (from 0) out of SPLITSIM_SHARD_COUNT", () => {
    expect(parseShard("auto", { JOB_COMPLETION_INDEX: "0", SPLITSIM_SHARD_COUNT: "3" })).toEqual({ index: 1, count: 3 });
    expect(parseShard("auto", { JOB_COMPLETION_INDEX: "2", SPLITSIM_SHARD_COUNT: "3" })).toEqual({ index: 3, count: 3 });
    expect(() => parseShard("auto", { JOB_COMPLETION_INDEX: "2" })).toThrow("set it to the Job's completions");
    expect(() => parseShard("auto", { JOB_COMPLETION_INDEX: "3", SPLITSIM_SHARD_COUNT: "3" })).toThrow("JOB_COMPLETION_INDEX 3 is not below SPLITSIM_SHARD_COUNT 3");
  });

  it("auto with neither says to give i/n", () => {
    expect(() => parseShard("auto", {})).toThrow("give --shard i/n");
  });
});

describe("shardRuns(runs, shard)", () => {
  const runs = Array.from({ length: 10 }, (_, j) => j);

  it("run j goes to shard (j mod n) + 1, in grid order", () => {
    expect(shardRuns(runs, { index: 1, count: 3 })).toEqual([0, 3, 6, 9]);
    expect(shardRuns(runs, { index: 2, count: 3 })).toEqual([1, 4, 7]);
    expect(shardRuns(runs, { index: 3, count: 3 })).toEqual([2, 5, 8]);
  });

  it("the slices of any n are disjoint and together the whole list; no shard means all runs", () => {
    for (const n of [1, 2, 3, 7, 10, 11]) {
      const all = Array.from({ length: n }, (_, i) => shardRuns(runs, { index: i + 1, count: n })).flat();
      expect(all.sort((a, b) => a - b)).toEqual(runs);
    }
    expect(shardRuns(runs, null)).toEqual(runs);
    expect(shardRuns(runs, { index: 11, count: 11 })).toEqual([]);
  });
});
