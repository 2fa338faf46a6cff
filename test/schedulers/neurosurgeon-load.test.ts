// neurosurgeon's latency-load objective, worked by hand. Two layers: l1 and l2 take 8 ms each on the
// Pi, 0 in the cloud; the raw input is 40,000 B (40 ms at 8 Mbit/s = 1 B/µs), l1's output 10,000 B
// (10 ms); no header, no propagation, no downlink. Unloaded: all on the Pi 16 ms, cut at l1 18 ms,
// cloud-only 40 ms, so `latency` keeps all on the Pi.
// At 50 Poisson requests/s: all on the Pi is an M/D/1 at ρ = 0.8: Wq = ρs/(2(1−ρ)) = 32 ms → 48 ms.
// Cut at l1: the Pi at ρ = 0.4 waits 0.4·8/1.2 = 2.67 ms; its departures have SCV 1 − 0.4² = 0.84,
// so the uplink (ρ = 0.5, deterministic) waits (0.84/2)·(0.5/0.5)·10 = 4.2 ms → 24.87 ms.
// Cloud-only saturates the uplink (ρ = 2). So `latency-load` cuts at l1.
import { describe, expect, it } from "vitest";
import { batchMeans, run } from "../scenario-runs/helpers.js";

function scenario(objective: string, arrivals: Record<string, unknown>, requests = 20_000, extra: Record<string, unknown> = {}) {
  return {
    name: "ns-load",
    seed: 5,
    model: {
      name: "two", input: { shape: [40_000] },
      layers: [
        { name: "l1", outputShape: [2_500], macs: 0, timeMs: { "raspberry-pi-4": 8, t4: 0 } },
        { name: "l2", outputShape: [10], macs: 0, timeMs: { "raspberry-pi-4": 8, t4: 0 } },
      ],
    },
    nodes: { pi: { device: "raspberry-pi-4" }, cloud: { device: "t4" } },
    links: { up: { from: "pi", to: "cloud", bandwidthMbps: 8 } },
    wire: { headerBytes: 0 },
    workload: { arrivals, requests },
    estimator: "oracle",
    schedulers: ["neurosurgeon"],
    options: { neurosurgeon: { objective, ...extra } },
  };
}

const latencies = (reqs: readonly { completion: number; arrival: number }[]): number[] => reqs.map((r) => (r.completion - r.arrival) / 1e6);

describe("neurosurgeon latency-load", () => {
  it("at 50 Poisson requests/s it cuts at l1 where latency keeps all on the Pi, and the simulated mean agrees", () => {
    const poisson = { kind: "poisson", ratePerSec: 50 };
    const plain = run(scenario("latency", poisson), "neurosurgeon");
    const loaded = run(scenario("latency-load", poisson), "neurosurgeon");
    expect(new Set(plain.requests.map((r) => r.cut))).toEqual(new Set(["l2"]));
    expect(new Set(loaded.requests.map((r) => r.cut))).toEqual(new Set(["l1"]));
    // All on the Pi is exactly an M/D/1: its mean is 48 ms (P-K); the batch-means CI must hold it.
    const md1 = batchMeans(latencies(plain.requests));
    expect(Math.abs(md1.mean - 48)).toBeLessThan(3 * md1.se + 0.5);
    // The cut at l1 is far better under this load: 24.87 ms by the approximation, which is exact
    // only for Poisson flows (the Pi's departures are smoother), so within 10 %.
    const cut = batchMeans(latencies(loaded.requests));
    expect(cut.mean).toBeLessThan(md1.mean / 1.5);
    expect(Math.abs(cut.mean - 24.87)).toBeLessThan(0.1 * 24.87);
  });

  it("with periodic arrivals at the same rate nothing queues, so it agrees with latency", () => {
    const periodic = { kind: "periodic", fps: 50 };
    expect(run(scenario("latency-load", periodic, 50), "neurosurgeon").requests.every((r) => r.cut === "l2")).toBe(true);
  });

  it("when every cut saturates a stage it takes the least slowest stage (here the cut at l1: 10 ms)", () => {
    const poisson = { kind: "poisson", ratePerSec: 150 }; // all-Pi 16 ms·150 = 2.4; l1: 10 ms·150 = 1.5
    expect(run(scenario("latency-load", poisson, 50), "neurosurgeon").requests.every((r) => r.cut === "l1")).toBe(true);
  });

  it("a closed source needs ratePerSec; the option also overrides a source's rate", () => {
    const closed = { kind: "closed", k: 1 };
    expect(() => run(scenario("latency-load", closed, 5), "neurosurgeon")).toThrow(/neurosurgeon.*ratePerSec.*latency-load needs the offered rate.*closed/s);
    expect(run(scenario("latency-load", closed, 5, { ratePerSec: 50 }), "neurosurgeon").requests.every((r) => r.cut === "l2")).toBe(true);
    expect(() => run(scenario("latency-load", closed, 5, { ratePerSec: 0 }), "neurosurgeon")).toThrow(/ratePerSec must be requests\/s > 0/);
  });
});
