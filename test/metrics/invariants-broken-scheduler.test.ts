// A deliberately broken plug-in scheduler fails the run with the invariant it breaks (issue 16):
// its plans pass every check made when a plan is built and admitted, yet let the upload start
// before the layers whose output it carries have run. Checking is on by default; --no-check and
// `check: false` skip it.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../src/scenario/load.js";
import { runScenario } from "../../src/scenario/run.js";
import { makePlan, type Plan, type Step } from "../../src/workload/plan.js";
import { RouteCache, SplitPlanCache } from "../../src/schedulers/planning/index.js";
import type { Scheduler } from "../../src/schedulers/scheduler.js";
import { InvariantError } from "../../src/metrics/invariant-error.js";

const QUICKSTART = "scenarios/quickstart.yaml";
const small = () => loadScenario(QUICKSTART, { sets: ["workload.requests=20", "workload.warmupRequests=0"] });

/**
 * The quickstart's split after two layers — compute on the camera (step 0), upload (1), compute on
 * the edge (2), result back (3) — rebuilt by hand with step 1's dependency on step 0 left out of
 * the counts the executor runs on (step 1 still declares it).
 */
function skipsADependency(): Scheduler {
  const plans = new SplitPlanCache();
  const routes = new RouteCache(undefined);
  let broken: Plan | null = null;
  return {
    name: "skips-a-dependency",
    plan(req, ctx) {
      if (broken === null) {
        const model = ctx.model(req.model);
        const good = plans.get(ctx, model, routes.offload(ctx, req.source, "skips-a-dependency"), model.prefixCuts()[2]!, 8);
        broken = {
          ...good,
          depCounts: good.depCounts.map((c, i) => (i === 1 ? 0 : c)),
          successors: good.successors.map((s, i) => (i === 0 ? new Int32Array(0) : s)),
          checkedFor: -1,
        };
      }
      return broken;
    },
  };
}

/** A valid plan (the upload of the raw frame runs beside the camera's layers) whose step 1 is then made to wait for step 0. */
function depsEditedAfterMakePlan(): Scheduler {
  let plan: Plan | null = null;
  return {
    name: "deps-edited-after-makeplan",
    plan(req, ctx) {
      if (plan === null) {
        const model = ctx.model(req.model);
        const [camera, edge] = [ctx.topology.stationIndex("camera"), ctx.topology.stationIndex("edge")];
        const steps: Step[] = [
          { kind: "compute", station: camera, cost: ctx.computeCost(camera, model, [0, 1]), deps: [] },
          { kind: "transfer", link: ctx.topology.linkBetween(camera, edge), bytes: 150_000, deps: [] },
          { kind: "compute", station: edge, cost: ctx.computeCost(edge, model, [2, 3]), deps: [1] },
          { kind: "transfer", link: ctx.topology.linkBetween(edge, camera), bytes: 100, deps: [2] },
        ];
        plan = makePlan(steps, { cut: "edited", bits: 8, bytesSent: 150_000, accuracyLossPct: 0 });
        steps[1]!.deps = [0];
      }
      return plan;
    },
  };
}

function violation(f: () => unknown): InvariantError {
  try {
    f();
  } catch (e) {
    if (e instanceof InvariantError) return e;
    throw e;
  }
  throw new Error("the run passed");
}

describe("a broken plug-in scheduler", () => {
  it("whose plan skips a dependency fails the run: causality, request 0, step 1, at the upload's start", () => {
    const e = violation(() => runScenario(small(), skipsADependency()));
    expect(e.invariant).toBe("causality");
    expect(e.requestId).toBe(0);
    expect(e.step).toBe(1);
    // The upload is ready and starts the instant the request arrives, while step 0 has just begun.
    expect(e.message).toMatch(/^invariant causality violated at ([\d.]+) s: request 0, step 1 \(transfer of \d+ bytes on 'up'\): started before its predecessor step 0 ended \(ready \1 s, start \1 s\)$/);
  });

  it("whose plan's dependencies are edited after makePlan fails the run the same way", () => {
    const e = violation(() => runScenario(small(), depsEditedAfterMakePlan()));
    expect([e.invariant, e.requestId, e.step]).toEqual(["causality", 0, 1]);
    expect(e.message).toMatch(/step 1 \(transfer of 150000 bytes on 'up'\): started before its predecessor step 0 ended/);
  });

  it("runs to the end with check: false (nothing else notices)", () => {
    const r = runScenario(small(), skipsADependency(), { check: false });
    expect(r.report.requests.completed).toBe(20);
  });
});

describe("splitsim run with a broken plug-in file", () => {
  const dir = mkdtempSync(join(tmpdir(), "splitsim-invariants-"));
  const plugin = join(dir, "skips-a-dependency.ts");
  const planning = pathToFileURL(join(process.cwd(), "src/schedulers/planning/index.ts")).href;
  writeFileSync(plugin, `
import { RouteCache, SplitPlanCache } from ${JSON.stringify(planning)};
export default {
  description: "skips a dependency (test)",
  options: [],
  create() {
    const plans = new SplitPlanCache();
    const routes = new RouteCache(undefined);
    return {
      name: "skips-a-dependency",
      plan(req, ctx) {
        const model = ctx.model(req.model);
        const good = plans.get(ctx, model, routes.offload(ctx, req.source, "skips-a-dependency"), model.prefixCuts()[2], 8);
        return { ...good, depCounts: [0, 0, 1, 1], successors: [new Int32Array(0), ...good.successors.slice(1)], checkedFor: -1 };
      },
    };
  },
};
`);
  const cli = (...extra: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "run", QUICKSTART, "--set", "workload.requests=20", "--set", "workload.warmupRequests=0", "--scheduler", plugin, ...extra], { encoding: "utf8" });

  it("exits 2 naming the invariant, the request and the step", () => {
    const r = cli();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/invariant causality violated at [\d.]+ s: request 0, step 1 \(transfer of \d+ bytes on 'up'\): started before its predecessor step 0 ended/);
  });

  it("--no-check skips the checks and the run finishes", () => {
    const r = cli("--no-check");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});
