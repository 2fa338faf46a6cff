// Edgent over the paper scenario: the same seed gives the same report and requests.csv (with noise
// and random arrivals too), and under load, where its one-request-at-a-time guarantee does not
// hold, the report shows the misses (requests.deadlineMissed, P(latency <= D)); a model mix is
// counted per model.
import { describe, expect, it } from "vitest";
import { requestsCsv } from "../../src/metrics/csv.js";
import { generateWorkload } from "../../src/scenario/generate-workload.js";
import { loadScenario } from "../../src/scenario/load.js";
import { runScenario } from "../../src/scenario/run.js";
import { run } from "../scenario-runs/helpers.js";

const PAPER = "scenarios/papers/edgent.yaml";

function twice(sets: string[]): Array<{ report: string; csv: string }> {
  return [0, 1].map(() => {
    const s = loadScenario(PAPER, { sets });
    const { report, requests } = runScenario(s, "edgent", { workload: generateWorkload(s) });
    return { report: JSON.stringify(report), csv: requestsCsv(requests, { outcomeColumns: ["exit"] }) };
  });
}

describe("edgent runs", () => {
  it("the same seed gives a byte-identical report and requests.csv", () => {
    const [a, b] = twice([]);
    expect(a).toEqual(b);
    // With compute noise and Poisson arrivals at 0.25 Mbit/s as well.
    const noisy = ["noise={compute: {kind: lognormal, cv: 0.2}}", "workload.arrivals={kind: poisson, ratePerSec: 5}", "links.up.bandwidthMbps=0.25"];
    const [c, d] = twice(noisy);
    expect(c).toEqual(d);
    const [e] = twice([...noisy, "seed=2"]);
    expect(e!.report).not.toEqual(c!.report);
  });

  it("under load the deadline is missed although each decision met it unloaded, and the report says how often", () => {
    // At 5 frames/s (200 ms apart) nothing queues: every frame takes exit3's unloaded T = 133.09 ms
    // on the Pi, the choice for 150 ms (the full model takes 171.89 ms).
    const light = runScenario(loadScenario(PAPER, { sets: ["workload.arrivals={kind: periodic, fps: 5}", "workload.requests=20"] }), "edgent");
    const T = light.requests[0]!.completion - light.requests[0]!.arrival;
    expect(light.requests.every((r) => r.completion - r.arrival === T)).toBe(true);
    expect(light.report.requests.deadlineMissed).toBe(0);
    expect(light.report.deadlineReliability).toEqual([{ deadlineMs: 150, reliability: 1 }]);
    // At 10 frames/s the Pi never idles: frame i (arriving at 100·i ms; its head right after its
    // path, the oldest request first) completes at (i + 1)·T, a latency of T + i·(T − 100 ms).
    // Only frame 0 is within 150 ms.
    const s = loadScenario(PAPER, { sets: ["workload.arrivals={kind: periodic, fps: 10}", "workload.requests=20"] });
    const { report, requests } = runScenario(s, "edgent");
    expect(requests.every((r) => r.outcome?.exit === "exit3")).toBe(true);
    expect(requests.map((r) => r.completion - r.arrival)).toEqual(requests.map((_, i) => T + i * (T - 100e6)));
    expect(report.requests.deadlineMissed).toBe(19);
    expect(report.deadlineReliability).toEqual([{ deadlineMs: 150, reliability: 0.05 }]);
  });

  it("with a model mix, the summary counts exits per model, and each request's loss is its model's", () => {
    const { report, requests } = run({
      name: "mix", seed: 3,
      nodes: { pi: { device: "raspberry-pi-4" }, server: { device: "t4" } },
      links: { up: { from: "pi", to: "server", bandwidthMbps: 0.5 }, down: { from: "server", to: "pi", bandwidthMbps: 0.5 } },
      workload: { models: { resnet18: 1, resnet50: 1 }, arrivals: { kind: "closed", k: 1, thinkMs: 0 }, requests: 20, deadlineMs: 150 },
      estimator: "oracle",
      schedulers: ["edgent"],
    }, "edgent");
    // Within 150 ms on the Pi: resnet18's exit3 (133.09 ms; 78.64 - 78.23 = 0.41 pp lost) and
    // resnet50's exit1 (77.64 ms; 80.56 - 68.23 = 12.33 pp; its exit2 takes 175.70 ms).
    const n18 = requests.filter((r) => r.model === "resnet18").length;
    expect(n18).toBeGreaterThan(0);
    expect(n18).toBeLessThan(20);
    for (const r of requests) {
      expect([r.model, r.outcome?.exit]).toEqual(r.model === "resnet18" ? ["resnet18", "exit3"] : ["resnet50", "exit1"]);
      expect(r.accuracyLossPct).toBeCloseTo(r.model === "resnet18" ? 0.41 : 12.33, 9);
    }
    const exits = (report.policy as { exits: Record<string, number> }).exits;
    expect(exits).toEqual({
      "resnet18/final": 0, "resnet18/exit3": n18, "resnet18/exit2": 0, "resnet18/exit1": 0,
      "resnet50/final": 0, "resnet50/exit3": 0, "resnet50/exit2": 0, "resnet50/exit1": 20 - n18,
    });
  });
});
