// The semantic cache on a scene of 5 labels (stay 0.95), closeness Beta(2, 1), θ = 0.8, K = 8:
// once every label has come back from the cloud, a frame hits iff its closeness ≥ 0.8, so the hit
// ratio is P(s ≥ 0.8) = 1 − 0.8² = 0.36 (Beta(2, 1) has density 2s). With no-cache: no hit, and the
// same cut and offline bits.
import { describe, expect, it } from "vitest";
import { run } from "../../scenario-runs/helpers.js";

const WARMUP = 500;
const FRAMES = 10_000;

function scene(mode: string, extra: Record<string, unknown> = {}) {
  return {
    name: "coach-cache",
    seed: 3,
    nodes: { cam: { device: "jetson-xavier-nx" }, cloud: { device: "a100" } },
    links: { up: { from: "cam", to: "cloud", bandwidthMbps: 20, latencyMs: 5 }, down: { from: "cloud", to: "cam", bandwidthMbps: 20, latencyMs: 5 } },
    workload: {
      model: "resnet50",
      arrivals: { kind: "periodic", fps: 30 },
      requests: WARMUP + FRAMES,
      content: { labels: ["a", "b", "c", "d", "e"], stayProb: 0.95, closeness: { kind: "beta", a: 2, b: 1 } },
    },
    estimator: "oracle",
    schedulers: ["coach"],
    options: { coach: { mode, cacheSize: 8, theta: 0.8, ...extra } },
  };
}

describe("coach: the semantic cache", () => {
  it("hit ratio after warm-up = 1 − 0.8² = 0.36 ± 0.015; a hit never uses the link", () => {
    const { requests } = run(scene("fixed-bits"), "coach");
    const after = requests.filter((r) => r.index >= WARMUP);
    const hits = after.filter((r) => r.outcome?.cacheHit === true);
    expect(Math.abs(hits.length / after.length - 0.36)).toBeLessThan(0.015);
    for (const h of hits) expect(h.bytesSent).toBe(0);
    // A hit is the closeness's doing only: every hit had s ≥ 0.8 (the label was cached by then).
    expect(after.filter((r) => r.outcome?.cacheHit === false && r.bytesSent === 0)).toHaveLength(0);
  });

  it("no-cache: no hit, and the same cut and offline bits", () => {
    const withCache = run(scene("fixed-bits"), "coach");
    const without = run(scene("no-cache"), "coach");
    expect(without.requests.filter((r) => r.outcome?.cacheHit === true)).toHaveLength(0);
    expect((without.report.policy!["hitRatio"] as number)).toBe(0);
    const plan = (r: typeof without) => (r.report.policy!["plans"] as Record<string, unknown>[])[0]!;
    expect(plan(without)["cut"]).toBe(plan(withCache)["cut"]);
    expect(plan(without)["tensorBits"]).toEqual(plan(withCache)["tensorBits"]);
  });

  it("wrong hits follow hitPrecision (0.9 here: 10 % of hits ± 2 points)", () => {
    const { report } = run(scene("fixed-bits", { hitPrecision: 0.9 }), "coach");
    const frames = report.policy!["frames"] as number;
    const hits = (report.policy!["hitRatio"] as number) * frames;
    expect(Math.abs((report.policy!["wrongHits"] as number) / hits - 0.1)).toBeLessThan(0.02);
  });
});
