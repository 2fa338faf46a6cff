// The splitsim side of bench section 6 against a hand calculation (no SimPy needed): the pipeline of
// bench/reference/pipeline-exp.yaml at 2e5 requests, stage by stage. The device is M/M/1, and by
// Burke's theorem its departures are Poisson, so the link is exactly M/D/1 plus a constant latency;
// those two stages have closed forms. The cloud is fed by the M/D/1's departures, which are not
// Poisson (smoother), so it has none: its sojourn is checked against D/M/1 and M/M/1 as a range and
// the whole mean against the two-moment (QNA) estimate. And the SimPy script's constants must be the
// scenario's, or the bench would compare two different models.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadScenario, runScenario, type Observer, type ResourceInfo } from "../../src/index.js";
import type { Request } from "../../src/workload/request.js";
import type { Work } from "../../src/workload/work.js";

const SCENARIO = "bench/reference/pipeline-exp.yaml";
const LAMBDA = 50; // /s
const MU = 100; // /s at each server: rho = 0.5 everywhere
const LATENCY_MS = 5;
const rho = LAMBDA / MU;

/** M/M/1 sojourn, ms. */
const mm1 = 1e3 / (MU - LAMBDA);
/** M/D/1 sojourn (Pollaczek–Khinchine with zero service variance), ms: rho/(2 mu (1 - rho)) + 1/mu. */
const md1 = 1e3 * (rho / (2 * MU * (1 - rho)) + 1 / MU);
/** D/M/1 sojourn, ms: 1/(mu (1 - sigma)) with sigma = exp(-(mu/lambda)(1 - sigma)), the smoothest input. */
const dm1 = (() => {
  let sigma = 0.5;
  for (let i = 0; i < 200; i++) sigma = Math.exp(-(MU / LAMBDA) * (1 - sigma));
  return 1e3 / (MU * (1 - sigma));
})();
/** QNA: departures of M/D/1 have ca² = rho²·cs² + (1 - rho²)·ca² = 0.75; the cloud waits rho/(1-rho)·(ca² + 1)/2 services. */
const qnaCloud = 1e3 / MU + (rho / (1 - rho)) * ((1 - rho * rho + 1) / 2) * (1e3 / MU);

describe("pipeline-exp.yaml against the hand calculation", () => {
  it("device is M/M/1, link is M/D/1 + latency (exact), cloud within D/M/1..M/M/1, whole mean near QNA", () => {
    const s = loadScenario(SCENARIO);
    const n = s.sources[0]!.requests;
    expect(n).toBe(200_000);
    const arrival = new Float64Array(n);
    const deviceEnd = new Float64Array(n);
    const delivered = new Float64Array(n);
    let ids: Record<string, number> = {};
    let cloudSum = 0;
    const observer: Observer = {
      onSetup: (rs: readonly ResourceInfo[]) => void (ids = Object.fromEntries(rs.map((r, i) => [r.id, i]))),
      onArrive: (req: Request, t: number) => void (arrival[req.id] = t),
      onStepEnd: (w: Work, res: number, t: number) => {
        if (res === ids["device"]) deviceEnd[w.req.id] = t;
        else if (res === ids["up"]) delivered[w.req.id] = t;
      },
      onComplete: (req: Request, t: number) => void (cloudSum += t - delivered[req.id]!),
    };
    const r = runScenario(s, "fixed-split", { keepRequests: false, check: false, observers: [observer] });
    expect(r.report.requests.completed).toBe(n);
    let dev = 0;
    let link = 0;
    for (let i = 0; i < n; i++) {
      dev += deviceEnd[i]! - arrival[i]!;
      link += delivered[i]! - deviceEnd[i]!;
    }
    const meanMs = (sumNs: number): number => sumNs / n / 1e6;
    const [device, uplink, cloud] = [meanMs(dev), meanMs(link), meanMs(cloudSum)];
    // 2e5 requests at rho = 0.5: the standard error of a stage's mean is about 0.5 %.
    expect(Math.abs(device / mm1 - 1)).toBeLessThan(0.02);
    expect(Math.abs(uplink / (md1 + LATENCY_MS) - 1)).toBeLessThan(0.02);
    expect(cloud).toBeGreaterThan(dm1);
    expect(cloud).toBeLessThan(mm1);
    expect(r.report.latencyMs.mean).toBeCloseTo(device + uplink + cloud, 6);
    const hand = mm1 + md1 + LATENCY_MS + qnaCloud;
    expect(hand).toBeCloseTo(58.75, 6);
    expect(dm1).toBeCloseTo(12.55, 1);
    expect(Math.abs(r.report.latencyMs.mean / hand - 1)).toBeLessThan(0.04);
  });

  it("the SimPy reference models the same pipeline (rates, means, bytes, bandwidth, latency)", () => {
    const y = parse(readFileSync(SCENARIO, "utf8")) as {
      model: { layers: { timeMs: number; outputBytes: number }[] };
      links: { up: { bandwidthMbps: number; latencyMs: number } };
      wire: { headerBytes: number };
      workload: { arrivals: { ratePerSec: number } };
    };
    const py = readFileSync("bench/reference/simpy_pipeline.py", "utf8");
    const constant = (name: string): number => {
      const m = new RegExp(`^${name} = ([^#\\n]+)`, "m").exec(py);
      if (m === null) throw new Error(`${name} not in simpy_pipeline.py`);
      // Literals and one sum (12_484 + 16) are all the constants use.
      return m[1]!.replace(/_/g, "").split("+").reduce((sum, t) => sum + Number(t.trim()), 0);
    };
    expect(constant("ARRIVAL_RATE")).toBe(y.workload.arrivals.ratePerSec);
    expect(constant("DEVICE_MEAN_S") * 1e3).toBeCloseTo(y.model.layers[0]!.timeMs, 9);
    expect(constant("CLOUD_MEAN_S") * 1e3).toBeCloseTo(y.model.layers[1]!.timeMs, 9);
    expect(constant("WIRE_BYTES")).toBe(y.model.layers[0]!.outputBytes + y.wire.headerBytes);
    expect(constant("BANDWIDTH_BPS")).toBe(y.links.up.bandwidthMbps * 1e6);
    expect(constant("LATENCY_S") * 1e3).toBeCloseTo(y.links.up.latencyMs, 9);
    // The latency is spent after the link is released (outside its `with`), as in src/platform/link.ts.
    expect(py).toMatch(/with link\.request\(\) as turn:\n {8}yield turn\n {8}yield env\.timeout\(TRANSMIT_S\)\n(?: {4}#.*\n)* {4}yield env\.timeout\(LATENCY_S\)/);
  });
});
