// Shared by the BPS tests: the hand model (chain a → b) as a scenario, and a run of one
// BPS configuration on it.
import { runScenario, type RunResult } from "../../../src/scenario/run.js";
import { scenarioFrom } from "../../scenario-runs/helpers.js";

/**
 * Chain a → b. Per layer: jetson-xavier-nx 10 ms at batch 1, 24 ms at 4; t4 2 and 4 ms. Raw input
 * 50,000 elements (uint8 on the wire), a's output 3,125 × 4 = 12,500 bytes fp32; 10 Mbit/s, δ 0,
 * no header, no return link. Arrivals (periodic, `fps`) above every configuration's capacity.
 */
export function handModel(options: Record<string, unknown>, extra: { fps?: number; requests?: number; bandwidthMbps?: number } = {}) {
  const t = { "jetson-xavier-nx": { 1: 10, 4: 24 }, t4: { 1: 2, 4: 4 } };
  return {
    name: "bps-hand",
    seed: 1,
    model: {
      name: "ab", input: { shape: [50_000] },
      layers: [
        { name: "a", outputShape: [3_125], macs: 0, timeMs: t },
        { name: "b", outputShape: [10], macs: 0, timeMs: t },
      ],
    },
    nodes: { dev: { device: "jetson-xavier-nx", maxBatch: 4 }, cloud: { device: "t4", maxBatch: 4 } },
    links: { up: { from: "dev", to: "cloud", bandwidthMbps: extra.bandwidthMbps ?? 10 } },
    wire: { headerBytes: 0 },
    workload: { arrivals: { kind: "periodic", fps: extra.fps ?? 400 }, requests: extra.requests ?? 2000 },
    estimator: "oracle",
    schedulers: ["bps"],
    // No arrival is dropped for a full hold (maxHeld): the hand numbers count every request.
    options: { bps: { maxHeld: 1_000_000, ...options } },
  };
}

export function runBps(options: Record<string, unknown>, extra: Parameters<typeof handModel>[1] = {}): RunResult {
  return runScenario(scenarioFrom(handModel(options, extra)), "bps");
}

/** One configuration, as bps's `actions` list item. */
export const only = (cut: number | string, batch: number, alpha = 0, more: Record<string, unknown> = {}) =>
  ({ mode: "dp", actions: [{ cut, batch, alpha, ...more }] });
