// Scheduler instances: `{ name, use, options }` runs one scheduler in several variants side by
// side, each under its own name with its own options; names and options are checked like the rest.
import { describe, expect, it } from "vitest";
import { generateWorkload } from "../../src/scenario/generate-workload.js";
import { loadScenario } from "../../src/scenario/load.js";
import { loadPlugins } from "../../src/scenario/load-plugins.js";
import { runScenario } from "../../src/scenario/run.js";
import { resolveScenarioText } from "../../src/scenario/load.js";

const SETS = ["workload.requests=400", "workload.warmupRequests=0"];
const twoNeurosurgeons = "schedulers=[{name: ns-latency, use: neurosurgeon, options: {objective: latency, bits: 8}}, {name: ns-load, use: neurosurgeon, options: {objective: latency-load, bits: 8}}, device-only]";

describe("scheduler instances", () => {
  it("two neurosurgeons with different objectives run side by side, each with its own options", () => {
    // The neurosurgeon test's two-layer chain, where at 50 Poisson requests/s latency keeps all on
    // the Pi and latency-load cuts at l1 (test/schedulers/neurosurgeon-load.test.ts works it out).
    const text = `
name: two-objectives
seed: 5
model: { name: two, input: { shape: [40000] }, layers: [
  { name: l1, outputShape: [2500], macs: 0, timeMs: { raspberry-pi-4: 8, t4: 0 } },
  { name: l2, outputShape: [10], macs: 0, timeMs: { raspberry-pi-4: 8, t4: 0 } } ] }
nodes: { pi: { device: raspberry-pi-4 }, cloud: { device: t4 } }
links: { up: { from: pi, to: cloud, bandwidthMbps: 8 } }
wire: { headerBytes: 0 }
workload: { arrivals: { kind: poisson, ratePerSec: 50 }, requests: 2000 }
estimator: oracle
schedulers:
  - { name: ns-latency, use: neurosurgeon, options: { objective: latency } }
  - { name: ns-load, use: neurosurgeon, options: { objective: latency-load } }
`;
    const s = resolveScenarioText(text, "t.yaml");
    expect(s.schedulers).toEqual(["ns-latency", "ns-load"]);
    const w = generateWorkload(s);
    const plain = runScenario(s, "ns-latency", { workload: w });
    const loaded = runScenario(s, "ns-load", { workload: w });
    expect(new Set(plain.requests.map((r) => r.cut))).toEqual(new Set(["l2"]));
    expect(new Set(loaded.requests.map((r) => r.cut))).toEqual(new Set(["l1"]));
    expect(plain.report).toMatchObject({ scheduler: "ns-latency", uses: "neurosurgeon", options: { objective: "latency" } });
    expect(loaded.report).toMatchObject({ scheduler: "ns-load", uses: "neurosurgeon", options: { objective: "latency-load" } });
    expect(loaded.report.latencyMs.mean).toBeLessThan(plain.report.latencyMs.mean / 1.5);
  });

  it("from --set on the quickstart, next to a plain scheduler (which has no `uses`)", () => {
    const s = loadScenario("scenarios/quickstart.yaml", { sets: [...SETS, twoNeurosurgeons] });
    const reports = s.schedulers.map((n) => runScenario(s, n).report);
    expect(reports.map((r) => [r.scheduler, r.uses])).toEqual([["ns-latency", "neurosurgeon"], ["ns-load", "neurosurgeon"], ["device-only", undefined]]);
  });

  it("an instance of a plug-in gets its own options, checked by the plug-in", async () => {
    const s = loadScenario("scenarios/examples/offload-when-busy.yaml", {
      sets: ["workload.requests=200", "workload.warmupRequests=0", "schedulers=[{name: eager, use: ./policies/offload-when-busy.ts, options: {threshold: 1}}, {name: patient, use: ./policies/offload-when-busy.ts, options: {threshold: 3}}]", "options={}"],
    });
    const source = await loadPlugins(s, "offload-when-busy.yaml");
    const [eager, patient] = ["eager", "patient"].map((n) => runScenario(s, n, { schedulers: source }).report);
    expect(eager!.uses).toBe("offload-when-busy");
    // A higher threshold keeps more frames on the device.
    expect((patient!.policy as { local: number }).local).toBeGreaterThan((eager!.policy as { local: number }).local);
    const bad = loadScenario("scenarios/examples/offload-when-busy.yaml", { sets: ["schedulers=[{name: eager, use: ./policies/offload-when-busy.ts, options: {threshold: 0}}]", "options={}"] });
    await expect(loadPlugins(bad, "offload-when-busy.yaml")).rejects.toThrow(/schedulers\.0\.options\.threshold/);
  });

  const problems = (set: string): string => {
    try {
      loadScenario("scenarios/quickstart.yaml", { sets: [...SETS, set] });
      return "";
    } catch (e) {
      return (e as Error).message;
    }
  };

  it("checks names, uses and options where they are written", () => {
    expect(problems("schedulers=[{name: neurosurgeon, use: neurosurgeon}]")).toMatch(/schedulers\.0\.name: 'neurosurgeon' is a scheduler's own name/);
    expect(problems("schedulers=[{name: a, use: neurosurgeom}]")).toMatch(/schedulers\.0\.use: no scheduler named 'neurosurgeom' \(did you mean 'neurosurgeon'\?\)/);
    expect(problems("schedulers=[{name: a, use: neurosurgeon, options: {objective: speed}}]")).toMatch(/schedulers\.0\.options\.objective:/);
    expect(problems("schedulers=[{name: a, use: cloud-only}, {name: a, use: device-only}]")).toMatch(/schedulers\.1: 'a' is listed twice/);
    expect(problems("schedulers=[{name: 'a b', use: cloud-only}]")).toMatch(/schedulers\.0\.name: must be letters, digits/);
    expect(problems("options.a={bits: 8}")).toMatch(/options\.a: no scheduler named 'a'/);
  });
});
