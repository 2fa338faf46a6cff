// Acceptance: the same grid gives the same results.jsonl whatever the number of worker threads and
// however it is sharded and merged; and a sweep's run is the run `splitsim run` gives for its point.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, freshDir, parsed, resultLines, SMALL_GRID, SMALL_GRID_RUNS, smallGrid } from "./sweep-fixture.js";

describe("a sweep's results do not depend on how it is run", () => {
  it("2 schedulers x 3 traces x 5 seeds: --workers 1, --workers 2 and 3 shards merged give the same lines", () => {
    const root = freshDir("sweep-det");
    const one = cli([...SMALL_GRID, "--out", join(root, "w1"), "--workers", "1"]);
    expect(one.code, one.stderr).toBe(0);
    const two = cli([...SMALL_GRID, "--out", join(root, "w2"), "--workers", "2"]);
    expect(two.code, two.stderr).toBe(0);
    for (const i of [1, 2, 3]) {
      const s = cli([...SMALL_GRID, "--out", join(root, `s${i}`), "--workers", "1", "--shard", `${i}/3`]);
      expect(s.code, s.stderr).toBe(0);
    }
    const merged = cli(["merge", join(root, "s1"), join(root, "s2"), join(root, "s3"), "--out", join(root, "m")]);
    expect(merged.code, merged.stderr).toBe(0);

    const w1 = resultLines(join(root, "w1"));
    expect(w1).toHaveLength(SMALL_GRID_RUNS);
    expect(new Set(w1.map((l) => JSON.parse(l).key)).size).toBe(SMALL_GRID_RUNS);
    // Sorted, as the acceptance asks; the files are also written in grid order, so equal as they are.
    expect([...resultLines(join(root, "w2"))].sort()).toEqual([...w1].sort());
    expect([...resultLines(join(root, "m"))].sort()).toEqual([...w1].sort());
    expect(readFileSync(join(root, "w2", "results.jsonl"), "utf8")).toBe(readFileSync(join(root, "w1", "results.jsonl"), "utf8"));
    expect(readFileSync(join(root, "m", "results.jsonl"), "utf8")).toBe(readFileSync(join(root, "w1", "results.jsonl"), "utf8"));
    expect(readFileSync(join(root, "m", "summary.csv"), "utf8")).toBe(readFileSync(join(root, "w1", "summary.csv"), "utf8"));
    // The three shards are disjoint slices of 10 runs each (run j in shard j mod 3 + 1).
    expect([1, 2, 3].map((i) => resultLines(join(root, `s${i}`)).length)).toEqual([10, 10, 10]);

    // Grid order: traces sorted by name, then seeds 1..5, then the schedulers as given.
    const runs = parsed(join(root, "w1"));
    expect(runs.slice(0, 4).map((r) => [r.point["trace.up"], r.seed, r.scheduler])).toEqual([
      ["../traces/lte-like-uplink.csv", 1, "device-only"], ["../traces/lte-like-uplink.csv", 1, "neurosurgeon"],
      ["../traces/lte-like-uplink.csv", 2, "device-only"], ["../traces/lte-like-uplink.csv", 2, "neurosurgeon"],
    ]);
    expect([...new Set(runs.map((r) => r.point["trace.up"]))]).toEqual(["../traces/lte-like-uplink.csv", "../traces/lte-like-uplink.up", "../traces/steps-16s.csv"]);
  });

  it("a run in a sweep has the report `splitsim run` prints for its point and seed", () => {
    const out = join(freshDir("sweep-run"), "o");
    expect(cli([...smallGrid("3"), "--out", out, "--workers", "2"]).code).toBe(0);
    const line = parsed(out).find((r) => r.point["trace.up"] === "../traces/steps-16s.csv" && r.scheduler === "neurosurgeon")!;
    const run = cli([
      "run", "scenarios/quickstart.yaml", "--scheduler", "device-only,neurosurgeon", "--seed", "3", "--format", "json",
      "--set", "workload.requests=200", "--set", "workload.warmupRequests=20", "--set", "links.up.offsetS=random",
      "--set", "links.up.bandwidthMbps=null", "--set", "links.up.trace=../traces/steps-16s.csv",
    ]);
    expect(run.code, run.stderr).toBe(0);
    // The same scheduler list, as the report's scenarioHash covers it.
    expect(line.report).toEqual(JSON.parse(run.stdout)[1]);
  });
});
