// Report metrics end to end: `metrics: { deadlinesMs, binMs }` in a scenario gives
// report.deadlineReliability and report.timeSeries. Checked by hand on the equal-stages example
// (a deterministic pipeline) and against M/M/1 theory.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadScenario, resolveScenarioText } from "../../src/scenario/load.js";
import { runScenario } from "../../src/scenario/run.js";
import { batchMeans } from "./helpers.js";

/** A scenario file with extra YAML lines appended (e.g. a metrics key). */
function withLines(file: string, ...lines: string[]) {
  return resolveScenarioText(readFileSync(file, "utf8") + "\n" + lines.join("\n") + "\n", file);
}

// Three 10 ms stages (device, uplink, cloud) and 10 requests at t = 0 (see the file): request j
// completes at (3 + j)·10 ms, so latencies are 30, 40, ..., 120 ms and T0 = 0, T1 = 120 ms.
const EQUAL = "scenarios/examples/equal-stages.yaml";
const equal = (...lines: string[]) => runScenario(withLines(EQUAL, ...lines), "fixed-split");

describe("equal stages, by hand", () => {
  it("completes request j at (3 + j)·10 ms (the premise of the expected values below)", () => {
    expect(equal().requests.map((r) => r.completion / 1e6)).toEqual([30, 40, 50, 60, 70, 80, 90, 100, 110, 120]);
  });

  it("P(latency <= D) for D = 30, 50, 100 ms is 1/10, 3/10, 8/10", () => {
    // <= 30: {30}; <= 50: {30, 40, 50}; <= 100: {30, ..., 100}. The list is given unsorted with a repeat.
    expect(equal("metrics: { deadlinesMs: [100, 50, 30, 50] }").report.deadlineReliability).toEqual([
      { deadlineMs: 30, reliability: 0.1 },
      { deadlineMs: 50, reliability: 0.3 },
      { deadlineMs: 100, reliability: 0.8 },
    ]);
  });

  it("P(latency <= D) leaves out the warm-up requests", () => {
    // Warm-up 2: measured latencies 50, ..., 120 (8). <= 30: 0; <= 50: 1/8; <= 100: 6/8.
    const text = readFileSync(EQUAL, "utf8").replace("  requests: 10", "  requests: 10\n  warmupRequests: 2") + "metrics: { deadlinesMs: [30, 50, 100] }\n";
    const r = runScenario(resolveScenarioText(text, EQUAL), "fixed-split").report;
    expect(r.deadlineReliability!.map((d) => d.reliability)).toEqual([0, 0.125, 0.75]);
  });

  it("the time series in 25 ms bins: counts, throughput over each bin's width, mean, p95 and max", () => {
    // Bins [0,25) [25,50) [50,75) [75,100) and the last [100,120], ending at T1.
    // Completions per bin: none; 30, 40; 50, 60, 70; 80, 90; 100, 110, 120 (120 = T1 is in the last).
    // Throughput: 2/25 ms = 80/s, 3/25 ms = 120/s, 2/25 ms = 80/s, 3/20 ms = 150/s.
    // p95 (type 7) of n sorted values: x[h] interpolated at h = 0.95(n − 1):
    //   {30, 40}: 30 + 0.95·10 = 39.5; {50, 60, 70}: h = 1.9, 60 + 0.9·10 = 69.
    const t = equal("metrics: { binMs: 25 }").report.timeSeries!;
    expect(t.binMs).toBe(25);
    const rows = t.bins.map((b) => [b.startMs, b.endMs, b.completed, b.dropped, b.throughputPerSec, b.latencyMeanMs, b.latencyP95Ms, b.latencyMaxMs]);
    expect(rows).toEqual([
      [0, 25, 0, 0, 0, 0, 0, 0],
      [25, 50, 2, 0, 80, 35, 39.5, 40],
      [50, 75, 3, 0, 120, 60, 69, 70],
      [75, 100, 2, 0, 80, 85, 89.5, 90],
      [100, 120, 3, 0, 150, 110, 119, 120],
    ]);
  });

  it("bins that divide the window exactly: the completion at T1 closes the last one", () => {
    // 120 / 30 = 4 bins: [0,30) is empty; 30 opens [30,60): 30, 40, 50; [60,90): 60, 70, 80;
    // [90,120]: 90, 100, 110 and 120 = T1.
    expect(equal("metrics: { binMs: 30 }").report.timeSeries!.bins.map((b) => b.completed)).toEqual([0, 3, 3, 4]);
  });

  it("the bins add up to the completed count", () => {
    const r = equal("metrics: { binMs: 7 }").report;
    expect(r.timeSeries!.bins.reduce((a, b) => a + b.completed, 0)).toBe(r.requests.completed);
  });
});

describe("reports without metrics", () => {
  it("have neither deadlineReliability nor timeSeries", () => {
    const r = equal().report;
    expect("deadlineReliability" in r || "timeSeries" in r).toBe(false);
  });

  it("metrics add only their two keys, right after accuracy", () => {
    const plain = equal().report;
    const more = equal("metrics: { deadlinesMs: [50], binMs: 25 }").report;
    const keys = Object.keys(more);
    expect(keys.slice(keys.indexOf("accuracy"))).toEqual(["accuracy", "deadlineReliability", "timeSeries"]);
    // Apart from the two keys and the scenario hash (the metrics key is part of the scenario),
    // the report is byte-identical.
    const { deadlineReliability: _d, timeSeries: _t, ...rest } = more;
    expect(JSON.stringify({ ...rest, scenarioHash: "" })).toBe(JSON.stringify({ ...plain, scenarioHash: "" }));
  });
});

describe("M/M/1 deadline reliability", () => {
  it("P(T <= D) = 1 − e^(−(mu − lambda)·D) for lambda = 50/s, mu = 100/s and D = 10, 20, 50 ms", () => {
    // FIFO M/M/1 sojourn time is exponential with rate mu − lambda = 50/s: 1 − e^−0.5, 1 − e^−1,
    // 1 − e^−2.5. Tolerance: successive sojourns are positively correlated (a request that found a
    // long queue is followed by others that find it too), so the binomial SE √(p(1−p)/n) ≈ 1.1e-3
    // understates the error. The queue forgets its state within ~1/(mu(1 − √rho)²) ≈ 0.12 s, about
    // 6 arrivals, far shorter than a batch of 10,000 requests, so 20 batch means of the indicator
    // 1{T <= D} are nearly independent and their SE is the right scale; 4 of them is a false alarm
    // about once in 16,000 seeds. The batch SE must also be under 0.005 so the check has teeth.
    const s = withLines("scenarios/examples/mm1.yaml", "metrics: { deadlinesMs: [10, 20, 50] }");
    const { report, requests } = runScenario(s, "device-only");
    expect(report.requests.completed).toBe(200_000);
    const sojournNs = requests.map((r) => r.completion - r.arrival);
    report.deadlineReliability!.forEach(({ deadlineMs, reliability }) => {
      const theory = 1 - Math.exp(-50 * (deadlineMs / 1000));
      const { mean, se } = batchMeans(sojournNs.map((t) => (t <= deadlineMs * 1e6 ? 1 : 0)));
      expect(reliability).toBeCloseTo(mean, 8); // the report is the fraction of the same requests
      expect(se).toBeLessThan(0.005);
      expect(Math.abs(reliability - theory)).toBeLessThan(4 * se);
    });
    expect(report.deadlineReliability!.map((d) => d.deadlineMs)).toEqual([10, 20, 50]);
  });
});
