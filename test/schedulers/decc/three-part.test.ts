// Three-part plans (device → target → device): a chain whose last layer is cheap on the device and
// slow on the target. By hand, at 1,000 B per ms both ways, no header, no propagation:
//   device-only 10 + 100 + 1 = 111 ms; cloud-only 1 (input) + 5 + 5 + 50 + 0.04 (result) = 61.04;
//   cut l1 10 + 4 + 55 + 0.04 = 69.04; three parts (input, l2): 1 + 10 + 1 (l2's output back) + 1 = 13;
//   (l1, l2): 10 + 4 + 5 + 1 + 1 = 21; (input, l1): 1 + 5 + 4 + 101 = 111.
import { describe, expect, it } from "vitest";
import { run } from "../../scenario-runs/helpers.js";

function scenario(parts: string, links: "both" | "up" = "both") {
  return {
    name: "three-part",
    model: {
      name: "tail-heavy",
      input: { shape: [1000] },
      layers: [
        { name: "l1", outputShape: [1000], macs: 0, timeMs: { "jetson-nano": 10, t4: 5 } }, // 4,000 B
        { name: "l2", outputShape: [250], macs: 0, timeMs: { "jetson-nano": 100, t4: 5 } }, // 1,000 B
        { name: "l3", outputShape: [10], macs: 0, timeMs: { "jetson-nano": 1, t4: 50 } }, // 40 B
      ],
    },
    nodes: { cam: { device: "jetson-nano" }, cloud: { device: "t4" } },
    links: {
      up: { from: "cam", to: "cloud", bandwidthMbps: 8 },
      ...(links === "both" ? { down: { from: "cloud", to: "cam", bandwidthMbps: 8 } } : {}),
    },
    wire: { headerBytes: 0 },
    workload: { arrivals: { kind: "batch" }, requests: 1 },
    estimator: "oracle",
    schedulers: ["decc"],
    options: { decc: { objective: "latency", parts } },
  };
}

const flow = (policy: Record<string, unknown> | undefined) => (policy!["flows"] as Record<string, unknown>[])[0]!;

describe("decc: three-part plans", () => {
  it("parts: three sends the input up and l2's output back: 13 ms planned and simulated", () => {
    const { requests, report } = run(scenario("three"), "decc");
    expect(flow(report.policy)["frontier"]).toBe("device → target → device, cuts input and l2");
    expect(flow(report.policy)["predictedMakespanMs"]).toBe(13);
    expect(requests[0]!.completion - requests[0]!.arrival).toBe(13_000_000);
    expect(requests[0]!.bytesSent).toBe(1000);
  });

  it("parts: two (the default) keeps cloud-only, 61.04 ms", () => {
    const { requests, report } = run(scenario("two"), "decc");
    expect(flow(report.policy)["frontier"]).toBe("cloud-only");
    expect(requests[0]!.completion - requests[0]!.arrival).toBe(61_040_000);
  });

  it("without a link back, parts: three falls back to two parts with a note", () => {
    const { report } = run(scenario("three", "up"), "decc");
    expect(flow(report.policy)["frontier"]).toBe("cloud-only");
    expect(report.policy!["notes"]).toContain("parts: three needs a link back from the target: two-part plans only for source 0");
  });
});
