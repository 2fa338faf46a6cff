// Shared by the COACH tests: the hand chain (see hand-chain.test.ts for the numbers).

/** Loss per tensor in points, by bits: 2–3 bits 3.0, 4: 0.8, 5: 0.6, 6: 0.4, 7–8: 0.1, 16–32: 0. */
const LOSS = { "2": 3.0, "3": 3.0, "4": 0.8, "5": 0.6, "6": 0.4, "7": 0.1, "8": 0.1, "16": 0, "32": 0 };

/** The hand chain on jetson-xavier-nx → a100 at 100 Mbit/s, no header, oracle; coach offline-only, free quantizing. */
export function handChain(scheduler: string, workload: Record<string, unknown>, options: Record<string, unknown> = {}) {
  return {
    name: "coach-hand-chain",
    model: {
      name: "chain",
      input: { shape: [1_000_000] },
      layers: [
        { name: "L1", outputShape: [250_000], macs: 0, timeMs: { "jetson-xavier-nx": 4, a100: 1 } },
        { name: "L2", outputShape: [62_500], macs: 0, timeMs: { "jetson-xavier-nx": 6, a100: 1.5 } },
        { name: "L3", outputShape: [10], macs: 0, timeMs: { "jetson-xavier-nx": 10, a100: 2.5 } },
      ],
    },
    nodes: { cam: { device: "jetson-xavier-nx" }, cloud: { device: "a100" } },
    links: { up: { from: "cam", to: "cloud", bandwidthMbps: 100 } },
    wire: { headerBytes: 0 },
    accuracy: { chain: { default: LOSS } },
    workload,
    estimator: "oracle",
    schedulers: [scheduler],
    options: { [scheduler]: scheduler === "coach" ? { mode: "offline-only", quantizeCost: "none", ...options } : options },
  };
}

