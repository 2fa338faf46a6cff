// Plans that are not a chain: a step that fans out to two and a step that joins them. The executor
// runs parallel steps of one request as separate (pooled, reused) work records. Times are
// hand-computed from constant step costs.
import { describe, expect, it } from "vitest";
import { ms } from "../../src/core/time.js";
import { runScenario } from "../../src/scenario/run.js";
import type { Scheduler } from "../../src/schedulers/scheduler.js";
import { makePlan, type ComputeCost, type Plan } from "../../src/workload/plan.js";
import { scenarioFrom } from "../scenario-runs/helpers.js";

const cost = (msEach: number): ComputeCost => ({ key: `${msEach}ms`, macs: 0, ns: () => ms(msEach) });
const SUMMARY = { cut: "dag", bits: 0, bytesSent: 0, accuracyLossPct: 0 };

/** 10 ms, then 8 ms and 5 ms side by side, then 2 ms once both are done. */
const diamond: Plan = makePlan(
  [
    { kind: "compute", station: 0, cost: cost(10), deps: [] },
    { kind: "compute", station: 0, cost: cost(8), deps: [0] },
    { kind: "compute", station: 0, cost: cost(5), deps: [0] },
    { kind: "compute", station: 0, cost: cost(2), deps: [1, 2] },
  ],
  SUMMARY,
);
const chain: Plan = makePlan(
  [
    { kind: "compute", station: 0, cost: cost(3), deps: [] },
    { kind: "compute", station: 0, cost: cost(4), deps: [0] },
  ],
  SUMMARY,
);

/** One node with two servers; the model is only a name here (the plans bring their own costs). */
function scenario(requests: number, arrivals: object) {
  return scenarioFrom({
    name: "dag",
    model: { name: "one", input: { shape: [1] }, layers: [{ name: "work", outputShape: [1], macs: 0, timeMs: 1 }] },
    nodes: { box: { device: "jetson-nano", servers: 2 } },
    workload: { arrivals, requests, warmupRequests: 0 },
    schedulers: ["device-only"],
  });
}

function fixed(plan: Plan): Scheduler {
  return { name: "fixed", plan: () => plan };
}

describe("plans with a fan-out and a join", () => {
  it("run their parallel steps side by side and join when both are done", () => {
    const { requests } = runScenario(scenario(1, { kind: "batch" }), fixed(diamond));
    const r = requests[0]!;
    // 0-10 the first step; 10-18 and 10-15 on the two servers; the join runs 18-20.
    expect(r.completion).toBe(ms(20));
    expect(r.computeNs).toBe(ms(10 + 8 + 5 + 2));
    expect(r.queueingNs).toBe(0);
  });

  it("keep every request's sums exact when many share the pooled work records", () => {
    const n = 200;
    const { requests, report } = runScenario(scenario(n, { kind: "poisson", ratePerSec: 60 }), fixed(diamond));
    expect(report.requests.completed).toBe(n);
    for (const r of requests) {
      expect(r.computeNs).toBe(ms(25));
      // The critical path is 20 ms of work; waiting only adds to it.
      expect(r.completion - r.arrival).toBeGreaterThanOrEqual(ms(20));
    }
  });

  it("mix with chain plans in one run, each request keeping its own sums", () => {
    const mixed: Scheduler = { name: "mixed", plan: (req) => (req.id % 2 === 0 ? chain : diamond) };
    const { requests, report } = runScenario(scenario(100, { kind: "poisson", ratePerSec: 80 }), mixed);
    expect(report.requests.completed).toBe(100);
    for (const r of requests) expect(r.computeNs).toBe(ms(r.id % 2 === 0 ? 7 : 25));
  });
});
