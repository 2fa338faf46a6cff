// The invariants hold in every shipped scenario: each scenario under scenarios/, the scenario
// fixtures of the tests and every golden case runs each of its schedulers with a checker that
// sees every request and stays silent. Checking changes no report, and a policy that drops
// requests in flight (their released steps still run) breaks nothing.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InvariantChecker } from "../../src/metrics/invariants.js";
import { findCases, readCase } from "../../src/research/golden.js";
import { generateWorkload } from "../../src/scenario/generate-workload.js";
import { loadScenario } from "../../src/scenario/load.js";
import { loadPlugins } from "../../src/scenario/load-plugins.js";
import { runScenario } from "../../src/scenario/run.js";
import { RouteCache, SplitPlanCache } from "../../src/schedulers/planning/index.js";
import type { Observer } from "../../src/platform/observer.js";
import type { Scheduler, SchedulerContext } from "../../src/schedulers/scheduler.js";
import type { Request } from "../../src/workload/request.js";

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? yamlFiles(p) : p.endsWith(".yaml") ? [p] : [];
  });
}

const runs: Array<{ label: string; file: string; sets: string[] }> = [
  ...yamlFiles("scenarios").map((file) => ({ label: file, file, sets: [] })),
  // The fixtures that are valid scenarios (three-mistakes.yaml is a bad one on purpose).
  ...["test/scenario/fixtures/full.yaml", "test/scenario/fixtures/scenario.json"].map((file) => ({ label: file, file, sets: [] })),
  ...findCases("test/golden").map((f) => {
    const c = readCase(f);
    return { label: `golden ${c.label}`, file: c.scenario, sets: c.sets };
  }),
];

describe("every scenario and golden case runs with its invariants kept", () => {
  it.each(runs)("$label", async ({ file, sets }) => {
    const s = loadScenario(file, { sets });
    const source = await loadPlugins(s, file);
    const workload = generateWorkload(s);
    for (const name of s.schedulers) {
      const checker = new InvariantChecker(s);
      const r = runScenario(s, name, { workload, schedulers: source, keepRequests: false, check: false, observers: [checker] });
      expect(checker.requestsChecked, name).toBe(r.report.requests.admitted);
      expect(r.report.requests.admitted, name).toBeGreaterThan(0);
    }
  });
});

describe("checking", () => {
  it("changes no report: the quickstart's schedulers give the same JSON with and without it", () => {
    const s = loadScenario("scenarios/quickstart.yaml", { sets: ["workload.requests=300", "workload.warmupRequests=20"] });
    const workload = generateWorkload(s);
    for (const name of s.schedulers) {
      const on = runScenario(s, name, { workload });
      const off = runScenario(s, name, { workload, check: false });
      expect(JSON.stringify(on.report), name).toBe(JSON.stringify(off.report));
    }
  });

  it("accepts steps of a request dropped in flight that were released before the drop", () => {
    // cloud-only's plans; every third request is dropped as soon as its compute step is queued on
    // the edge, and that step still runs.
    const plans = new SplitPlanCache();
    const routes = new RouteCache(undefined);
    let ctx: SchedulerContext | null = null;
    const dropper: Scheduler = {
      name: "drops-in-flight",
      plan(req, c) {
        ctx = c;
        const model = c.model(req.model);
        return plans.get(c, model, routes.offload(c, req.source, "drops-in-flight"), model.prefixCuts()[0]!, 8);
      },
    };
    const uploaded: Request[] = [];
    let startedAfterDrop = 0;
    const dropQueued: Observer = {
      onStepEnd: (w) => void (w.step === 0 && w.req.id % 3 === 0 && uploaded.push(w.req)),
      // Called as the edge queues the compute step that the upload's end released.
      onQueue: () => {
        while (uploaded.length > 0) ctx!.drop(uploaded.pop()!, "test: dropped in flight");
      },
      onStepStart: (w) => void (w.req.dropped && startedAfterDrop++),
    };
    const s = loadScenario("scenarios/quickstart.yaml", { sets: ["workload.requests=60", "workload.warmupRequests=0"] });
    const checker = new InvariantChecker(s);
    const r = runScenario(s, dropper, { check: false, observers: [checker, dropQueued] });
    expect([r.report.requests.completed, r.report.requests.dropped]).toEqual([40, 20]);
    expect(startedAfterDrop).toBe(20);
    expect(checker.requestsChecked).toBe(60);
  });
});
