// Request conservation: over random scenarios, every admitted request completes or is dropped.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { run } from "./helpers.js";

const arrivalsArb = fc.oneof(
  fc.record({ kind: fc.constant("periodic"), fps: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant("poisson"), ratePerSec: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant("batch") }),
  fc.record({ kind: fc.constant("closed"), k: fc.integer({ min: 1, max: 5 }), thinkMs: fc.integer({ min: 0, max: 20 }) }),
);

const scenarioArb = fc.record({
  arrivals: arrivalsArb,
  requests: fc.integer({ min: 1, max: 60 }),
  scheduler: fc.constantFrom("device-only", "cloud-only", "neurosurgeon", "fixed-split"),
  cloudServers: fc.integer({ min: 1, max: 3 }),
  maxBatch: fc.integer({ min: 1, max: 4 }),
  batchTimeoutMs: fc.constantFrom(0, 1, 5),
  queueLimit: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
  upMbps: fc.integer({ min: 1, max: 100 }),
  withDownlink: fc.boolean(),
  noise: fc.constantFrom("none", "exponential"),
  seed: fc.integer({ min: 0, max: 1000 }),
});

describe("request conservation", () => {
  it("every admitted request completes or is counted as dropped", () => {
    fc.assert(
      fc.property(scenarioArb, (p) => {
        const scenario = {
          name: "random",
          seed: p.seed,
          model: "vgg16",
          nodes: {
            cam: { device: "raspberry-pi-4" },
            cloud: { device: "a100", servers: p.cloudServers, maxBatch: p.maxBatch, batchTimeoutMs: p.batchTimeoutMs,
              ...(p.queueLimit === undefined ? {} : { queueLimit: p.queueLimit }) },
          },
          links: {
            up: { from: "cam", to: "cloud", bandwidthMbps: p.upMbps, latencyMs: 5 },
            ...(p.withDownlink ? { down: { from: "cloud", to: "cam", bandwidthMbps: 50, latencyMs: 5 } } : {}),
          },
          workload: { arrivals: p.arrivals, requests: p.requests },
          noise: { compute: { kind: p.noise } },
          schedulers: [p.scheduler],
          options: { "fixed-split": { cut: "pool5", bits: 8 } },
        };
        const { report, requests } = run(scenario, p.scheduler);
        expect(report.requests.admitted).toBe(p.requests);
        expect(report.requests.completed + report.requests.dropped).toBe(report.requests.admitted);
        expect(requests).toHaveLength(p.requests);
        for (const r of requests) {
          if (r.dropped) expect(r.completion).toBe(-1);
          else expect(r.completion).toBeGreaterThanOrEqual(r.arrival);
        }
      }),
      { numRuns: 40 },
    );
  });
});
