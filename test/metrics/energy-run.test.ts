// Energy in whole runs (docs/energy.md): each node's idle and busy energy follow from the report's
// own busy time and window with the device's power, the end device's energy per request is its compute
// time at busy power (plus radio), requests.csv carries it, and the figures are deterministic.
import { describe, expect, it } from "vitest";
import { requestsCsv } from "../../src/metrics/csv.js";
import { resolveScenarioText } from "../../src/scenario/load.js";
import { runScenario } from "../../src/scenario/run.js";

const scenario = (extra = "") => resolveScenarioText(`name: energy
model: alexnet
nodes:
  cam: { device: jetson-nano }
  edge: { device: t4, servers: 2, maxBatch: 4, batchTimeoutMs: 2 }
links:
  up: { from: cam, to: edge, bandwidthMbps: 80, latencyMs: 2, technology: wifi }
  down: { from: edge, to: cam, bandwidthMbps: 80, latencyMs: 2, technology: wifi }
workload: { arrivals: { kind: poisson, ratePerSec: 30 }, requests: 300, warmupRequests: 20 }
noise: { compute: { kind: lognormal, cv: 0.1 } }
schedulers: [device-only, cloud-only, neurosurgeon]
${extra}`, "energy.yaml");

// Nano: idle 1.022 W, busy 10 W; T4: idle 10 W, busy 70 W (device-power.ts).
const POWER: Record<string, { idleW: number; busyW: number }> = { cam: { idleW: 1.022, busyW: 10 }, edge: { idleW: 10, busyW: 70 } };

describe("energy over a run", () => {
  for (const scheduler of ["device-only", "cloud-only", "neurosurgeon"]) {
    it(`${scheduler}: idle energy = (servers × window − busy) × idle power, busy energy = busy × busy power, per node`, () => {
      const r = runScenario(scenario(), scheduler).report;
      for (const [name, p] of Object.entries(POWER)) {
        const res = r.resources[name]!;
        const n = r.energy!.nodes[name]!;
        // ms × W / 1e3 = J; the report's ms are exact to the ns, its J to the nJ.
        expect(n.idleJ!).toBeCloseTo(((res.servers * r.makespanMs - res.busyMs) * p.idleW) / 1e3, 8);
        expect(n.busyJ!).toBeCloseTo((res.busyMs * p.busyW) / 1e3, 8);
        expect(n.totalJ).toBeCloseTo(n.idleJ! + n.busyJ! + n.sendJ + n.receiveJ, 8);
      }
      expect(r.energy!.totalJ).toBeCloseTo(r.energy!.nodes["cam"]!.totalJ + r.energy!.nodes["edge"]!.totalJ, 8);
      expect(r.energy!.complete).toBe(true);
    });
  }

  it("device-only: a request's end-device energy is its compute time at the Nano's busy 10 W", () => {
    const { report, requests } = runScenario(scenario(), "device-only");
    for (const q of requests) expect(q.deviceEnergyJ).toBeCloseTo((q.computeNs * 10) / 1e9, 12);
    const measured = requests.filter((q) => q.id >= 20 && !q.dropped);
    const mean = measured.reduce((s, q) => s + q.deviceEnergyJ, 0) / measured.length;
    expect(report.energy!.endDevice.perRequestJ).toBeCloseTo(mean, 9);
    expect(report.energy!.endDevice.requests).toBe(measured.length);
  });

  it("requests.csv has each request's end-device energy in deviceEnergyJ", () => {
    const { requests } = runScenario(scenario(), "neurosurgeon");
    const [head, ...rows] = requestsCsv(requests).trim().split("\n");
    const col = head!.split(",").indexOf("deviceEnergyJ");
    expect(col).toBeGreaterThan(0);
    rows.forEach((row, i) => expect(Number(row.split(",")[col])).toBeCloseTo(requests[i]!.deviceEnergyJ, 9));
  });

  it("the same scenario and seed give byte-identical energy figures", () => {
    const a = runScenario(scenario(), "neurosurgeon").report.energy;
    const b = runScenario(scenario(), "neurosurgeon").report.energy;
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it("a scenario's own device power is used: fp16 busy power at an fp16 node", () => {
    const s = scenario(`devices:
  nano-measured: { class: edge, peakFlops: { fp32: 2.359e11, fp16: 4.719e11, int8: 4.719e11 }, efficiency: 1, memBytesPerSec: 2.56e10,
    layerOverheadMs: 0.25, power: { idleW: 1.5, busyW: { fp32: 9, fp16: 6 } } }
`);
    const custom = { ...s, nodes: s.nodes.map((n) => (n.name === "cam" ? { ...n, device: "nano-measured", precision: "fp16" as const } : n)) };
    const { report, requests } = runScenario(custom, "device-only");
    expect(report.energy!.nodes["cam"]!.busyW).toBe(6);
    expect(report.energy!.nodes["cam"]!.idleW).toBe(1.5);
    for (const q of requests) expect(q.deviceEnergyJ).toBeCloseTo((q.computeNs * 6) / 1e9, 12);
  });
});
