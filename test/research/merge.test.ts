// `splitsim merge`: shards of one grid become the folder a whole sweep writes; a run found twice is
// kept once; two different results of one run, two grids, or a folder that is not a sweep's are
// refused; missing runs are counted (exit 1 from the CLI).
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { mergeSweeps } from "../../src/research/merge.js";
import { planSweep, type SweepPlan } from "../../src/research/sweep-plan.js";
import { runSweep } from "../../src/research/sweep.js";
import { cli, freshDir, resultLines } from "./sweep-fixture.js";

const quiet = (): void => {};

function plan(seeds: string): Promise<SweepPlan> {
  return planSweep({
    scenario: "scenarios/quickstart.yaml", scheduler: "device-only,neurosurgeon", cwd: process.cwd(),
    sets: ["workload.requests=150"], flags: { vary: ["links.up.latencyMs=[2, 4]"], trace: [], seeds },
  });
}

let root: string;
let whole: string;
const shard = (i: number) => join(root, `s${i}`);

beforeAll(async () => {
  root = freshDir("merge");
  whole = join(root, "whole");
  const p = await plan("1..3"); // 2 points x 3 seeds x 2 schedulers = 12 runs
  await runSweep(p, { out: whole, shard: null, workers: 1, warn: quiet });
  for (const i of [1, 2]) await runSweep(p, { out: shard(i), shard: { index: i, count: 2 }, workers: 1, warn: quiet });
});

describe("mergeSweeps(dirs, out)", () => {
  it("two shards give the whole sweep's results.jsonl and summary.csv, byte for byte", () => {
    const out = join(root, "m1");
    const o = mergeSweeps([shard(2), shard(1)], out, quiet);
    expect(o).toEqual({ runs: 12, present: 12, repeated: 0, failed: [] });
    expect(readFileSync(join(out, "results.jsonl"), "utf8")).toBe(readFileSync(join(whole, "results.jsonl"), "utf8"));
    expect(readFileSync(join(out, "summary.csv"), "utf8")).toBe(readFileSync(join(whole, "summary.csv"), "utf8"));
    expect(JSON.parse(readFileSync(join(out, "sweep.json"), "utf8")).shard).toBeNull();
  });

  it("the merged folder resumes as the whole sweep: nothing is left to run", async () => {
    const out = join(root, "m2");
    mergeSweeps([shard(1), shard(2)], out, quiet);
    const o = await runSweep(await plan("1..3"), { out, shard: null, workers: 1, warn: quiet });
    expect({ ran: o.ran, resumed: o.resumed }).toEqual({ ran: 0, resumed: 12 });
  });

  it("a run found twice with the same line is kept once and counted", () => {
    const o = mergeSweeps([shard(1), shard(2), shard(1), whole], join(root, "m3"), quiet);
    expect(o.present).toBe(12);
    expect(o.repeated).toBe(6 + 12);
  });

  it("a failure in one folder and a report of the same run in another: the report is kept", () => {
    const failed = join(root, "failed");
    cpSync(shard(1), failed, { recursive: true });
    const lines = resultLines(failed);
    const first = JSON.parse(lines[0]!);
    lines[0] = JSON.stringify({ key: first.key, point: first.point, scheduler: first.scheduler, seed: first.seed, error: "worker thread failed" });
    writeFileSync(join(failed, "results.jsonl"), lines.map((l) => `${l}\n`).join(""));
    const out = join(root, "m4");
    expect(mergeSweeps([failed, shard(2)], out, quiet).failed).toHaveLength(1);
    expect(mergeSweeps([failed, shard(2), shard(1)], join(root, "m5"), quiet).failed).toEqual([]);
  });

  it("two different reports of one run are refused naming both lines", () => {
    const other = join(root, "other");
    cpSync(shard(1), other, { recursive: true });
    const lines = resultLines(other);
    lines[1] = lines[1]!.replace(/"p95":[0-9.]+/, '"p95":1234.5');
    writeFileSync(join(other, "results.jsonl"), lines.map((l) => `${l}\n`).join(""));
    expect(() => mergeSweeps([shard(1), other], join(root, "m6"), quiet)).toThrow(
      new RegExp(`^${join(other, "results.jsonl")}:2: \\S+ at seed \\d, point .* has a different report from ${join(shard(1), "results.jsonl")}:2: the run's result is ambiguous`),
    );
  });

  it("folders of different grids are refused naming the difference", async () => {
    const more = join(root, "more-seeds");
    await runSweep(await plan("1..4"), { out: more, shard: { index: 1, count: 2 }, workers: 1, warn: quiet });
    expect(() => mergeSweeps([shard(1), more], join(root, "m7"), quiet)).toThrow(`${more} and ${shard(1)} hold different grids (there = ${shard(1)}, here = ${more}): the seeds differ: 1..3 there, 1..4 here`);
    expect(() => mergeSweeps([shard(1), root], join(root, "m8"), quiet)).toThrow(`${root}: no sweep.json: not the --out folder of a sweep`);
  });

  it("from the CLI: a missing shard leaves runs missing, said on stderr, exit 1", () => {
    const r = cli(["merge", shard(1), "--out", join(root, "m9")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`splitsim merge: 6 of 12 runs from 1 folder; 6 missing (a shard not run or not finished); 0 failed; written to ${join(root, "m9")}/results.jsonl`);
  });
});
