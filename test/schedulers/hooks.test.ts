// The scheduler interface's optional hooks (DESIGN §5), exercised with small custom schedulers.
import { describe, expect, it } from "vitest";
import { ms } from "../../src/core/time.js";
import { runScenario } from "../../src/scenario/run.js";
import type { Scheduler, SchedulerContext } from "../../src/schedulers/scheduler.js";
import { makePlan } from "../../src/workload/plan.js";
import type { Request } from "../../src/workload/request.js";
import { scenarioFrom } from "../scenario-runs/helpers.js";

/** One node running a one-layer model of 10 ms per request (20 ms for a batch of any size > 1). */
function scenario(o: { requests: number; maxBatch?: number; arrivals?: object }) {
  return scenarioFrom({
    name: "hooks",
    model: { name: "one", input: { shape: [1] }, layers: [{ name: "work", outputShape: [1], macs: 0, timeMs: { "*": { "1": 10, "2": 20, "3": 20, "4": 20 } } }] },
    nodes: { box: { device: "jetson-nano", maxBatch: o.maxBatch ?? 1 } },
    workload: { arrivals: o.arrivals ?? { kind: "batch" }, requests: o.requests },
    schedulers: ["device-only"],
  });
}

/** A scheduler running the whole model on the origin, with the given extra hooks. */
function local(extra: Partial<Scheduler> & { name?: string }): Scheduler {
  return {
    name: extra.name ?? "custom",
    plan(req: Request, ctx: SchedulerContext) {
      const model = ctx.model(req.model);
      const cost = ctx.computeCost(0, model, [0]);
      return makePlan([{ kind: "compute", station: 0, cost, deps: [] }], { cut: "work", bits: 0, bytesSent: 0, accuracyLossPct: 0 });
    },
    ...extra,
  };
}

const completionOrder = (reqs: readonly Request[]) => [...reqs].filter((r) => !r.dropped).sort((a, b) => a.completion - b.completion).map((r) => r.id);

describe("scheduler hooks", () => {
  it("pick chooses the queue order (here last-in first-out)", () => {
    const { requests } = runScenario(scenario({ requests: 4 }), local({ pick: (_s, waiting) => waiting.length - 1 }));
    // All four are ready at 0: LIFO serves 3, 2, 1, 0.
    expect(completionOrder(requests)).toEqual([3, 2, 1, 0]);
  });

  it("batch decides the batch size", () => {
    const { requests } = runScenario(scenario({ requests: 4, maxBatch: 4 }), local({ batch: () => 2 }));
    // Batches of two, 20 ms each: completions at 20, 20, 40, 40 ms.
    expect(requests.map((r) => r.completion / 1e6)).toEqual([20, 20, 40, 40]);
  });

  it("a plan of null drops the request, and the report counts it", () => {
    const s = local({ plan: (req, ctx) => (req.id % 2 === 1 ? null : local({}).plan(req, ctx)) });
    const { report } = runScenario(scenario({ requests: 5 }), s);
    expect(report.requests).toMatchObject({ admitted: 5, completed: 3, dropped: 2 });
  });

  it("onComplete sees every finished request once", () => {
    const seen: number[] = [];
    runScenario(scenario({ requests: 3 }), local({ onComplete: (req) => seen.push(req.id) }));
    expect(seen).toEqual([0, 1, 2]);
  });

  it("tick runs every everyMs while requests remain, then stops so the run ends", () => {
    const times: number[] = [];
    const s = local({ tick: { everyMs: 15, run: (ctx) => times.push(ctx.now / 1e6) } });
    runScenario(scenario({ requests: 3 }), s); // work ends at 30 ms
    expect(times).toEqual([0, 15, 30]);
  });

  it("a policy may hold work and release it later with wake", () => {
    let release = false;
    const s = local({
      pick: () => (release ? 0 : -1),
      tick: { everyMs: 25, run: (ctx) => { if (ctx.now >= ms(25)) { release = true; ctx.wake(0); } } },
    });
    const { requests, report } = runScenario(scenario({ requests: 1 }), s);
    expect(requests[0]!.completion).toBe(ms(35));
    // The box held a ready work from 0 to 25 ms, but that is fill (before its first start).
    expect(report.resources["box"]!.fillMs).toBe(25);
  });

  it("a policy that holds work for ever is an error, not a silently short report", () => {
    expect(() => runScenario(scenario({ requests: 2 }), local({ pick: () => -1 }))).toThrow(/2 request\(s\) were still in the system/);
  });
});
