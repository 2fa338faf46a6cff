// Pipeline closed forms through scenario files: equal stages (GPipe) and unequal stages.
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../src/scenario/load.js";
import { runScenario } from "../../src/scenario/run.js";
import { run } from "./helpers.js";

/**
 * A two-layer model split after `a`: device runs a (aMs), the uplink carries `bytes` at 10 Mbit/s
 * (1.25e6 B/s, so 12,500 B = 10 ms), the cloud runs b (bMs); an optional downlink carries the
 * result. m requests are released at t = 0.
 */
function pipeline(o: { aMs: number; sendBytes: number; bMs: number; m: number; backBytes?: number }) {
  return {
    name: "pipeline",
    model: {
      name: "two-layer",
      input: { shape: [1] },
      layers: [
        { name: "a", outputBytes: o.sendBytes, macs: 0, timeMs: o.aMs },
        { name: "b", outputBytes: 4, macs: 0, timeMs: o.bMs },
      ],
    },
    nodes: { device: { device: "jetson-nano" }, cloud: { device: "a100" } },
    links: {
      up: { from: "device", to: "cloud", bandwidthMbps: 10 },
      ...(o.backBytes === undefined ? {} : { down: { from: "cloud", to: "device", bandwidthMbps: 10 } }),
    },
    wire: { headerBytes: 0, ...(o.backBytes === undefined ? {} : { resultBytes: o.backBytes }) },
    workload: { arrivals: { kind: "batch" }, requests: o.m },
    schedulers: ["fixed-split"],
    options: { "fixed-split": { cut: "a", bits: 32 } },
  };
}

describe("equal stages (p stages of t, m requests at t = 0)", () => {
  it("the example file gives makespan (m+p-1)t = 120 ms and bubble (p-1)/(m+p-1) = 1/6", () => {
    const r = runScenario(loadScenario("scenarios/examples/equal-stages.yaml"), "fixed-split").report;
    expect(r.makespanMs).toBe(120);
    expect(r.bubbleRatio.overall).toBeCloseTo(2 / 12, 9);
  });

  for (const [p, m] of [[3, 1], [3, 7], [4, 5], [4, 40]] as const) {
    it(`p=${p}, m=${m}: makespan ${(m + p - 1) * 10} ms and bubble ${p - 1}/${m + p - 1} on every stage`, () => {
      const r = run(pipeline({ aMs: 10, sendBytes: 12_500, bMs: 10, m, ...(p === 4 ? { backBytes: 12_500 } : {}) }), "fixed-split").report;
      expect(r.makespanMs).toBe((m + p - 1) * 10);
      expect(r.bubbleRatio.overall).toBeCloseTo((p - 1) / (m + p - 1), 9);
      const used = Object.values(r.resources);
      expect(used).toHaveLength(p);
      for (const res of used) expect(res.bubbleRatio).toBeCloseTo((p - 1) / (m + p - 1), 9);
    });
  }
});

describe("identical requests with unequal stage times", () => {
  it("a=10, send=30, b=20 ms, m=5: makespan Σp + (m-1)max = 180 ms, stage bubble 1 - m·p_s/makespan", () => {
    // 37,500 B at 1.25e6 B/s = 30 ms.
    const r = run(pipeline({ aMs: 10, sendBytes: 37_500, bMs: 20, m: 5 }), "fixed-split").report;
    expect(r.makespanMs).toBe(60 + 4 * 30);
    expect(r.resources["device"]!.bubbleRatio).toBeCloseTo(1 - (5 * 10) / 180, 9);
    expect(r.resources["up"]!.bubbleRatio).toBeCloseTo(1 - (5 * 30) / 180, 9);
    expect(r.resources["cloud"]!.bubbleRatio).toBeCloseTo(1 - (5 * 20) / 180, 9);
    // Fill and drain of the bottleneck link: it starts at 10 ms and ends at 160 ms.
    expect(r.resources["up"]!.fillMs).toBe(10);
    expect(r.resources["up"]!.drainMs).toBe(20);
    expect(r.resources["up"]!.internalIdleMs).toBe(0);
  });

  it("the fastest stage waits on its upstream between works (idle caused by the bottleneck)", () => {
    // Cloud (20 ms) after a 30 ms link: each gap of 10 ms inside its active window is 'upstream'.
    const r = run(pipeline({ aMs: 10, sendBytes: 37_500, bMs: 20, m: 5 }), "fixed-split").report;
    const cloud = r.resources["cloud"]!;
    expect(cloud.internalIdleMs).toBe(4 * 10);
    expect(cloud.idleByCauseMs.upstream).toBe(40);
    expect(cloud.idleByCauseMs.starved + cloud.idleByCauseMs.held).toBe(0);
  });
});
