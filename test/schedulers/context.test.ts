// The scheduler context (API v2): sources, the scheduler's own random streams, transfer-time
// estimates, and compute costs with work shares and fixed costs, each checked by hand.
import { describe, expect, it } from "vitest";
import { createStream } from "../../src/core/random.js";
import { ms } from "../../src/core/time.js";
import { runScenario } from "../../src/scenario/run.js";
import type { SchedulerContext } from "../../src/schedulers/context.js";
import type { Scheduler } from "../../src/schedulers/scheduler.js";
import type { Plan } from "../../src/workload/plan.js";
import { scenarioFrom } from "../scenario-runs/helpers.js";

/** Runs `probe` in plan() of the first request (then runs nothing: every request is dropped). */
function probe(scenario: object, f: (ctx: SchedulerContext) => void, name = "probe"): void {
  let done = false;
  const s: Scheduler = {
    name,
    plan(_req, ctx): Plan | null {
      if (!done) f(ctx);
      done = true;
      return null;
    },
  };
  runScenario(scenarioFrom(scenario), s);
}

const ONE_LAYER = { name: "net", input: { shape: [1] }, layers: [{ name: "work", outputShape: [1], macs: 0, timeMs: 1 }] };
const BASE = {
  name: "ctx",
  model: ONE_LAYER,
  nodes: { phone: { device: "jetson-nano" }, cloud: { device: "a100" } },
  links: { up: { from: "phone", to: "cloud", bandwidthMbps: 8, latencyMs: 5 } },
};

describe("sources", () => {
  it("source(i) gives origin, models, mean rate, requests and deadline; sourceCount counts them", () => {
    const sc = {
      ...BASE,
      nodes: { ...BASE.nodes, cam: { device: "raspberry-pi-4" } },
      sources: [
        { at: "phone", arrivals: { kind: "periodic", fps: 30 }, requests: 3, deadlineMs: 100 },
        { at: "cam", arrivals: { kind: "poisson", ratePerSec: 7 }, requests: 2 },
        { at: "phone", arrivals: { kind: "file", timesMs: [0, 10, 20] } },
        { at: "cam", arrivals: { kind: "batch" }, requests: 4 },
      ],
    };
    probe(sc, (ctx) => {
      expect(ctx.sourceCount).toBe(4);
      const s0 = ctx.source(0);
      expect([s0.origin, s0.ratePerSec, s0.requests, s0.deadlineNs, s0.content]).toEqual([0, 30, 3, ms(100), null]);
      expect(s0.models).toEqual({ net: 1 });
      expect([ctx.source(1).origin, ctx.source(1).ratePerSec, ctx.source(1).deadlineNs]).toEqual([2, 7, -1]);
      // Three arrivals over 20 ms: two gaps of 10 ms, 100 per second.
      expect(ctx.source(2).ratePerSec).toBeCloseTo(100, 9);
      expect(ctx.source(3).ratePerSec).toBeNull();
      expect(() => ctx.source(4)).toThrow(/there is no source 4 \(sources are 0\.\.3\)/);
    });
  });
});

describe("a scheduler's own random streams", () => {
  const sc = { ...BASE, workload: { at: "phone", arrivals: { kind: "poisson", ratePerSec: 100 }, requests: 20 } };

  /** The first three draws of stream `x` and the arrival times, as scheduler `name` sees them. */
  function draws(name: string, draw: boolean): { x: number[]; arrivals: number[] } {
    const x: number[] = [];
    const arrivals: number[] = [];
    const s: Scheduler = {
      name,
      plan(req, ctx) {
        arrivals.push(req.arrival);
        if (draw && x.length < 3) x.push(ctx.rng("x").next());
        return null;
      },
    };
    runScenario(scenarioFrom(sc), s);
    return { x, arrivals };
  }

  it("stream x of scheduler A is seeded from (run seed, A, x): the same in every run", () => {
    const expected = createStream(1, "scheduler/A/x");
    expect(draws("A", true).x).toEqual([expected.next(), expected.next(), expected.next()]);
  });

  it("two schedulers' streams of the same name differ, and drawing shifts no arrival", () => {
    const a = draws("A", true);
    const b = draws("B", true);
    expect(a.x).not.toEqual(b.x);
    expect(a.arrivals).toEqual(draws("C", false).arrivals);
    expect(b.arrivals).toEqual(a.arrivals);
  });
});

describe("transferNs", () => {
  it("is the transmission at the estimate plus the latency: 1000 B at 10^6 B/s + 5 ms = 6 ms", () => {
    probe({ ...BASE, workload: { at: "phone", arrivals: { kind: "batch" }, requests: 1 } }, (ctx) => {
      expect(ctx.transferNs(0, 1000)).toBe(ms(6));
      expect(ctx.transferNs(0, 0)).toBe(ms(5));
    });
  });

  it("under the oracle it integrates the trace: 1500 B over 8 then 4 Mbit/s takes 2 ms (+ 5 ms latency)", () => {
    // 1000 B in the first ms at 10^6 B/s, the other 500 B at 0.5·10^6 B/s take 1 ms more.
    const sc = {
      ...BASE,
      links: { up: { from: "phone", to: "cloud", bandwidthProfile: [[0, 8], [0.001, 4]], latencyMs: 5 } },
      estimator: "oracle",
      workload: { at: "phone", arrivals: { kind: "batch" }, requests: 1 },
    };
    probe(sc, (ctx) => expect(ctx.transferNs(0, 1500)).toBe(ms(7)));
  });
});

