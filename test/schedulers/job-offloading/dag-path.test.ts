// dag: path — DAG jobs may split one fork–join region branch by branch (job-offloading-and-
// baselines.md §2.4). On the hand-built inception module (trunk 2 ms; branches (a, d, c) = (3, 2, 1),
// (1, 4, 2), (2, 1, 3), (4, 3, 1) ms; concat 1 ms; every single cut hopeless), by hand:
//   one job, CDS order (stages all): J3 J2 J4 J1 = 16 ms; Johnson on (a, d) (stages two): a ≤ d
//   first by a (J2), then by d descending (J4, J1, J3) = 17 ms (the concat included);
//   two jobs (CDS): job 2's trunk waits for job 1's branches (device 12–14), its branches 14–24, link
//   16–26, cloud J1 26–27, concat 27–28: 28 ms.
import { describe, expect, it } from "vitest";
import { run } from "../../scenario-runs/helpers.js";
import { inceptionScenario } from "../decc/helpers.js";

function module(n: number, options: Record<string, unknown>) {
  const s = inceptionScenario() as Record<string, unknown>;
  return { ...s, workload: { arrivals: { kind: "batch" }, requests: n }, schedulers: ["job-offloading"], options: { "job-offloading": options } };
}

const policy = (r: ReturnType<typeof run>) => r.report.policy as Record<string, number>;

describe("job-offloading, dag: path", () => {
  it("one job: 16 ms with CDS (stages all), 17 with Johnson on (a, d) (stages two), planned and simulated", () => {
    for (const [stages, ms] of [["all", 16], ["two", 17]] as const) {
      const r = run(module(1, { dag: "path", stages }), "job-offloading");
      expect(r.report.makespanMs, stages).toBe(ms);
      expect(policy(r)["predictedMakespanMs"]).toBe(ms);
    }
  });

  it("two jobs: 28 ms, the second job's trunk queued behind the first's branches", () => {
    const r = run(module(2, { dag: "path" }), "job-offloading");
    expect(r.report.makespanMs).toBe(28);
    expect(policy(r)["predictedMakespanMs"]).toBe(28);
    expect(policy(r)["lowerBoundMs"]).toBeLessThanOrEqual(28);
  });

  it("prefix cuts only (the default) cannot split the region: every cut sends a 3–4 MB tensor", () => {
    const r = run(module(1, {}), "job-offloading");
    expect(r.report.makespanMs).toBeGreaterThan(3000);
  });

  it("n = 1..6: planned = simulated, and the makespan ≥ the lower bound", () => {
    for (let n = 1; n <= 6; n++) {
      const r = run(module(n, { dag: "path" }), "job-offloading");
      expect(policy(r)["predictedMakespanMs"], `n = ${n}`).toBe(r.report.makespanMs);
      expect(policy(r)["lowerBoundMs"]).toBeLessThanOrEqual(r.report.makespanMs);
    }
  });

  it("googlenet and resnet50 batches (Pi 4 → T4): planned = simulated, never worse than prefix cuts", () => {
    for (const model of ["googlenet", "resnet50"]) {
      for (const mbps of [5, 20, 50]) {
        for (const n of [1, 5]) {
          const s = (dag: string) => ({
            name: "dag-path", nodes: { cam: { device: "raspberry-pi-4" }, cloud: { device: "t4" } },
            links: { up: { from: "cam", to: "cloud", bandwidthMbps: mbps, latencyMs: 5 } },
            workload: { model, arrivals: { kind: "batch" }, requests: n }, estimator: "oracle",
            schedulers: ["job-offloading"], options: { "job-offloading": { dag } },
          });
          const path = run(s("path"), "job-offloading");
          const where = `${model} ${mbps} Mbit/s n = ${n}`;
          expect(policy(path)["predictedMakespanMs"], where).toBe(path.report.makespanMs);
          expect(path.report.makespanMs, where).toBeLessThanOrEqual(run(s("prefix"), "job-offloading").report.makespanMs);
        }
      }
    }
  });

  it("streams planned 1, 2 or 3 jobs at a time: later windows wait for earlier region plans; planned = simulated", () => {
    for (const fps of [50, 200, 1000]) {
      for (const windowRequests of [1, 2, 3]) {
        const s = module(12, { dag: "path", windowRequests }) as Record<string, unknown>;
        s["workload"] = { arrivals: { kind: "periodic", fps }, requests: 12 };
        const r = run(s, "job-offloading");
        const where = `${fps} fps, windows of ${windowRequests}`;
        expect(r.report.requests.completed, where).toBe(12);
        expect(policy(r)["predictedMakespanMs"], where).toBe(r.report.makespanMs);
        expect(policy(r)["lowerBoundMs"], where).toBeLessThanOrEqual(r.report.makespanMs);
      }
    }
    // Saturated (1000 fps, one job a window): 12 jobs × 12 ms of device work + the last job's 4 ms.
    const s = module(12, { dag: "path", windowRequests: 1 }) as Record<string, unknown>;
    s["workload"] = { arrivals: { kind: "periodic", fps: 1000 }, requests: 12 };
    expect(run(s, "job-offloading").report.makespanMs).toBe(148);
  });

  it("an unknown dag value is refused, naming the option and the values", () => {
    expect(() => run(module(1, { dag: "tree" }), "job-offloading")).toThrow(/options\.job-offloading\.dag.*"prefix"\|"path"/s);
  });
});
