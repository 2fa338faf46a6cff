// The hand chain: input 1,000,000 elements (1 MB as uint8: 80 ms at 100 Mbit/s); L1 → 250,000
// and L2 → 62,500 elements; device 4, 6, 10 ms, cloud 1, 1.5, 2.5 ms; loss per tensor 2–3 bits 3.0,
// 4: 0.8, 5: 0.6, 6: 0.4, 7–8: 0.1, 16–32: 0; budget 0.5. By hand (12.5 MB/s, no header):
//   device-only: bottleneck 20 ms; cloud-only: 80 ms on the link;
//   after L1 at 6 bits (the fewest within 0.5): 187,500 B = 15 ms on the link; stages (4, 15, 4);
//   after L2 at 6 bits: 46,875 B = 3.75 ms; stages (10, 3.75, 2.5): bottleneck 10 ms, the best.
// So 100 frames/s saturated and 16.25 ms unqueued; neurosurgeon (latency, 32 bits) runs
// device-only: 20 ms, 50 frames/s (L2 at 32 bits: 10 + 20 + 2.5 = 32.5 ms).
import { describe, expect, it } from "vitest";
import { run } from "../../scenario-runs/helpers.js";
import { handChain } from "./helpers.js";

const one = { arrivals: { kind: "batch" }, requests: 1 };
const saturated = { arrivals: { kind: "batch" }, requests: 1000 };

describe("coach: the hand chain", () => {
  it("cuts after L2 at 6 bits: stages (10, 3.75, 2.5) ms, 16.25 ms unqueued", () => {
    const { requests, report } = run(handChain("coach", one), "coach");
    const plan = (report.policy!["plans"] as Record<string, unknown>[])[0]!;
    expect(plan["cut"]).toBe("L2");
    expect(plan["tensorBits"]).toEqual([6]);
    expect(plan["lossPct"]).toBeCloseTo(0.4, 12);
    expect(plan["stagesMs"]).toEqual({ device: 10, uplink: 3.75, target: 2.5, downlink: 0 });
    expect(requests[0]!.completion - requests[0]!.arrival).toBe(16_250_000);
    expect(requests[0]!.bytesSent).toBe(46_875);
    expect(requests[0]!.accuracyLossPct).toBeCloseTo(0.4, 12);
  });

  it("saturated, it serves 100 frames/s (± 1 %)", () => {
    const { report } = run(handChain("coach", saturated), "coach");
    expect(Math.abs(report.throughputPerSec / 100 - 1)).toBeLessThan(0.01);
  });

  it("neurosurgeon (latency, 32 bits) runs device-only: 20 ms, 50 frames/s", () => {
    const single = run(handChain("neurosurgeon", one), "neurosurgeon");
    expect(single.requests[0]!.cut).toBe("L3");
    expect(single.requests[0]!.completion - single.requests[0]!.arrival).toBe(20_000_000);
    expect(Math.abs(run(handChain("neurosurgeon", saturated), "neurosurgeon").report.throughputPerSec / 50 - 1)).toBeLessThan(0.01);
  });

  it("search: exact agrees on this chain", () => {
    const { report } = run(handChain("coach", one, { search: "exact" }), "coach");
    const plan = (report.policy!["plans"] as Record<string, unknown>[])[0]!;
    expect([plan["cut"], plan["tensorBits"]]).toEqual(["L2", [6]]);
  });
});
