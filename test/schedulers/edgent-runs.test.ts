// Edgent over the paper scenario: the same seed gives the same report and requests.csv (with noise
// and random arrivals too), and under load, where its one-request-at-a-time guarantee does not
// hold, the report shows the misses (requests.deadlineMissed, P(latency <= D)).
import { describe, expect, it } from "vitest";
import { requestsCsv } from "../../src/metrics/csv.js";
import { generateWorkload } from "../../src/scenario/generate-workload.js";
import { loadScenario } from "../../src/scenario/load.js";
import { runScenario } from "../../src/scenario/run.js";

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
    // At 5 frames/s (200 ms apart) nothing queues: every frame takes exit2's unloaded T = 125.46 ms
    // on the Pi, the choice for 150 ms.
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
    expect(requests.every((r) => r.outcome?.exit === "exit2")).toBe(true);
    expect(requests.map((r) => r.completion - r.arrival)).toEqual(requests.map((_, i) => T + i * (T - 100e6)));
    expect(report.requests.deadlineMissed).toBe(19);
    expect(report.deadlineReliability).toEqual([{ deadlineMs: 150, reliability: 0.05 }]);
  });
});
