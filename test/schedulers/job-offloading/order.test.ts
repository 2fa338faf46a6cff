// schedule-only's pipeline order, run through the simulator, against brute force written here.
// Each job is its own two-layer model cut after l1: device time a (l1 on the Pi), uplink time b
// (l1's output at 8 Mbit/s, no header) and cloud time c (l2 on the A100). The test's recurrence:
// C1 += a; C2 = max(C2, C1) + b; C3 = max(C3, C2) + c; the makespan is the last C3.
// - 2 stages (c = 0): Johnson's rule is optimal (Johnson 1954), so = the minimum over all n! orders.
// - 3 stages: exact where the middle machine is dominated (min a ≥ max b: Johnson 1954 §3);
//   elsewhere no worse than Johnson's order on (a, b), no better than brute force, and within
//   2 % of it on average (the reference's §4.2 claim for the rule + CDS + NEH).
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { run } from "../../scenario-runs/helpers.js";

interface Job {
  a: number;
  b: number;
  c: number;
}

function makespan(jobs: readonly Job[], order: readonly number[]): number {
  let c1 = 0;
  let c2 = 0;
  let c3 = 0;
  for (const j of order) {
    c1 += jobs[j]!.a;
    c2 = Math.max(c2, c1) + jobs[j]!.b;
    c3 = Math.max(c3, c2) + jobs[j]!.c;
  }
  return c3;
}

function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  return permutations(n - 1).flatMap((p) => Array.from({ length: n }, (_, i) => [...p.slice(0, i), n - 1, ...p.slice(i)]));
}

const bruteForce = (jobs: readonly Job[]): number => Math.min(...permutations(jobs.length).map((p) => makespan(jobs, p)));

/** Johnson's rule on (a, b): a < b first by a ascending, then the rest by b descending; ties by index. */
function johnsonAB(jobs: readonly Job[]): number[] {
  const idx = jobs.map((_, j) => j);
  const first = idx.filter((j) => jobs[j]!.a < jobs[j]!.b).sort((x, y) => jobs[x]!.a - jobs[y]!.a || x - y);
  const last = idx.filter((j) => jobs[j]!.a >= jobs[j]!.b).sort((x, y) => jobs[y]!.b - jobs[x]!.b || x - y);
  return [...first, ...last];
}

/** One source per job at the same camera, each its own model; the window collects all n. */
function scenario(jobs: readonly Job[]) {
  return {
    name: "order",
    nodes: { cam: { device: "raspberry-pi-4" }, cloud: { device: "a100" } },
    links: { up: { from: "cam", to: "cloud", bandwidthMbps: 8 } }, // 1,000 B per ms
    wire: { headerBytes: 0 },
    sources: jobs.map((j, i) => ({
      at: "cam",
      model: {
        name: `job${i}`,
        input: { shape: [1] },
        layers: [
          { name: "l1", outputShape: [250 * j.b], macs: 0, timeMs: { "raspberry-pi-4": j.a, a100: 0 } }, // fp32: b ms
          { name: "l2", outputShape: [10], macs: 0, timeMs: { "raspberry-pi-4": 1000, a100: j.c } },
        ],
      },
      arrivals: { kind: "batch" },
      requests: 1,
    })),
    estimator: "oracle",
    schedulers: ["job-offloading"],
    options: { "job-offloading": { mode: "schedule-only", cut: "l1", windowRequests: jobs.length } },
  };
}

function randomJobs(rng: () => number, n: number, a: [number, number], b: [number, number], c: [number, number]): Job[] {
  const int = ([lo, hi]: [number, number]) => lo + Math.floor(rng() * (hi - lo + 1));
  return Array.from({ length: n }, () => ({ a: int(a), b: int(b), c: int(c) }));
}

describe("job-offloading schedule-only: the pipeline order", () => {
  it("2 stages (cloud time 0): 50 random batches of n ≤ 7 equal the minimum over all n! orders", () => {
    const rng = seedrandom("two-stage");
    for (let t = 0; t < 50; t++) {
      const jobs = randomJobs(rng, 2 + Math.floor(rng() * 6), [1, 20], [1, 20], [0, 0]);
      const { report } = run(scenario(jobs), "job-offloading");
      expect(report.makespanMs, JSON.stringify(jobs)).toBe(bruteForce(jobs));
    }
  });

  it("3 stages: 200 random batches of n ≤ 7: exact where min a ≥ max b, else between brute force and Johnson (a, b), mean gap ≤ 2 %", () => {
    const rng = seedrandom("three-stage");
    let gaps = 0;
    let others = 0;
    let dominated = 0;
    for (let t = 0; t < 200; t++) {
      const n = 2 + Math.floor(rng() * 6);
      // Half the batches are drawn with the device slower than every send (a ≥ 11 > 10 ≥ b).
      const jobs = t % 2 === 0 ? randomJobs(rng, n, [11, 20], [1, 10], [1, 20]) : randomJobs(rng, n, [1, 20], [1, 20], [1, 20]);
      const { report } = run(scenario(jobs), "job-offloading");
      const best = bruteForce(jobs);
      const where = JSON.stringify(jobs);
      if (Math.min(...jobs.map((j) => j.a)) >= Math.max(...jobs.map((j) => j.b))) {
        dominated++;
        expect(report.makespanMs, where).toBe(best);
      } else {
        others++;
        expect(report.makespanMs, where).toBeGreaterThanOrEqual(best);
        expect(report.makespanMs, where).toBeLessThanOrEqual(makespan(jobs, johnsonAB(jobs)));
        gaps += report.makespanMs / best - 1;
      }
    }
    expect(dominated).toBeGreaterThanOrEqual(100);
    expect(others).toBeGreaterThan(50);
    expect(gaps / others).toBeLessThanOrEqual(0.02);
  }, 60_000);
});
