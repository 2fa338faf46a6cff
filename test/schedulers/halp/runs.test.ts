// halp, rfs and modnn in whole runs, accounted by the step observer: MoDNN's one-layer blocks split
// every layer's output rows between the nodes, so it computes exactly the model's MACs (each row of
// each layer once); RFS computes its receptive-field pyramids twice; the host alone (devices: [the
// host]) is device-only. Same seed, same report; bad `devices` and bad models exit 2 with the name.
import { describe, expect, it } from "vitest";
import { SplitsimError } from "../../../src/errors.js";
import type { Observer } from "../../../src/platform/observer.js";
import { runScenario } from "../../../src/scenario/run.js";
import { Model } from "../../../src/workload/model.js";
import { zooModel } from "../../../src/workload/zoo/index.js";
import { scenarioFrom } from "../../scenario-runs/helpers.js";

const vgg = new Model(zooModel("vgg16")!);

const three = (mbps: number, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  name: "halp-runs",
  seed: 3,
  model: "vgg16",
  nodes: { host: { device: "jetson-agx-xavier" }, es1: { device: "jetson-agx-xavier" }, es2: { device: "jetson-agx-xavier" } },
  links: {
    h1: { from: "host", to: "es1", bandwidthMbps: mbps, latencyMs: 1 },
    b1: { from: "es1", to: "host", bandwidthMbps: mbps, latencyMs: 1 },
    h2: { from: "host", to: "es2", bandwidthMbps: mbps, latencyMs: 1 },
    b2: { from: "es2", to: "host", bandwidthMbps: mbps, latencyMs: 1 },
  },
  workload: { at: "host", arrivals: { kind: "batch" }, requests: 1 },
  schedulers: ["device-only", "halp", "rfs", "modnn"],
  ...extra,
});

class MacCount implements Observer {
  macs = 0;
  perStation = [0, 0, 0];
  onStepStart(work: { cost: { macs: number } | null }, res: number): void {
    if (work.cost === null) return;
    this.macs += work.cost.macs;
    if (res < 3) this.perStation[res]! += work.cost.macs;
  }
}

const macsOf = (scheduler: string, obj = three(1000)): MacCount => {
  const count = new MacCount();
  runScenario(scenarioFrom(obj), scheduler, { observers: [count] });
  return count;
};

describe("spatial partitioners in whole runs", () => {
  it("modnn computes every row of every layer once: exactly the model's MACs, spread over the three nodes", () => {
    const c = macsOf("modnn");
    expect(c.macs / vgg.totalMacs).toBeCloseTo(1, 12);
    for (const m of c.perStation) expect(m).toBeGreaterThan(0);
  });

  it("halp with overlap: halo (reading B) computes exactly the model's MACs too, and finishes", () => {
    const obj = three(1000, { options: { halp: { overlap: "halo" } } });
    const c = macsOf("halp", obj);
    expect(c.macs / vgg.totalMacs).toBeCloseTo(1, 12);
    expect(runScenario(scenarioFrom(obj), "halp").report.requests.completed).toBe(1);
  });

  it("rfs and halp compute overlap rows twice (more than the model), halp never less than the whole model", () => {
    expect(macsOf("rfs").macs).toBeGreaterThanOrEqual(vgg.totalMacs * (1 - 1e-12));
    expect(macsOf("halp").macs).toBeGreaterThanOrEqual(vgg.totalMacs * (1 - 1e-12));
  });

  it("the host alone (devices: [host]) takes device-only's time, to the ns per block", () => {
    const obj = three(1000, { options: { halp: { devices: ["host"] } } });
    const solo = runScenario(scenarioFrom(obj), "halp").report;
    const device = runScenario(scenarioFrom(obj), "device-only").report;
    // Each block is one compute step rounded up to the ns: at most one ns per layer apart.
    expect(Math.abs(solo.latencyMs.mean - device.latencyMs.mean)).toBeLessThan(vgg.layerCount * 1e-6);
  });

  it("faster links never slow halp down, and at 1000 Mbit/s it beats the host alone", () => {
    const ms = [50, 200, 1000].map((r) => runScenario(scenarioFrom(three(r)), "halp").report.latencyMs.mean);
    const alone = runScenario(scenarioFrom(three(1000)), "device-only").report.latencyMs.mean;
    expect(ms[1]!).toBeLessThanOrEqual(ms[0]! + 1e-9);
    expect(ms[2]!).toBeLessThanOrEqual(ms[1]! + 1e-9);
    expect(ms[2]!).toBeLessThan(alone);
  });

  it("same seed, same report", () => {
    const obj = three(200, { workload: { at: "host", arrivals: { kind: "periodic", fps: 20 }, requests: 10 } });
    for (const s of ["halp", "rfs", "modnn"]) {
      const a = runScenario(scenarioFrom(obj), s).report;
      const b = runScenario(scenarioFrom(obj), s).report;
      expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    }
  });
});

describe("bad input names the node or layer", () => {
  const errorOf = (obj: Record<string, unknown>, s: string): string => {
    try {
      runScenario(scenarioFrom(obj), s);
    } catch (e) {
      expect(e).toBeInstanceOf(SplitsimError); // exit 2 at the CLI
      return String((e as Error).message) + JSON.stringify((e as { problems?: unknown }).problems ?? "");
    }
    throw new Error("no error");
  };

  it("a devices name that is not a node", () => {
    expect(errorOf(three(100, { options: { halp: { devices: ["host", "es9"] } } }), "halp")).toMatch(/es9.*not a node/);
  });

  it("a secondary without a link back to the host", () => {
    const obj = three(100, { options: { rfs: { devices: ["host", "es1", "es2"] } } });
    delete (obj["links"] as Record<string, unknown>)["b2"];
    expect(errorOf(obj, "rfs")).toMatch(/es2.*links both ways.*none back/);
  });

  it("a model whose first layer changes the height without conv geometry", () => {
    const obj = three(100, {
      model: { name: "flat", input: { shape: [3, 8, 8] }, layers: [{ name: "squash", kind: "conv", outputShape: [4, 4, 4], macs: 100 }, { name: "fc", kind: "fc", outputShape: [10], macs: 640 }] },
    });
    expect(errorOf(obj, "halp")).toMatch(/squash.*no conv geometry/);
  });

  it("an option another scheme does not take", () => {
    expect(errorOf(three(100, { options: { modnn: { ratio: "search" } } }), "modnn")).toMatch(/ratio.*does not take/);
  });
});
