// Holding policies (scheduler API v2): a scheduler that defers requests and admits them from a
// wakeAt timer, one that holds works at a station with batch() = 0 and wakeAt, and planArrivals,
// each against a schedule worked out by hand to the nanosecond.
import { describe, expect, it } from "vitest";
import { ms } from "../../src/core/time.js";
import { runScenario } from "../../src/scenario/run.js";
import type { SchedulerContext } from "../../src/schedulers/context.js";
import { DEFER, type PlanResult, type Scheduler } from "../../src/schedulers/scheduler.js";
import { makePlan, type Plan } from "../../src/workload/plan.js";
import type { Request } from "../../src/workload/request.js";
import { scenarioFrom } from "../scenario-runs/helpers.js";

/** One GPU (maxBatch 4) running a one-layer model measured at 10/12/14/16 ms for batches of 1..4. */
function gpuScenario(arrivals: object, requests: number) {
  return scenarioFrom({
    name: "holding",
    model: { name: "net", input: { shape: [1] }, layers: [{ name: "work", outputShape: [1], macs: 0, timeMs: { "*": { "1": 10, "2": 12, "3": 14, "4": 16 } } }] },
    nodes: { gpu: { device: "a100", maxBatch: 4 } },
    workload: { at: "gpu", arrivals, requests },
    schedulers: ["device-only"],
  });
}

function wholeModel(ctx: SchedulerContext, req: Request): Plan {
  const cost = ctx.computeCost(0, ctx.model(req.model), [0]);
  return makePlan([{ kind: "compute", station: 0, cost, deps: [] }], { cut: "work", bits: 0, bytesSent: 0, accuracyLossPct: 0 });
}

const HOLD_NS = 4_000_123; // an odd hold, so every time below is checked to the ns
const completions = (reqs: readonly Request[]) => reqs.map((r) => r.completion);

// Arrivals 0, 1, 2, 10, 13, 30, 31.5 ms. Release a group when 3 are held, or HOLD_NS after the
// first of the group arrived. By hand:
//   r0 0, r1 1, r2 2 ms: the third makes 3 -> admitted at 2 ms; the GPU starts a batch of 3 (14 ms): ends 16 ms.
//   (the timer set at 0 for 4.000123 ms finds nothing held)
//   r3 10, r4 13 ms: timer at 14.000123 ms admits both; the GPU is busy until 16 ms, then a batch of 2 (12 ms): ends 28 ms.
//   r5 30, r6 31.5 ms: timer at 34.000123 ms admits both; the GPU is idle: 34.000123 + 12 = 46.000123 ms.
const ARRIVALS = { kind: "file", timesMs: [0, 1, 2, 10, 13, 30, 31.5] };
const EXPECTED = [16e6, 16e6, 16e6, 28e6, 28e6, 46_000_123, 46_000_123];

