// Run keys name a run by what decides its result: the scenario with the point applied, the
// scheduler instance with its options, and the seed; not the scheduler list, other schedulers'
// options, where the files live, or how a value was written.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { planSweep, type PlanArgs } from "../../src/research/sweep-plan.js";
import { freshDir } from "./sweep-fixture.js";

const NO_GRID = { vary: [], trace: [] };

/** The key of each (scheduler, seed) of a one-point sweep. */
async function keys(args: Partial<PlanArgs> & { scenario: string }): Promise<Record<string, string>> {
  const plan = await planSweep({ sets: [], cwd: process.cwd(), flags: NO_GRID, ...args });
  return Object.fromEntries(plan.runs.map((r) => [`${r.scheduler}@${r.seed}`, r.key]));
}

/** A copy of the quickstart with a trace file beside it, in a folder of its own. */
function copyWithTrace(): string {
  const dir = freshDir("sweep-keys");
  mkdirSync(join(dir, "traces"));
  cpSync("traces/steps-16s.csv", join(dir, "traces", "up.csv"));
  const original = readFileSync("scenarios/quickstart.yaml", "utf8");
  const text = original.replace(/(up: \{ from: camera, to: edge, )bandwidthMbps: 100,/, "$1trace: traces/up.csv,");
  if (text === original) throw new Error("the quickstart's uplink line changed: update copyWithTrace");
  writeFileSync(join(dir, "s.yaml"), text);
  return join(dir, "s.yaml");
}

describe("run keys", () => {
  it("do not depend on the scheduler list, other schedulers' options, or a value written another way", async () => {
    const base = await keys({ scenario: "scenarios/quickstart.yaml", flags: { ...NO_GRID, seeds: "1..2" } });
    expect(Object.keys(base)).toEqual(["device-only@1", "cloud-only@1", "fixed-split@1", "neurosurgeon@1", "device-only@2", "cloud-only@2", "fixed-split@2", "neurosurgeon@2"]);
    expect(new Set(Object.values(base)).size).toBe(8);
    const alone = await keys({ scenario: "scenarios/quickstart.yaml", scheduler: "neurosurgeon", flags: { ...NO_GRID, seeds: "2" } });
    expect(alone).toEqual({ "neurosurgeon@2": base["neurosurgeon@2"] });
    const otherOptions = await keys({ scenario: "scenarios/quickstart.yaml", sets: ["options.fixed-split.bits=16"], flags: { ...NO_GRID, seeds: "1" } });
    expect(otherOptions["neurosurgeon@1"]).toBe(base["neurosurgeon@1"]);
    expect(otherOptions["fixed-split@1"]).not.toBe(base["fixed-split@1"]);
    const sameValue = await keys({ scenario: "scenarios/quickstart.yaml", sets: ["links.up.latencyMs=2.0"], flags: { ...NO_GRID, seeds: "1" } });
    expect(sameValue["device-only@1"]).toBe(base["device-only@1"]);
  });

  it("change with the point's values", async () => {
    const base = await keys({ scenario: "scenarios/quickstart.yaml", scheduler: "device-only" });
    const moved = await keys({ scenario: "scenarios/quickstart.yaml", scheduler: "device-only", sets: ["links.up.latencyMs=3"] });
    expect(moved["device-only@1"]).not.toBe(base["device-only@1"]);
  });

  it("are the same for a copy in another folder, and change when a trace file's content does", async () => {
    const [a, b] = [copyWithTrace(), copyWithTrace()];
    const ka = await keys({ scenario: a, scheduler: "cloud-only" });
    expect(await keys({ scenario: b, scheduler: "cloud-only" })).toEqual(ka);
    const trace = join(b, "..", "traces", "up.csv");
    writeFileSync(trace, readFileSync(trace, "utf8").replace("\n2,3.5\n", "\n2,3.75\n"));
    expect((await keys({ scenario: b, scheduler: "cloud-only" }))["cloud-only@1"]).not.toBe(ka["cloud-only@1"]);
  });
});
