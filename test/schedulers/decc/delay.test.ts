// Delay awareness (coach-decc.md §2.3.4): the predicted delay is the makespan plus a
// Pollaczek–Khinchine wait per resource; against the simulator on M/D/1, and against the
// latency objective where the fastest plan would saturate the device.
import { describe, expect, it } from "vitest";
import { run } from "../../scenario-runs/helpers.js";

const flowOf = (policy: Record<string, unknown> | undefined) => (policy!["flows"] as Record<string, unknown>[])[0]!;

describe("decc: M/D/1 on one node", () => {
  it("at ρ = 0.5 predicts 1.5 × the service time, and 50,000 simulated requests agree within 3 %", () => {
    // One 10 ms layer, Poisson at 50/s: ρ = 0.5, W = ρS / (2(1 − ρ)) = 5 ms, delay = 15 ms.
    const scenario = {
      name: "md1",
      model: { name: "one", input: { shape: [10] }, layers: [{ name: "l1", outputShape: [10], macs: 0, timeMs: { "jetson-nano": 10 } }] },
      nodes: { cam: { device: "jetson-nano" } },
      workload: { arrivals: { kind: "poisson", ratePerSec: 50 }, requests: 50_000 },
      schedulers: ["decc"],
    };
    const { report } = run(scenario, "decc");
    const flow = flowOf(report.policy);
    expect(flow["predictedMakespanMs"]).toBe(10);
    expect(flow["predictedDelayMs"]).toBe(15);
    expect(flow["frontier"]).toBe("device-only");
    expect(Math.abs(report.latencyMs.mean / 15 - 1)).toBeLessThan(0.03);
    expect(report.policy!["notes"]).toEqual(["model one has no fork–join region: single cuts only"]);
  });
});

describe("decc: delay against latency at a high rate", () => {
  // Device-only takes 12 ms (the fastest single request: cut l1 takes 6 + 6 + 1 = 13 ms), so at
  // 100 requests/s it needs ρ = 1.2 of the device; cut l1 loads device 0.6, uplink 0.6, target 0.1.
  const scenario = (objective: string) => ({
    name: "high-rate",
    model: {
      name: "two",
      input: { shape: [20_000] }, // 20,000 B as uint8: 20 ms at 8 Mbit/s
      layers: [
        { name: "l1", outputShape: [1500], macs: 0, timeMs: { "jetson-nano": 6, t4: 1 } }, // 6,000 B: 6 ms
        { name: "l2", outputShape: [10], macs: 0, timeMs: { "jetson-nano": 6, t4: 1 } },
      ],
    },
    nodes: { cam: { device: "jetson-nano" }, cloud: { device: "t4" } },
    links: { up: { from: "cam", to: "cloud", bandwidthMbps: 8 } },
    wire: { headerBytes: 0 },
    workload: { arrivals: { kind: "poisson", ratePerSec: 100 }, requests: 3000 },
    estimator: "oracle",
    schedulers: ["decc"],
    options: { decc: { objective } },
  });

  it("latency picks device-only (ρ = 1.2), delay the cut at l1; delay has the higher throughput, lower latency, calmer busiest resource", () => {
    const lat = run(scenario("latency"), "decc").report;
    const del = run(scenario("delay"), "decc").report;
    expect(flowOf(lat.policy)["frontier"]).toBe("device-only");
    expect(flowOf(del.policy)["frontier"]).toBe("cut l1");
    const u = flowOf(del.policy)["utilisation"] as Record<string, number>;
    for (const [r, x] of Object.entries({ device: 0.6, uplink: 0.6, target: 0.1, downlink: 0 })) expect(u[r]).toBeCloseTo(x, 9);
    expect(del.throughputPerSec).toBeGreaterThan(lat.throughputPerSec);
    expect(del.latencyMs.mean).toBeLessThan(lat.latencyMs.mean);
    const busiest = (r: typeof lat) => Math.max(...Object.values(r.resources).map((x) => x.utilisation));
    expect(busiest(del)).toBeLessThan(busiest(lat));
    expect(lat.stable).toBe(false);
    expect(del.stable).toBe(true);
  });
});
