// Station rules: lowest idle server first, FIFO, batching by size or timeout, queue limits.
import { describe, expect, it } from "vitest";
import { Phase, Simulator } from "../../src/core/simulator.js";
import { ms } from "../../src/core/time.js";
import type { Observer } from "../../src/platform/observer.js";
import { Station, type StepSink } from "../../src/platform/station.js";
import { makePlan, type ComputeCost } from "../../src/workload/plan.js";
import type { Work } from "../../src/workload/work.js";
import { newRequest } from "../../src/workload/request.js";

/** A cost of `perItemMs` for the first work of a batch and `extraMs` for each further one. */
function cost(perItemMs: number, extraMs = perItemMs): ComputeCost {
  return { key: "c", macs: 0, ns: (b) => ms(perItemMs + (b - 1) * extraMs) };
}

function setup(o: { servers?: number; maxBatch?: number; batchTimeoutMs?: number; queueLimit?: number }) {
  const sim = new Simulator(1);
  const log: string[] = [];
  const done: Array<{ id: number; t: number }> = [];
  const refused: number[] = [];
  const observer: Observer = {
    onStart: (_r, server, t) => log.push(`start s${server} @${t / 1e6}`),
    onEnd: (_r, server, t) => log.push(`end s${server} @${t / 1e6}`),
  };
  const sink: StepSink = {
    stepDone: (w) => done.push({ id: w.req.id, t: sim.now / 1e6 }),
    refused: (w) => refused.push(w.req.id),
  };
  const station = new Station(
    { index: 0, name: "s", servers: o.servers ?? 1, maxBatch: o.maxBatch ?? 1, batchTimeoutNs: ms(o.batchTimeoutMs ?? 0),
      queueLimit: o.queueLimit ?? Infinity, noise: null },
    sim, observer, sink, {},
  );
  const plan = makePlan([], { cut: "", bits: 0, bytesSent: 0, accuracyLossPct: 0 });
  /** Enqueues work for request `id` at time `atMs`. */
  const submit = (id: number, atMs: number, c: ComputeCost) =>
    sim.at(ms(atMs), Phase.Arrive, () => {
      const req = newRequest(id, 0, id, "m", sim.now, -1);
      req.plan = plan;
      const w: Work = { req, step: 0, ready: sim.now, start: -1, cost: c, bytes: 0 };
      station.enqueue(w);
    });
  return { sim, log, done, refused, submit };
}

describe("Station", () => {
  it("serves FIFO on one server", () => {
    const { sim, done, submit } = setup({});
    const c = cost(10);
    submit(0, 0, c);
    submit(1, 0, c);
    submit(2, 5, c);
    sim.run();
    expect(done).toEqual([{ id: 0, t: 10 }, { id: 1, t: 20 }, { id: 2, t: 30 }]);
  });

  it("gives work to the lowest-numbered idle server", () => {
    const { sim, log, submit } = setup({ servers: 3 });
    const c = cost(10);
    submit(0, 0, c);
    submit(1, 1, c);
    submit(2, 12, c); // server 0 is free again at 10
    sim.run();
    expect(log).toEqual(["start s0 @0", "start s1 @1", "end s0 @10", "end s1 @11", "start s0 @12", "end s0 @22"]);
  });

  it("a server freed at t serves work that became ready at t", () => {
    const { sim, done, submit } = setup({});
    const c = cost(10);
    submit(0, 0, c);
    submit(1, 10, c);
    sim.run();
    expect(done).toEqual([{ id: 0, t: 10 }, { id: 1, t: 20 }]);
  });

  it("starts a full batch at once and charges the batch time", () => {
    // Batch of 3 costs 10 + 2·4 = 18 ms.
    const { sim, done, submit } = setup({ maxBatch: 3, batchTimeoutMs: 50 });
    const c = cost(10, 4);
    for (const id of [0, 1, 2]) submit(id, 0, c);
    sim.run();
    expect(done.map((d) => d.t)).toEqual([18, 18, 18]);
  });

  it("starts a partial batch when the oldest work has waited batchTimeoutMs", () => {
    // Works at 0 and 1 ms; timeout 5 ms from the oldest -> starts at 5 with 2 works (10+4 ms) -> 19.
    const { sim, done, submit } = setup({ maxBatch: 4, batchTimeoutMs: 5 });
    const c = cost(10, 4);
    submit(0, 0, c);
    submit(1, 1, c);
    sim.run();
    expect(done).toEqual([{ id: 0, t: 19 }, { id: 1, t: 19 }]);
  });

  it("batches only works that share a cost", () => {
    const { sim, done, submit } = setup({ maxBatch: 4 });
    const a = cost(10);
    const b = cost(10);
    submit(0, 0, a);
    submit(1, 0, b);
    submit(2, 0, a);
    sim.run();
    // First batch {0, 2} (cost a, 20 ms), then {1} alone (10 ms).
    expect(done).toEqual([{ id: 0, t: 20 }, { id: 2, t: 20 }, { id: 1, t: 30 }]);
  });

  it("refuses work beyond queueLimit", () => {
    const { sim, refused, submit } = setup({ queueLimit: 1 });
    const c = cost(10);
    for (const id of [0, 1, 2]) submit(id, 0, c);
    sim.run();
    // At the Arrive phase of t=0 all three queue up before dispatch: the limit of 1 refuses 1 and 2.
    expect(refused).toEqual([1, 2]);
  });
});
