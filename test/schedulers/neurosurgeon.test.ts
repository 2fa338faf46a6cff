// Neurosurgeon picks the cut a hand calculation says is best, and moves it as bandwidth drops.
import { describe, expect, it } from "vitest";
import { run } from "../scenario-runs/helpers.js";

/**
 * Three layers; device (raspberry-pi-4) times a=10, b=10, c=15 ms, cloud (a100) 1 ms each.
 * Tensors: raw input 30,000 B (uint8), a's output 100,000 B, b's 4,000 B (fp32, no header).
 * Uplink latency 5 ms, no return link. Estimated latency of each cut at 8 Mbit/s (1e6 B/s):
 *   input: 0 + 30 + 5 + 3 = 38 ms;  a: 10 + 100 + 5 + 2 = 117;  b: 20 + 4 + 5 + 1 = 30;  c: 35.
 * At 0.8 Mbit/s: input 308, a 1015, b 66, c 35 -> device-only.
 */
function scenario(mbps: number, objective: "latency" | "throughput") {
  return {
    name: "ns",
    model: {
      name: "three",
      input: { shape: [3, 100, 100] },
      layers: [
        { name: "a", outputShape: [25_000], macs: 0, timeMs: { "raspberry-pi-4": 10, a100: 1 } },
        { name: "b", outputShape: [1_000], macs: 0, timeMs: { "raspberry-pi-4": 10, a100: 1 } },
        { name: "c", outputShape: [10], macs: 0, timeMs: { "raspberry-pi-4": 15, a100: 1 } },
      ],
    },
    nodes: { cam: { device: "raspberry-pi-4" }, cloud: { device: "a100" } },
    links: { up: { from: "cam", to: "cloud", bandwidthMbps: mbps, latencyMs: 5 } },
    wire: { headerBytes: 0 },
    workload: { arrivals: { kind: "periodic", fps: 1 }, requests: 3 },
    estimator: "oracle",
    schedulers: ["neurosurgeon"],
    options: { neurosurgeon: { objective } },
  };
}

describe("neurosurgeon", () => {
  it("cuts after b at 8 Mbit/s, where the estimate is 30 ms", () => {
    const { requests } = run(scenario(8, "latency"), "neurosurgeon");
    expect(requests.map((r) => r.cut)).toEqual(["b", "b", "b"]);
    // Unloaded, the real latency equals the estimate: 20 + 4 + 5 + 1 ms.
    expect((requests[0]!.completion - requests[0]!.arrival) / 1e6).toBe(30);
    expect(requests[0]!.bytesSent).toBe(4_000);
  });

  it("keeps everything on the device at 0.8 Mbit/s", () => {
    const { requests } = run(scenario(0.8, "latency"), "neurosurgeon");
    expect(requests.map((r) => r.cut)).toEqual(["c", "c", "c"]);
    expect(requests[0]!.bytesSent).toBe(0);
  });

  it("with objective throughput minimises the slowest stage (b: max(20, 4, 1) = 20 ms)", () => {
    const { requests } = run(scenario(8, "throughput"), "neurosurgeon");
    expect(requests[0]!.cut).toBe("b");
  });
});

describe("fixed-split and cloud-only", () => {
  it("cloud-only sends the raw input as uint8", () => {
    const { requests } = run(scenario(8, "latency"), "cloud-only");
    expect([requests[0]!.cut, requests[0]!.bits, requests[0]!.bytesSent]).toEqual(["input", 8, 30_000]);
    expect((requests[0]!.completion - requests[0]!.arrival) / 1e6).toBe(38);
  });

  it("fixed-split quantizes the boundary tensor to the given bits", () => {
    const s = { ...scenario(8, "latency"), schedulers: ["fixed-split"], options: { "fixed-split": { cut: "a", bits: 4 } } };
    const { requests } = run(s, "fixed-split");
    // 25,000 elements at 4 bits = 12,500 bytes.
    expect([requests[0]!.cut, requests[0]!.bits, requests[0]!.bytesSent]).toEqual(["a", 4, 12_500]);
    expect(requests[0]!.accuracyLossPct).toBeGreaterThan(0);
  });

  it("fixed-split names an unknown cut layer", () => {
    const s = { ...scenario(8, "latency"), schedulers: ["fixed-split"], options: { "fixed-split": { cut: "zz" } } };
    expect(() => run(s, "fixed-split")).toThrow(/no layer 'zz'/);
  });
});