describe("holding requests and releasing them from timers", () => {
  it("a scheduler that defers requests and admits them from wakeAt batches as the hand schedule says", () => {
    const held: Request[] = [];
    const release = (ctx: SchedulerContext): void => {
      for (const r of held.splice(0)) ctx.admit(r, wholeModel(ctx, r));
    };
    const s: Scheduler = {
      name: "hold-three",
      plan(req, ctx) {
        held.push(req);
        if (held.length === 1) ctx.wakeAt(0, ctx.now + HOLD_NS);
        if (held.length === 3) release(ctx);
        return DEFER;
      },
      onWake: (_station, ctx) => release(ctx),
    };
    const { requests } = runScenario(gpuScenario(ARRIVALS, 7), s);
    expect(completions(requests)).toEqual(EXPECTED);
  });

  it("a scheduler that holds works at the station with batch() = 0 and wakeAt batches the same way", () => {
    const s: Scheduler = {
      name: "batch-three",
      plan: (req, ctx) => wholeModel(ctx, req),
      batch(station, waiting, ctx) {
        if (waiting.length >= 3) return 3;
        const due = waiting.at(0).ready + HOLD_NS;
        if (ctx.now >= due) return waiting.length;
        ctx.wakeAt(station, due);
        return 0;
      },
    };
    const { requests, report } = runScenario(gpuScenario(ARRIVALS, 7), s);
    expect(completions(requests)).toEqual(EXPECTED);
    // The GPU held ready work from 30 to 34.000123 ms while idle: idle "held" by the policy.
    expect(report.resources["gpu"]!.idleByCauseMs.held).toBeCloseTo(4.000123, 6);
  });

  it("a run that ends with a deferred request never admitted is an error that says so", () => {
    const s: Scheduler = { name: "never", plan: () => DEFER };
    expect(() => runScenario(gpuScenario(ARRIVALS, 7), s)).toThrow(/7 request\(s\) were still in the system.*deferred/);
  });

  it("ctx.drop drops a deferred request with the scheduler's reason, and onDrop hears it", () => {
    const reasons: string[] = [];
    const pending: Request[] = [];
    const s: Scheduler = {
      name: "drop-odd",
      plan(req, ctx) {
        if (req.id % 2 === 0) return wholeModel(ctx, req);
        pending.push(req);
        ctx.wakeAt(0, ctx.now + 1);
        return DEFER;
      },
      // The odd requests are dropped from the timer, after plan() returned DEFER.
      onWake(_station, ctx) {
        for (const r of pending.splice(0)) ctx.drop(r, "too late to be useful");
      },
      onDrop: (req, reason) => reasons.push(`${req.id}:${reason}`),
    };
    const { report, requests } = runScenario(gpuScenario(ARRIVALS, 7), s);
    expect(report.requests).toMatchObject({ admitted: 7, completed: 4, dropped: 3 });
    expect(reasons).toEqual(["1:too late to be useful", "3:too late to be useful", "5:too late to be useful"]);
    expect(requests.filter((r) => r.dropped).map((r) => r.dropReason)).toEqual(Array(3).fill("too late to be useful"));
  });

  it("admitting a request twice is an error naming the scheduler and the request", () => {
    const s: Scheduler = {
      name: "twice",
      plan(req, ctx) {
        ctx.admit(req, wholeModel(ctx, req));
        return wholeModel(ctx, req);
      },
    };
    expect(() => runScenario(gpuScenario(ARRIVALS, 1), s)).toThrow(/twice: request 0 was admitted or dropped already/);
  });
});

describe("planArrivals", () => {
  it("gets every request released at one instant in one call, in id order, and its results apply one by one", () => {
    const calls: Array<{ at: number; ids: number[] }> = [];
    const s: Scheduler = {
      name: "batch-planner",
      plan: () => {
        throw new Error("plan() must not be called when planArrivals exists");
      },
      planArrivals(reqs, ctx) {
        calls.push({ at: ctx.now, ids: reqs.map((r) => r.id) });
        // Drop the last of each instant, run the rest.
        return reqs.map((r, i): PlanResult => (i === reqs.length - 1 ? null : wholeModel(ctx, r)));
      },
    };
    const { report, requests } = runScenario(gpuScenario({ kind: "file", timesMs: [0, 0, 0, 5, 5, 40] }, 6), s);
    expect(calls).toEqual([{ at: 0, ids: [0, 1, 2] }, { at: ms(5), ids: [3, 4] }, { at: ms(40), ids: [5] }]);
    expect(report.requests).toMatchObject({ completed: 3, dropped: 3 });
    // r0, r1 start together at 0 (batch of 2: 12 ms); r3 waits for the GPU until 12 ms (10 ms alone): 22 ms.
    expect(requests.filter((r) => !r.dropped).map((r) => [r.id, r.completion])).toEqual([[0, ms(12)], [1, ms(12)], [3, ms(22)]]);
    expect(requests.filter((r) => r.dropped).map((r) => r.dropReason)).toEqual(Array(3).fill("refused by the scheduler"));
  });

  it("a planArrivals that returns the wrong number of results is an error naming the scheduler", () => {
    const s: Scheduler = { name: "short", plan: () => null, planArrivals: () => [] };
    expect(() => runScenario(gpuScenario({ kind: "batch" }, 3), s)).toThrow(/short: planArrivals got 3 request\(s\) and returned 0 result\(s\)/);
  });
});
