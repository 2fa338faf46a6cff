// splitsim regress: the field diff on hand-made values, and the acceptance loop through the real
// command: record a plug-in scheduler's results, change one constant in it, see regress fail
// naming the fields that moved with old and new values, accept with --update, pass again.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { jsonDiff, formatChanges } from "../../src/research/json-diff.js";

describe("jsonDiff", () => {
  it("names each moved leaf by its dotted path, array items by index, with old and new", () => {
    const old = { a: 1, b: { c: [1, 2, 3], d: "x" }, gone: true };
    const now = { a: 1, b: { c: [1, 5], d: "y" }, added: null };
    expect(jsonDiff(old, now)).toEqual([
      { path: "b.c[1]", old: 2, new: 5 },
      { path: "b.c[2]", old: 3, new: undefined },
      { path: "b.d", old: "x", new: "y" },
      { path: "gone", old: true, new: undefined },
      { path: "added", old: undefined, new: null },
    ]);
    expect(formatChanges(jsonDiff(old, now)).split("\n")[0]).toBe("  b.c[1]: 2 → 5");
  });

  it("is exact: equal values give nothing, 0.1 + 0.2 is not 0.3", () => {
    expect(jsonDiff({ x: [1, { y: 2 }] }, { x: [1, { y: 2 }] })).toEqual([]);
    expect(jsonDiff({ x: 0.1 + 0.2 }, { x: 0.3 })).toHaveLength(1);
  });
});

const SRC = pathToFileURL(resolve("src/index.js")).href;

/** A plug-in that runs the first `k` layers of each frame on the device and the rest in the cloud. */
const plugin = (k: number): string => `
import { RouteCache, SplitPlanCache } from ${JSON.stringify(SRC)};
const DEVICE_LAYERS = ${k};
export default {
  description: "a fixed cut, for the regress test",
  options: [],
  create() {
    const plans = new SplitPlanCache();
    const routes = new RouteCache(undefined);
    return {
      name: "fixed",
      plan(req, ctx) {
        const model = ctx.model(req.model);
        return plans.get(ctx, model, routes.offload(ctx, req.source, "fixed"), model.prefixCuts()[DEVICE_LAYERS], 32);
      },
    };
  },
};
`;

const SCENARIO = `
name: regress-fixture
seed: 3
model: alexnet
nodes: { cam: { device: raspberry-pi-4 }, cloud: { device: t4 } }
links: { up: { from: cam, to: cloud, bandwidthMbps: 20, latencyMs: 5 } }
workload: { arrivals: { kind: poisson, ratePerSec: 4 }, requests: 50 }
schedulers: [device-only, ./fixed.ts]
`;

function regress(dir: string, ...flags: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "regress", dir, ...flags], { encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("splitsim regress", () => {
  it("fails naming the moved fields after one constant changes, and passes once --update records them", () => {
    const dir = mkdtempSync(join(tmpdir(), "splitsim-regress-"));
    writeFileSync(join(dir, "fixed.ts"), plugin(3));
    writeFileSync(join(dir, "scenario.yaml"), SCENARIO);
    writeFileSync(join(dir, "fixture.golden.yaml"), "scenario: scenario.yaml\n");

    const first = regress(dir);
    expect(first.code).toBe(1);
    expect(first.out).toMatch(/fixture .*no stored results.*--update/);

    expect(regress(dir, "--update").code).toBe(0);
    const stored = JSON.parse(readFileSync(join(dir, "fixture.golden.json"), "utf8")) as Record<string, { report: { scheduler: string } }>;
    expect(Object.keys(stored)).toEqual(["device-only", "fixed"]);
    expect(regress(dir)).toMatchObject({ code: 0 });

    writeFileSync(join(dir, "fixed.ts"), plugin(5)); // one constant: 3 → 5 layers on the device
    const moved = regress(dir);
    expect(moved.code).toBe(1);
    expect(moved.out).toMatch(/fixture .*CHANGED/);
    expect(moved.out).toMatch(/\n {2}fixed:\n/);
    expect(moved.out).toMatch(/ {4}report\.latencyMs\.mean: [\d.]+ → [\d.]+/);
    expect(moved.out).toMatch(/more fields/); // long diffs are cut to their first fields
    // The built-in's numbers did not move; only the scenario hash, which covers the plug-in's file.
    expect(moved.out).toMatch(/ {2}device-only:\n {4}report\.scenarioHash: "\w+" → "\w+"\n {2}fixed:/);
    expect(moved.out).toMatch(/--update/);

    expect(regress(dir, "--update").code).toBe(0);
    expect(regress(dir).code).toBe(0);
  });

  it("bad input exits 2 naming the file: no such folder, no cases, a malformed case", () => {
    expect(regress("no/such/folder")).toMatchObject({ code: 2, err: expect.stringMatching(/no\/such\/folder: no such folder/) });
    const empty = mkdtempSync(join(tmpdir(), "splitsim-regress-"));
    expect(regress(empty)).toMatchObject({ code: 2, err: expect.stringMatching(/no golden cases/) });
    writeFileSync(join(empty, "bad.golden.yaml"), "scenario: 3\nsets: []\n");
    const bad = regress(empty);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/bad\.golden\.yaml.*scenario/s);
    expect(bad.err).toMatch(/sets/);
  });
});
