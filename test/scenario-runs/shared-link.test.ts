// discipline: shared — concurrent transfers share the link's rate equally (processor sharing).
import { describe, expect, it } from "vitest";
import { ms } from "../../src/core/time.js";
import { run } from "./helpers.js";

/** Requests whose raw input (30,000 B at 8 Mbit/s = 1e6 B/s: 30 ms alone) goes cloud-only. */
function scenario(timesMs: number[], discipline: "fifo" | "shared", inputShape = [3, 100, 100]) {
  return {
    name: "shared",
    model: { name: "free", input: { shape: inputShape }, layers: [{ name: "work", outputShape: [1], macs: 0, timeMs: 0 }] },
    nodes: { phone: { device: "jetson-nano" }, cloud: { device: "a100", servers: 4 } },
    links: { up: { from: "phone", to: "cloud", bandwidthMbps: 8, discipline } },
    wire: { headerBytes: 0 },
    workload: { arrivals: { kind: "file", timesMs }, requests: timesMs.length },
    schedulers: ["cloud-only"],
  };
}

describe("shared links", () => {
  it("two equal transfers started together finish together at twice the single-transfer time", () => {
    const { requests } = run(scenario([0, 0], "shared"), "cloud-only");
    expect(requests.map((r) => r.completion)).toEqual([ms(60), ms(60)]);
  });

  it("a fifo link sends them one after the other instead", () => {
    const { requests } = run(scenario([0, 0], "fifo"), "cloud-only");
    expect(requests.map((r) => r.completion)).toEqual([ms(30), ms(60)]);
  });

  it("recomputes completions when a transfer joins", () => {
    // A (30,000 B) alone from 0 to 10 ms: 10,000 B. From 10 ms B (30,000 B) shares: each gets
    // 0.5e6 B/s; A's remaining 20,000 B take 40 ms -> A ends at 50 ms, B has 20,000 B done,
    // then 10,000 B alone at 1e6 B/s -> B ends at 60 ms.
    const { requests, report } = run(scenario([0, 10], "shared"), "cloud-only");
    expect(requests.map((r) => r.completion)).toEqual([ms(50), ms(60)]);
    expect(report.resources["up"]!.busyMs).toBe(60);
  });
});