describe("computeCost", () => {
  // A 10 GMAC conv (1e6 params) with a 2×10×10 output on a device of 1 TFLOP/s at efficiency 0.5,
  // 10 GB/s and 0.5 ms overhead per layer: compute 2e10 / 0.5e12 = 40 ms; memory (4e6 + 400·4) B / 1e10 B/s = 0.4 ms.
  const sc = {
    ...BASE,
    model: { name: "conv", input: { shape: [2, 10, 10] }, layers: [{ name: "c", kind: "conv", outputShape: [2, 10, 10], macs: 1e10, params: 1e6 }] },
    devices: { dev: { class: "edge", peakFlops: { fp32: 1e12, fp16: 1e12, int8: 1e12 }, efficiency: 0.5, memBytesPerSec: 1e10, layerOverheadMs: 0.5, description: "test" } },
    nodes: { phone: { device: "dev", maxBatch: 4 } },
    links: {},
    workload: { at: "phone", arrivals: { kind: "batch" }, requests: 1 },
  };
  const WHOLE = ms(40.5); // 0.5 overhead + 40 roofline

  it("a half slab (5 of 10 rows) costs overhead + half the roofline part: 20.5 ms, more than half of 40.5", () => {
    probe(sc, (ctx) => {
      const m = ctx.model("conv");
      expect(ctx.computeCost(0, m, [0]).ns(1)).toBe(WHOLE);
      const half = ctx.computeCost(0, m, [0], { rows: [5] });
      expect(half.ns(1)).toBe(ms(20.5));
      expect(half.ns(1)).toBeGreaterThan(WHOLE / 2);
      expect(ctx.computeCost(0, m, [0], { fraction: 0.5 }).ns(1)).toBe(ms(20.5));
    });
  });

  it("macs is the work done: 10 GMAC whole, 3 GMAC for 3 of 10 rows", () => {
    probe(sc, (ctx) => {
      const m = ctx.model("conv");
      expect(ctx.computeCost(0, m, [0]).macs).toBe(1e10);
      expect(ctx.computeCost(0, m, [0], { rows: [3] }).macs).toBeCloseTo(3e9, 0);
    });
  });

  it("fixedNs is added once per batch and extraNs once per item", () => {
    probe(sc, (ctx) => {
      const m = ctx.model("conv");
      const base = ctx.computeCost(0, m, [0]);
      const c = ctx.computeCost(0, m, [0], { fixedNs: 1000, extraNs: 7 });
      expect(c.ns(1)).toBe(base.ns(1) + 1000 + 7);
      expect(c.ns(3)).toBe(base.ns(3) + 1000 + 21);
      // No layers: a pure explicit duration.
      expect(ctx.computeCost(0, m, [], { extraNs: ms(2) }).ns(2)).toBe(ms(4));
    });
  });

  it("equal work shares one cost object (so it batches), different shares do not", () => {
    probe(sc, (ctx) => {
      const m = ctx.model("conv");
      expect(ctx.computeCost(0, m, [0], { rows: [5] })).toBe(ctx.computeCost(0, m, [0], { rows: [5] }));
      expect(ctx.computeCost(0, m, [0], { rows: [5] })).not.toBe(ctx.computeCost(0, m, [0], { rows: [6] }));
      expect(ctx.computeCost(0, m, [0])).toBe(ctx.computeCost(0, m, [0], {}));
    });
  });

  it("bad arguments fail at once, naming the scheduler and what to fix", () => {
    probe(sc, (ctx) => {
      const m = ctx.model("conv");
      expect(() => ctx.computeCost(0, m, [0], { rows: [11] })).toThrow("probe: computeCost: rows[0] = 11 for layer 'c', which has 10 output rows");
      expect(() => ctx.computeCost(0, m, [0], { rows: [5], fraction: 0.5 })).toThrow(/give fraction or rows, not both/);
      expect(() => ctx.computeCost(0, m, [0], { fraction: 0 })).toThrow(/fraction must be in \(0, 1\]/);
      expect(() => ctx.computeCost(0, m, [0, 0], { rows: [5] })).toThrow(/rows has 1 entries for 2 layers/);
      expect(() => ctx.computeCost(3, m, [0])).toThrow(/station 3 does not exist/);
      expect(() => ctx.computeCost(0, m, [1])).toThrow(/model 'conv' has no layer 1/);
      expect(() => ctx.computeCost(0, m, [0], { extraNs: 1.5 })).toThrow(/extraNs must be a whole number of ns/);
    });
  });
});
