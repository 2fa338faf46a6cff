// A scenario that gives every key explicitly (fixtures/full.yaml) resolves to exactly those values,
// with the remaining defaults filled; expected values are read off the fixture by hand.
import { dirname } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../src/scenario/load.js";
import { FIXTURES } from "./helpers.js";

const s = loadScenario(`${FIXTURES}full.yaml`);

describe("a full scenario", () => {
  it("keeps its name and seed and resolves paths against its own directory", () => {
    expect([s.name, s.seed]).toEqual(["full", 7]);
    expect(s.baseDir).toBe(dirname(`${FIXTURES}full.yaml`));
  });

  it("resolves every node, with a role overriding the device's class", () => {
    expect(s.nodes).toEqual([
      { name: "cam", device: "raspberry-pi-4", servers: 2, maxBatch: 3, batchTimeoutMs: 1.5, queueLimit: 10, precision: "fp16", role: "end" },
      { name: "jet", device: "jetson-nano", servers: 1, maxBatch: 1, batchTimeoutMs: 0, queueLimit: null, precision: "fp32", role: "end" },
      { name: "cloud", device: "a100", servers: 4, maxBatch: 8, batchTimeoutMs: 2, queueLimit: null, precision: "int8", role: "cloud" },
    ]);
  });

  it("resolves a looping profile's period to its last point's time unless periodS is given", () => {
    const bw = Object.fromEntries(s.links.map((l) => [l.name, l.bandwidth]));
    expect(bw["up"]).toEqual({ kind: "profile", points: [[0, 40], [2, 10], [5, 40]], loop: true, periodS: 5 });
    expect(bw["up2"]).toEqual({ kind: "profile", points: [[0, 8], [1, 4]], loop: true, periodS: 3 });
    expect(bw["flat"]).toEqual({ kind: "profile", points: [[0, 8], [1, 4]], loop: false, periodS: null });
    expect(bw["down"]).toEqual({ kind: "constant", mbps: 100 });
  });

  it("keeps link endpoints, latency and discipline", () => {
    expect(s.links.map((l) => [l.name, l.from, l.to, l.latencyMs, l.discipline])).toEqual([
      ["up", "cam", "cloud", 12, "fifo"],
      ["up2", "jet", "cloud", 0, "fifo"],
      ["flat", "jet", "cloud", 0, "fifo"],
      ["down", "cloud", "cam", 12, "fifo"],
    ]);
  });

  it("resolves each source's models, arrivals, request count and deadline", () => {
    expect(s.sources).toEqual([
      { at: "cam", models: { vgg16: 1 }, arrivals: { kind: "poisson", ratePerSec: 20 }, requests: 100, deadlineMs: 250 },
      { at: "jet", models: { resnet50: 3, vgg16: 1 }, arrivals: { kind: "closed", k: 2, thinkMs: 0 }, requests: 50, deadlineMs: null },
      // batch: the request count comes from n.
      { at: "jet", models: { vgg16: 1 }, arrivals: { kind: "batch" }, requests: 4, deadlineMs: null },
      // inline times are cut to `requests`.
      { at: "cam", models: { tiny: 1 }, arrivals: { kind: "file", timesMs: [0, 5, 5] }, requests: 3, deadlineMs: null },
      // arrivals.csv: a header, then the first column of four rows.
      { at: "cam", models: { vgg16: 1 }, arrivals: { kind: "file", timesMs: [0, 33.5, 67, 100] }, requests: 4, deadlineMs: null },
    ]);
  });

  it("keys models by their own names, including one read from a model file", () => {
    expect(Object.keys(s.models).sort()).toEqual(["resnet50", "tiny", "vgg16"]);
    expect(s.models["tiny"]!.layers.map((l) => l.name)).toEqual(["conv", "fc"]);
  });

  it("keeps warm-up, noise, wire, estimator, schedulers and options, filling the estimator's window", () => {
    expect(s.warmupRequests).toBe(10);
    expect(s.noise).toEqual({ compute: { kind: "lognormal", cv: 0.1 } });
    expect(s.wire).toEqual({ headerBytes: 0, resultBytes: 4000 });
    expect(s.estimator).toEqual({ kind: "harmonic", window: 5 });
    expect(s.schedulers).toEqual(["neurosurgeon", "device-only"]);
    expect(s.options).toEqual({ neurosurgeon: { objective: "throughput" } });
  });
});
