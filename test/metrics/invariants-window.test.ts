// The checker's per-request window: it grows past its first 1024 slots while an old request stays
// in the system, re-lays itself out for plans of more than 32 steps, and keeps every request's
// state and step bits through both. End to end, a 40-step plan is checked like a short one.
import { describe, expect, it } from "vitest";
import { InvariantError } from "../../src/metrics/invariant-error.js";
import { COMPLETED, DROPPED, IN_SYSTEM, RequestWindow } from "../../src/metrics/request-window.js";
import { loadScenario } from "../../src/scenario/load.js";
import { runScenario } from "../../src/scenario/run.js";
import type { Scheduler } from "../../src/schedulers/scheduler.js";
import { makePlan, type Plan, type Step } from "../../src/workload/plan.js";

describe("RequestWindow", () => {
  it("moves past requests as they leave in order, and stops at the oldest still in the system", () => {
    const w = new RequestWindow();
    for (let id = 0; id < 5; id++) w.arrive(id);
    w.leave(1, COMPLETED);
    expect(w.base).toBe(0);
    w.leave(0, DROPPED);
    expect([w.base, w.next]).toEqual([2, 5]);
    expect(w.stateOf(2)).toBe(IN_SYSTEM);
  });

  it("grows past 1024 slots while request 0 stays, keeping its state and ended steps", () => {
    const w = new RequestWindow();
    w.arrive(0);
    w.end(0, 3);
    for (let id = 1; id < 5000; id++) {
      w.arrive(id);
      w.end(id, id % 7);
      if (id % 2 === 0) w.leave(id, COMPLETED);
    }
    expect(w.base).toBe(0);
    expect(w.stateOf(0)).toBe(IN_SYSTEM);
    expect([w.hasEnded(0, 3), w.hasEnded(0, 2)]).toEqual([true, false]);
    expect([w.stateOf(4999), w.hasEnded(4999, 4999 % 7)]).toEqual([IN_SYSTEM, true]);
    expect(w.stateOf(4998)).toBe(COMPLETED);
    w.leave(0, COMPLETED);
    expect(w.base).toBe(1); // request 1 is still in the system
  });

  it("re-lays out for a 40-step plan and keeps the bits already set", () => {
    const w = new RequestWindow();
    w.arrive(0);
    w.end(0, 5);
    w.fit(40);
    expect(w.stride).toBe(2);
    w.end(0, 37);
    expect([w.hasEnded(0, 5), w.hasEnded(0, 37), w.hasEnded(0, 36)]).toEqual([true, true, false]);
    expect(w.end(0, 37)).toBe(false); // ended already
  });

  it("says whether all of a plan's steps ended, for 0, 31, 32 and 33 steps", () => {
    for (const n of [0, 31, 32, 33]) {
      const w = new RequestWindow();
      w.fit(n);
      w.arrive(0);
      for (let k = 0; k < n; k++) if (k !== n - 1) w.end(0, k);
      expect(w.allEnded(0, n), `${n} steps, the last open`).toBe(n === 0);
      expect(w.firstNotEnded(0, n)).toBe(n - 1);
      if (n > 0) w.end(0, n - 1);
      expect(w.allEnded(0, n), `${n} steps, all ended`).toBe(true);
    }
  });
});

/** A chain of 40 one-layer-group compute steps on the camera; `skip` leaves step `skip`'s dependency out of the executor's counts. */
function chain(skip: number | null): Scheduler {
  let plan: Plan | null = null;
  return {
    name: "forty-steps",
    plan(req, ctx) {
      if (plan === null) {
        const model = ctx.model(req.model);
        const camera = ctx.topology.stationIndex("camera");
        const cost = ctx.computeCost(camera, model, [0]);
        const steps: Step[] = Array.from({ length: 40 }, (_, i) => ({ kind: "compute", station: camera, cost, deps: i === 0 ? [] : [i - 1] }));
        const good = makePlan(steps, { cut: "chain", bits: 0, bytesSent: 0, accuracyLossPct: 0 });
        plan = skip === null ? good : {
          ...good,
          depCounts: good.depCounts.map((c, i) => (i === skip ? 0 : c)),
          successors: good.successors.map((s, i) => (i === skip - 1 ? new Int32Array(0) : s)),
        };
      }
      return plan;
    },
  };
}

describe("a plan of 40 steps", () => {
  const s = () => loadScenario("scenarios/quickstart.yaml", { sets: ["workload.requests=30", "workload.warmupRequests=0", "links={}", "schedulers=[device-only]"] });

  it("runs checked without a violation", () => {
    expect(runScenario(s(), chain(null)).report.requests.completed).toBe(30);
  });

  it("whose step 35 skips its dependency fails naming step 35 and its predecessor 34", () => {
    let e: unknown = null;
    try {
      runScenario(s(), chain(35));
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(InvariantError);
    expect((e as InvariantError).message).toMatch(/request 0, step 35 \(compute on 'camera'\): started before its predecessor step 34 ended/);
  });
});
