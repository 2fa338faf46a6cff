// Service reliability (halp-bps.md §1.6.6, trend 5): P(latency ≤ D) over a deadline sweep from 0.5×
// to 1.5× the host alone's latency, on Rayleigh block-fading links (10 dB, 10 ms coherence, each
// link its own seed) whose mean is 500 or 1000 Mbit/s. The host alone does not use the channel: its
// curve is a step at its fixed latency. halp, re-planned with the rate at dispatch, meets some
// deadlines below it. `replan: mean` plans once with the mean rate.
import { computeTimeNs } from "../../../src/workload/compute-model.js";
import { getDevice } from "../../../src/workload/devices.js";
import { Model } from "../../../src/workload/model.js";
import { zooModel } from "../../../src/workload/zoo/index.js";
import { describe, expect, it } from "vitest";
import { runScenario } from "../../../src/scenario/run.js";
import { scenarioFrom } from "../../scenario-runs/helpers.js";

const VGG = new Model(zooModel("vgg16")!);
// VGG-16 on the Jetson AGX Xavier (no noise) by the compute model: the step's position
const ALONE_MS = computeTimeNs(VGG, Array.from({ length: VGG.layerCount }, (_, i) => i), getDevice("jetson-agx-xavier")!, 1, "fp32") / 1e6;
const DEADLINES = Array.from({ length: 11 }, (_, k) => Number((ALONE_MS * (0.5 + k * 0.1)).toFixed(3)));

const fading = (meanMbps: number, seed: number): Record<string, unknown> =>
  ({ kind: "rayleigh", meanMbps, snrDb: 10, coherenceMs: 10, durationS: 30, seed });

const scenario = (meanMbps: number, halp: Record<string, unknown> = {}): Record<string, unknown> => ({
  name: "halp-reliability",
  seed: 1,
  model: "vgg16",
  nodes: { host: { device: "jetson-agx-xavier" }, es1: { device: "jetson-agx-xavier" }, es2: { device: "jetson-agx-xavier" } },
  links: {
    h1: { from: "host", to: "es1", trace: fading(meanMbps, 1), latencyMs: 1 },
    b1: { from: "es1", to: "host", trace: fading(meanMbps, 2), latencyMs: 1 },
    h2: { from: "host", to: "es2", trace: fading(meanMbps, 3), latencyMs: 1 },
    b2: { from: "es2", to: "host", trace: fading(meanMbps, 4), latencyMs: 1 },
  },
  // One task every 100 ms: no task waits for another, each sees the channel of its own instant.
  workload: { at: "host", arrivals: { kind: "periodic", fps: 10 }, requests: 120 },
  metrics: { deadlinesMs: DEADLINES },
  estimator: "oracle",
  schedulers: ["device-only", "halp"],
  options: { halp },
});

const curve = (obj: Record<string, unknown>, s: string): number[] =>
  runScenario(scenarioFrom(obj), s).report.deadlineReliability!.map((d) => d.reliability);

describe("reliability on fading channels", () => {
  it("the host alone is a step: P = 0 below its latency, 1 from it on", () => {
    const p = curve(scenario(500), "device-only");
    DEADLINES.forEach((d, k) => expect(p[k], `D = ${d} ms`).toBe(d < ALONE_MS ? 0 : 1));
  });

  for (const mean of [500, 1000]) {
    it(`halp at a ${mean} Mbit/s mean meets some deadlines below the host alone's latency`, () => {
      const p = curve(scenario(mean), "halp");
      const below = DEADLINES.map((d, k) => (d < ALONE_MS ? p[k]! : 0));
      expect(Math.max(...below)).toBeGreaterThan(0);
      for (let k = 1; k < p.length; k++) expect(p[k]!).toBeGreaterThanOrEqual(p[k - 1]!); // a distribution function
    });
  }

  it("replan: mean plans once, with meanMbps; dispatch plans again as the channel moves", () => {
    const once = runScenario(scenarioFrom(scenario(500, { replan: "mean", meanMbps: 500 })), "halp").report;
    const moving = runScenario(scenarioFrom(scenario(500)), "halp").report;
    expect((once.policy as { plansMade: number }).plansMade).toBe(1);
    expect((moving.policy as { plansMade: number }).plansMade).toBeGreaterThan(1);
  });
});
