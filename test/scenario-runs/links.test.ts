// Links through scenario files: exact transfer times over a profile, and a clear error for a
// transfer that can never finish.
import { describe, expect, it } from "vitest";
import { sec } from "../../src/core/time.js";
import { run } from "./helpers.js";

/** One request at 0.5 s whose raw 750,000-byte input goes cloud-only over the given uplink. */
function oneTransfer(up: Record<string, unknown>) {
  return {
    name: "one-transfer",
    model: { name: "free", input: { shape: [3, 500, 500] }, layers: [{ name: "work", outputShape: [1], macs: 0, timeMs: 0 }] },
    nodes: { phone: { device: "jetson-nano" }, cloud: { device: "a100" } },
    links: { up: { from: "phone", to: "cloud", ...up } },
    wire: { headerBytes: 0 },
    workload: { arrivals: { kind: "file", timesMs: [500] }, requests: 1 },
    schedulers: ["cloud-only"],
  };
}

describe("links in a scenario", () => {
  it("a transfer over a profile with a bandwidth drop ends at the hand-integrated time", () => {
    // 8 Mbit/s (1e6 B/s) until 1 s, then 0.8 Mbit/s (1e5 B/s). 750,000 B from 0.5 s:
    // 500,000 B by 1 s, the other 250,000 B take 2.5 s -> the request completes at 3.5 s.
    const { requests } = run(oneTransfer({ bandwidthProfile: [[0, 8], [1, 0.8]] }), "cloud-only");
    expect(requests[0]!.completion).toBe(sec(3.5));
    expect(requests[0]!.transferNs).toBe(sec(3));
  });

  it("adds the one-way latency after the transmission", () => {
    const { requests } = run(oneTransfer({ bandwidthProfile: [[0, 8], [1, 0.8]], latencyMs: 20 }), "cloud-only");
    expect(requests[0]!.completion).toBe(sec(3.52));
  });

  it("a zero-bandwidth tail without loop is an error naming the link", () => {
    expect(() => run(oneTransfer({ bandwidthProfile: [[0, 8], [1, 0]], loop: false }), "cloud-only")).toThrow(
      /link 'up'.*can never finish/,
    );
  });

  it("on a shared medium the error names the medium, not a link", () => {
    const s = { ...oneTransfer({ medium: "air" }), media: { air: { bandwidthProfile: [[0, 8], [1, 0]], loop: false } } };
    expect(() => run(s, "cloud-only")).toThrow(/medium 'air'.*can never finish/);
  });
});
