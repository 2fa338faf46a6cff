// Case 5: many resources. D end devices (one source each, Poisson at 30 fps) share one uplink into
// a cloud node of G = D/8 A100s (servers: G, batching up to 8). The topology routes a request
// over the first link leaving its origin, so the D devices are modelled as one end node with D
// servers (each device's own processor) and D sources; the one uplink is what they share.
// Bandwidth grows with D so the load per resource stays the same (uplink ρ ≈ 0.6) and only the
// number of resources, sources and pending events grows. A second, untimed and shorter run
// measures the pending events seen by arrivals (time averages, by PASTA).
import { resolveScenarioText, runScenario, generateWorkload, Simulator, type Observer } from "../../src/index.js";
import { peakRssMB, type CaseResult } from "../lib/result.js";

export interface ManyOptions {
  devices: number;
  /** fifo: one transfer at a time; shared: processor sharing among concurrent transfers. */
  discipline: "fifo" | "shared";
}

const FPS = 30;
/** Uplink Mbit/s per device: 30 fps × ~1.2 Mbit per 8-bit ResNet-50 input ≈ 36 Mbit/s, so ρ ≈ 0.6. */
const MBPS_PER_DEVICE = 60;

export function manyScenarioText(o: ManyOptions, requestsPerDevice: number): string {
  const gpus = Math.max(1, Math.round(o.devices / 8));
  const sources = Array.from(
    { length: o.devices },
    () => `  - { at: cams, arrivals: { kind: poisson, ratePerSec: ${FPS} }, requests: ${requestsPerDevice} }`,
  ).join("\n");
  return `
name: bench-many-${o.devices}-${o.discipline}
seed: 1
model: resnet50
nodes:
  cams: { device: jetson-nano, servers: ${o.devices} }
  cloud: { device: a100, servers: ${gpus}, maxBatch: 8, batchTimeoutMs: 2 }
links:
  up: { from: cams, to: cloud, bandwidthMbps: ${o.devices * MBPS_PER_DEVICE}, latencyMs: 10, discipline: ${o.discipline} }
  down: { from: cloud, to: cams, bandwidthMbps: 1000, latencyMs: 10 }
sources:
${sources}
noise: { compute: { kind: lognormal, cv: 0.05 } }
schedulers: [cloud-only]
`;
}

/** Mean and max of Simulator.pending seen at arrivals, from a run of `requests` requests. */
export function probePending(o: ManyOptions, requests: number): { mean: number; max: number } {
  const s = resolveScenarioText(manyScenarioText(o, Math.max(1, Math.round(requests / o.devices))), "bench-many.yaml");
  // runScenario does not expose its Simulator: catch it when run() starts (this run only).
  const proto = Simulator.prototype;
  const run = proto.run;
  let sim: Simulator | null = null;
  proto.run = function (this: Simulator, until?: number) {
    sim = this;
    return run.call(this, until);
  };
  let sum = 0;
  let n = 0;
  let max = 0;
  const probe: Observer = {
    onArrive() {
      const p = sim!.pending;
      sum += p;
      n++;
      if (p > max) max = p;
    },
  };
  try {
    runScenario(s, "cloud-only", { observers: [probe], keepRequests: false });
  } finally {
    proto.run = run;
  }
  return { mean: n > 0 ? sum / n : 0, max };
}

export function manyResources(o: ManyOptions, requests: number, probeRequests = Math.min(requests, 20_000)): CaseResult {
  const s = resolveScenarioText(manyScenarioText(o, Math.max(1, Math.round(requests / o.devices))), "bench-many.yaml");
  const w0 = performance.now();
  const workload = generateWorkload(s);
  const t0 = performance.now();
  const r = runScenario(s, "cloud-only", { workload, keepRequests: false });
  const t1 = performance.now();
  const rssMB = peakRssMB();
  const pending = probePending(o, probeRequests);
  const res = Object.values(r.report.resources);
  return {
    case: `many-${o.discipline}-${o.devices}`,
    size: r.report.requests.admitted,
    events: r.events,
    seconds: (t1 - t0) / 1e3,
    requests: r.report.requests.completed + r.report.requests.dropped,
    wallSeconds: (t1 - w0) / 1e3,
    rssMB,
    extra: {
      devices: o.devices,
      gpus: Math.max(1, Math.round(o.devices / 8)),
      servers: res.reduce((a, x) => a + x.servers, 0),
      meanPending: pending.mean,
      maxPending: pending.max,
      uplinkUtilisation: r.report.resources["up"]?.utilisation ?? NaN,
      meanLatencyMs: r.report.latencyMs.mean,
    },
  };
}
