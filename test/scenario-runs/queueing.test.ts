// Queueing theory through scenario files: M/M/1, M/D/1 (Pollaczek–Khinchine) and M/M/c (Erlang C).
// Tolerance: the run's own batch-means standard error (20 batches of 1-2·10^4 requests); a test
// passes when the mean sojourn is within 4 standard errors of theory (a false alarm about once in
// 16,000 seeds), and it also requires that standard error to be under 1.5 % of the theoretical
// value, so that the check has teeth at this run length.
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../src/scenario/load.js";
import { runScenario } from "../../src/scenario/run.js";
import { batchMeans, run } from "./helpers.js";

const N = 200_000;

function oneStation(o: { ratePerSec: number; serviceMs: number; servers: number; noise: "exponential" | "none"; requests?: number }) {
  return {
    name: "one-station",
    model: { name: "one-layer", input: { shape: [1] }, layers: [{ name: "work", outputShape: [1], macs: 0, timeMs: o.serviceMs }] },
    nodes: { server: { device: "jetson-nano", servers: o.servers } },
    workload: { arrivals: { kind: "poisson", ratePerSec: o.ratePerSec }, requests: o.requests ?? N },
    noise: { compute: { kind: o.noise } },
    schedulers: ["device-only"],
  };
}

function sojournsMs(requests: readonly { arrival: number; completion: number }[]): number[] {
  return requests.map((r) => (r.completion - r.arrival) / 1e6);
}

function expectNear(xs: number[], reportedMean: number, theoryMs: number): void {
  const { mean, se } = batchMeans(xs);
  expect(reportedMean).toBeCloseTo(mean, 6);
  expect(se / theoryMs).toBeLessThan(0.015);
  expect(Math.abs(mean - theoryMs)).toBeLessThan(4 * se);
}

describe("queueing theory", () => {
  it("M/M/1 (lambda 50/s, mu 100/s) has mean sojourn 1/(mu - lambda) = 20 ms", () => {
    const res = runScenario(loadScenario("scenarios/examples/mm1.yaml"), "device-only");
    expect(res.report.requests.completed).toBe(N);
    expectNear(sojournsMs(res.requests), res.report.latencyMs.mean, 1000 / (100 - 50));
  });

  it("M/D/1 (lambda 50/s, D = 10 ms) has mean sojourn D + rho·D/(2(1 - rho)) = 15 ms", () => {
    const rho = 0.5;
    const res = run(oneStation({ ratePerSec: 50, serviceMs: 10, servers: 1, noise: "none" }), "device-only");
    expectNear(sojournsMs(res.requests), res.report.latencyMs.mean, 10 + (rho * 10) / (2 * (1 - rho)));
  });

  it("M/M/c (c = 2, lambda 150/s, mu 100/s per server) matches Erlang C", () => {
    const c = 2;
    const lambda = 150;
    const mu = 100;
    const a = lambda / mu;
    let sum = 0;
    let term = 1;
    for (let k = 0; k < c; k++) {
      sum += term; // a^k / k!
      term *= a / (k + 1);
    }
    const top = term * (c / (c - a)); // a^c / c! · c / (c - a)
    const erlangC = top / (sum + top);
    const sojournMs = (erlangC / (c * mu - lambda) + 1 / mu) * 1000;
    expect(sojournMs).toBeCloseTo(22.857142857, 6); // C(2, 1.5) = 9/14 by hand
    // rho = 0.75 correlates sojourns more, so twice the requests keep the standard error small.
    const res = run(oneStation({ ratePerSec: lambda, serviceMs: 10, servers: c, noise: "exponential", requests: 2 * N }), "device-only");
    expectNear(sojournsMs(res.requests), res.report.latencyMs.mean, sojournMs);
  });
});
