// A scenario's own sweep section: its globs read relative to the scenario's folder, its seeds, and
// command-line flags replacing its entries for the same path or link.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { planSweep } from "../../src/research/sweep-plan.js";
import { freshDir } from "./sweep-fixture.js";

function scenarioWithSweep(): string {
  const dir = freshDir("sweep-section");
  mkdirSync(join(dir, "tr"));
  cpSync("traces/steps-16s.csv", join(dir, "tr", "b.csv"));
  cpSync("traces/lte-like-uplink.csv", join(dir, "tr", "a.csv"));
  const text = readFileSync("scenarios/quickstart.yaml", "utf8").replace(/^schedulers: .*$/m, "schedulers: [device-only, neurosurgeon]");
  writeFileSync(join(dir, "s.yaml"), `${text}sweep:\n  vary:\n    links.up.latencyMs: [2, 3]\n  traces:\n    up: tr/*.csv\n  seeds: 1..2\n`);
  return join(dir, "s.yaml");
}

const plan = (scenario: string, vary: string[] = [], seeds?: string) =>
  planSweep({ scenario, sets: [], cwd: "/", flags: { vary, trace: [], seeds } });

describe("the scenario's sweep section", () => {
  it("is the grid when no flag is given: values x traces (relative to the scenario) x seeds x schedulers", async () => {
    const p = await plan(scenarioWithSweep());
    expect(p.points.map((x) => x.point)).toEqual([
      { "links.up.latencyMs": 2, "trace.up": "tr/a.csv" }, { "links.up.latencyMs": 2, "trace.up": "tr/b.csv" },
      { "links.up.latencyMs": 3, "trace.up": "tr/a.csv" }, { "links.up.latencyMs": 3, "trace.up": "tr/b.csv" },
    ]);
    expect(p.manifest.grid.seeds).toEqual([1, 2]);
    expect(p.runs).toHaveLength(4 * 2 * 2);
    expect(p.runs.slice(0, 3).map((r) => [r.pointIndex, r.seed, r.scheduler])).toEqual([[0, 1, "device-only"], [0, 1, "neurosurgeon"], [0, 2, "device-only"]]);
  });

  it("a flag replaces the file's entry for the same path, and --seeds replaces sweep.seeds", async () => {
    const p = await plan(scenarioWithSweep(), ["links.up.latencyMs=[7]"], "4");
    expect(p.points.map((x) => x.point["links.up.latencyMs"])).toEqual([7, 7]);
    expect(p.manifest.grid.seeds).toEqual([4]);
    expect(p.runs).toHaveLength(2 * 1 * 2);
  });

  it("without a seed anywhere, the scenario's own seed is the grid's", async () => {
    const p = await planSweep({ scenario: "scenarios/quickstart.yaml", sets: ["seed=9"], cwd: process.cwd(), flags: { vary: [], trace: [] } });
    expect(p.manifest.grid.seeds).toEqual([9]);
  });
});
