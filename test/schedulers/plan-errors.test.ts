// A plan that cannot run fails the run with the scheduler's name, the request id and the step,
// before anything of it runs: unknown stations and links, work that would appear on a node its
// input never reached, hand-made plans, and steps listed out of order (the only way to write a cycle).
import { describe, expect, it } from "vitest";
import { isSplitsimError } from "../../src/errors.js";
import { runScenario } from "../../src/scenario/run.js";
import type { SchedulerContext } from "../../src/schedulers/context.js";
import type { Scheduler } from "../../src/schedulers/scheduler.js";
import { makePlan, type Plan, type Step } from "../../src/workload/plan.js";
import type { Request } from "../../src/workload/request.js";
import { scenarioFrom } from "../scenario-runs/helpers.js";

// Stations: 0 phone (origin), 1 cloud. Links: 0 up (phone -> cloud). No way back.
const scenario = scenarioFrom({
  name: "plans",
  model: { name: "net", input: { shape: [1] }, layers: [{ name: "work", outputShape: [1], macs: 0, timeMs: 1 }] },
  nodes: { phone: { device: "jetson-nano" }, cloud: { device: "a100" } },
  links: { up: { from: "phone", to: "cloud", bandwidthMbps: 8 } },
  workload: { at: "phone", arrivals: { kind: "batch" }, requests: 2 },
  schedulers: ["device-only"],
});
const SUMMARY = { cut: "x", bits: 0, bytesSent: 0, accuracyLossPct: 0 };

function planning(steps: (ctx: SchedulerContext, req: Request) => Step[]): Scheduler {
  return { name: "my-policy", plan: (req, ctx) => makePlan(steps(ctx, req), SUMMARY) };
}
const cost = (ctx: SchedulerContext, station: number) => ctx.computeCost(station, ctx.model("net"), [0]);

describe("invalid plans", () => {
  it("a compute step on a station that does not exist", () => {
    const s = planning((ctx) => [{ kind: "compute", station: 7, cost: cost(ctx, 0), deps: [] }]);
    expect(() => runScenario(scenario, s)).toThrow("my-policy: the plan for request 0 cannot run: step 0 computes on station 7, which does not exist (stations are 0..1)");
  });

  it("a transfer over a missing link (linkBetween gave -1)", () => {
    const s = planning((ctx) => [{ kind: "transfer", link: ctx.topology.linkBetween(1, 0), bytes: 10, deps: [] }]);
    expect(() => runScenario(scenario, s)).toThrow(/my-policy: the plan for request 0 cannot run: step 0 sends over link -1, which does not exist .*is there a link between those nodes/);
  });

  it("work on the cloud without a transfer to bring the input there", () => {
    const s = planning((ctx) => [{ kind: "compute", station: 1, cost: cost(ctx, 1), deps: [] }]);
    expect(() => runScenario(scenario, s)).toThrow(/step 0 computes on 'cloud', but it depends on no step, so its input is still at the origin 'phone': add a transfer first/);
  });

  it("a compute step after a step that left its output elsewhere", () => {
    const s = planning((ctx) => [
      { kind: "transfer", link: 0, bytes: 10, deps: [] },
      { kind: "compute", station: 0, cost: cost(ctx, 0), deps: [0] },
    ]);
    expect(() => runScenario(scenario, s)).toThrow(/step 1 computes on 'phone', but step 0 leaves its output on 'cloud': add a transfer between them/);
  });

  it("a plan not built with makePlan", () => {
    const s: Scheduler = { name: "my-policy", plan: () => ({ steps: [], summary: SUMMARY }) as unknown as Plan };
    expect(() => runScenario(scenario, s)).toThrow(/my-policy: the plan for request 0 cannot run: the plan was not built with makePlan/);
  });

  it("a step that depends on a later step (a cycle cannot be written otherwise)", () => {
    const s = planning((ctx) => [{ kind: "compute", station: 0, cost: cost(ctx, 0), deps: [1] }, { kind: "compute", station: 0, cost: cost(ctx, 0), deps: [0] }]);
    expect(() => runScenario(scenario, s)).toThrow(/my-policy: planning request 0: plan step 0 depends on step 1, which does not come before it/);
  });

  it("plan() returning something that is not a plan, null or DEFER", () => {
    const s: Scheduler = { name: "my-policy", plan: () => undefined as unknown as Plan };
    expect(() => runScenario(scenario, s)).toThrow(/my-policy: planning request 0 returned undefined \(return a plan, null to drop it, or DEFER/);
  });

  it("every one of these is a user-facing error (the CLI prints it without a stack, exit 2)", () => {
    const s = planning((ctx) => [{ kind: "compute", station: 7, cost: cost(ctx, 0), deps: [] }]);
    let caught: unknown;
    try {
      runScenario(scenario, s);
    } catch (e) {
      caught = e;
    }
    expect(isSplitsimError(caught)).toBe(true);
  });

  it("a valid plan that reaches the cloud runs: compute there after the transfer", () => {
    const s = planning((ctx) => [
      { kind: "transfer", link: 0, bytes: 1000, deps: [] },
      { kind: "compute", station: 1, cost: cost(ctx, 1), deps: [0] },
    ]);
    // 1000 B at 10^6 B/s = 1 ms, then 1 ms of work: 2 ms; the second request waits for the link until 1 ms: 3 ms.
    expect(runScenario(scenario, s).requests.map((r) => r.completion)).toEqual([2e6, 3e6]);
  });
});
