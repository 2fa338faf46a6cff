// The example plug-in of docs/schedulers/writing-a-scheduler.md, tested the way the doc tells a
// researcher to test a policy: a tiny scenario whose times are round numbers, and the schedule
// worked out by hand.
import { describe, expect, it } from "vitest";
import factory from "../../scenarios/examples/policies/offload-when-busy.js";
import { runScenario } from "../../src/scenario/run.js";
import { scenarioFrom } from "../scenario-runs/helpers.js";

// A 3×100×100 input (a raw frame is 30,000 B + a 16 B header), 50 ms on the device and 2 ms in
// the cloud, a 10-class result (40 B + 16 B); links of 8 Mbit/s = 10^6 B/s, no latency; 30 fps.
const scenario = scenarioFrom({
  name: "owb",
  model: { name: "net", input: { shape: [3, 100, 100] }, layers: [{ name: "all", outputShape: [10], macs: 0, timeMs: { "jetson-nano": 50, a100: 2 } }] },
  nodes: { phone: { device: "jetson-nano" }, cloud: { device: "a100" } },
  links: { up: { from: "phone", to: "cloud", bandwidthMbps: 8 }, down: { from: "cloud", to: "phone", bandwidthMbps: 8 } },
  workload: { arrivals: { kind: "periodic", fps: 30 }, requests: 4 },
});

describe("offload-when-busy (the example plug-in)", () => {
  it("runs a frame locally when the device is idle and offloads it when the device is busy", () => {
    const { requests, report } = runScenario(scenario, factory.create({ threshold: 1 }));
    // Frames every 33,333,333 ns. f0 (0): device idle -> local, 50 ms. f1 (33.3 ms): f0 still runs
    // -> offload: 30.016 ms up + 2 ms + 0.056 ms down = 32.072 ms. f2 (66.7 ms): device idle since
    // 50 ms -> local, 50 ms. f3 (100 ms): f2 runs until 116.7 ms -> offload; the link is free: 32.072 ms.
    expect(requests.map((r) => r.outcome?.mode)).toEqual(["local", "offload", "local", "offload"]);
    expect(requests.map((r) => r.outcome?.["deviceBacklog"])).toEqual([0, 1, 0, 1]);
    expect(requests.map((r) => r.completion - r.arrival)).toEqual([50e6, 32_072_000, 50e6, 32_072_000]);
    expect(report.policy).toEqual({ local: 2, offloaded: 2 });
  });

  it("with a threshold of 2 a frame waits behind one running frame, and leaves when one more waits", () => {
    const { requests } = runScenario(scenario, factory.create({ threshold: 2 }));
    // f1 (33.3 ms) finds f0 running (backlog 1 < 2) -> local, queued: runs 50-100 ms. f2 (66.7 ms)
    // finds f1 running -> local: runs 100-150 ms. f3 arrives at 3 × 33,333,333 = 99,999,999 ns, just
    // before f1 ends: f1 running + f2 waiting = 2 -> offload, done 32.072 ms later at 132,071,999 ns.
    expect(requests.map((r) => r.outcome?.mode)).toEqual(["local", "local", "local", "offload"]);
    expect(requests.map((r) => r.completion)).toEqual([50e6, 100e6, 150e6, 132_071_999]);
  });

  it("rejects a threshold below 1 with the option's path", () => {
    expect(() => factory.create({ threshold: 0 })).toThrow(/options\.offload-when-busy\.threshold/);
  });
});
