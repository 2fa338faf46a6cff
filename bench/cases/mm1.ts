// Case 2: M/M/1 through splitsim's public API (one station, Poisson arrivals at 50/s,
// exponential service with mean 10 ms). The hand-written side is in mm1-reference.ts, apart so
// that its child process does not load the simulator.
import { generateWorkload, resolveScenarioText, runScenario } from "../../src/index.js";
import { peakRssMB, type CaseResult } from "../lib/result.js";
import { MM1_LAMBDA_PER_SEC, MM1_SERVICE_MS } from "./mm1-reference.js";

/** The scenario of scenarios/examples/mm1.yaml with `requests` requests and no warm-up. */
export function mm1ScenarioText(requests: number): string {
  return `
name: bench-mm1
model:
  name: one-layer
  input: { shape: [1] }
  layers:
    - { name: work, kind: fc, outputShape: [1], macs: 0, timeMs: ${MM1_SERVICE_MS} }
nodes:
  server: { device: jetson-nano }
workload:
  arrivals: { kind: poisson, ratePerSec: ${MM1_LAMBDA_PER_SEC} }
  requests: ${requests}
  warmupRequests: 0
noise: { compute: { kind: exponential } }
schedulers: [device-only]
`;
}

export function mm1Splitsim(requests: number): CaseResult {
  const s = resolveScenarioText(mm1ScenarioText(requests), "bench-mm1.yaml");
  const w0 = performance.now();
  const workload = generateWorkload(s);
  const t0 = performance.now();
  const r = runScenario(s, "device-only", { workload, keepRequests: false });
  const t1 = performance.now();
  return {
    case: "mm1-splitsim",
    size: requests,
    events: r.events,
    seconds: (t1 - t0) / 1e3,
    requests: r.report.requests.completed,
    wallSeconds: (t1 - w0) / 1e3,
    rssMB: peakRssMB(),
    extra: { meanSojournMs: r.report.latencyMs.mean },
  };
}
