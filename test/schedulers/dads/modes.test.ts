// dads's load modes on a two-layer chain worked by hand, and its bad options. The chain: input
// 20,000 B (uint8) → l1 (3 ms on the Pi, 3 ms on the server, 250 fp32 = 1,000 B out) → l2 (3 ms,
// 3 ms); 8 Mbit/s = 1 B/µs, no header, no propagation, no downlink. Device sets and their stages
// (T_e, T_t, T_c): ∅ (0, 20, 6) sum 26; {l1} (3, 1, 3) sum 7; {l1, l2} (6, 0, 0) sum 6.
// DSL keeps all on the Pi (6 ms a frame, bottleneck 6); DSH finds {l1} (bottleneck 3, 7 ms a frame).
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { run } from "../../scenario-runs/helpers.js";

function chain(arrivals: Record<string, unknown>, options: Record<string, unknown> = {}, requests = 20) {
  return {
    name: "dads-modes",
    model: {
      name: "chain", input: { shape: [20_000] },
      layers: [
        { name: "l1", outputShape: [250], macs: 0, timeMs: { "raspberry-pi-4": 3, t4: 3 } },
        { name: "l2", outputShape: [10], macs: 0, timeMs: { "raspberry-pi-4": 3, t4: 3 } },
      ],
    },
    nodes: { pi: { device: "raspberry-pi-4" }, cloud: { device: "t4" } },
    links: { up: { from: "pi", to: "cloud", bandwidthMbps: 8 } },
    wire: { headerBytes: 0 },
    workload: { arrivals, requests },
    estimator: "oracle",
    schedulers: ["dads"],
    options: { dads: options },
  };
}

const latenciesMs = (reqs: readonly { completion: number; arrival: number }[]): number[] => reqs.map((r) => (r.completion - r.arrival) / 1e6);

describe("dads modes", () => {
  it("auto at 100 frames/s (10 ms apart > DSL's 6 ms bottleneck): light, all on the Pi, 6 ms each", () => {
    const { requests, report } = run(chain({ kind: "periodic", fps: 100 }), "dads");
    expect(new Set(requests.map((r) => `${r.cut} ${r.record()["mode"]}`))).toEqual(new Set(["l2 light"]));
    expect(latenciesMs(requests)).toEqual(Array(20).fill(6));
    expect(report.policy).toMatchObject({ mode: "auto", decisions: 1, frames: { light: 20, heavy: 0 }, cuts: { "chain l2": 20 }, overloadedDecisions: 0 });
  });

  it("auto at 200 frames/s (5 ms apart < 6): heavy, l1 on the Pi, 7 ms each with no queueing (every stage 3 ms or less)", () => {
    const { requests, report } = run(chain({ kind: "periodic", fps: 200 }), "dads");
    expect(new Set(requests.map((r) => `${r.cut} ${r.record()["mode"]}`))).toEqual(new Set(["l1 heavy"]));
    expect(latenciesMs(requests)).toEqual(Array(20).fill(7));
    expect(report.policy).toMatchObject({ frames: { light: 0, heavy: 20 }, overloadedDecisions: 0 });
  });

  it("light at 200 frames/s keeps DSL's cut and queues: frame i waits i ms (6 ms of work every 5 ms)", () => {
    const { requests } = run(chain({ kind: "periodic", fps: 200 }, { mode: "light" }), "dads");
    expect(latenciesMs(requests)).toEqual(requests.map((_, i) => 6 + i));
  });

  it("auto at 400 frames/s: heavy, and even DSH's 3 ms exceeds 2.5 ms, an overloaded decision", () => {
    const { report } = run(chain({ kind: "periodic", fps: 400 }), "dads");
    expect(report.policy).toMatchObject({ frames: { light: 0, heavy: 20 }, overloadedDecisions: 1 });
  });

  it("a batch is heavy: DSH's cut", () => {
    const { requests } = run(chain({ kind: "batch" }, {}, 4), "dads");
    expect(requests.map((r) => r.cut)).toEqual(["l1", "l1", "l1", "l1"]);
  });

  it("option ratePerSec overrides the source's rate; a closed source needs it (or mode light)", () => {
    const closed = { kind: "closed", k: 1 };
    expect(run(chain(closed, { ratePerSec: 100 }, 3), "dads").requests.map((r) => r.cut)).toEqual(["l2", "l2", "l2"]);
    expect(run(chain(closed, { ratePerSec: 200 }, 3), "dads").requests.map((r) => r.cut)).toEqual(["l1", "l1", "l1"]);
    expect(run(chain(closed, { mode: "light" }, 3), "dads").requests.map((r) => r.cut)).toEqual(["l2", "l2", "l2"]);
    expect(() => run(chain(closed, {}, 3), "dads")).toThrow(/dads.*ratePerSec.*mode auto needs the sampling rate Q.*closed arrivals.*auto, light, heavy/s);
    expect(() => run(chain(closed, { mode: "heavy" }, 3), "dads")).toThrow(/mode heavy needs the sampling rate Q/);
  });

  it("one cut for all frames, made again when the estimate moves: 8 → 0.5 Mbit/s at 97.5 ms", () => {
    // At 0.5 Mbit/s l1's 1,000 B take 16 ms and the input 320 ms: all on the Pi (6, 0, 0) is now
    // both DSL's cut and the least bottleneck (6 ms, still above the 5 ms interval: heavy).
    const s = chain({ kind: "periodic", fps: 200 }, {}, 30);
    (s.links.up as Record<string, unknown>) = { from: "pi", to: "cloud", bandwidthProfile: [[0, 8], [0.0975, 0.5]] };
    const { requests, report } = run(s, "dads");
    expect(requests.map((r) => r.cut)).toEqual([...Array(20).fill("l1"), ...Array(10).fill("l2")]);
    expect(report.policy).toMatchObject({ decisions: 2, frames: { light: 0, heavy: 30 }, overloadedDecisions: 1, cuts: { "chain l1": 20, "chain l2": 10 } });
  });

  it("bad options name dads, the option and what is allowed", () => {
    expect(() => run(chain({ kind: "batch" }, { mode: "medium" }, 2), "dads")).toThrow(/dads.*mode.*auto.*light.*heavy/s);
    expect(() => run(chain({ kind: "batch" }, { ratePerSec: 0 }, 2), "dads")).toThrow(/dads.*ratePerSec.*frames\/s > 0/s);
    expect(() => run(chain({ kind: "batch" }, { shrink: 1 }, 2), "dads")).toThrow(/dads.*shrink.*> 1/s);
    expect(() => run(chain({ kind: "batch" }, { speed: 2 }, 2), "dads")).toThrow(/dads.*speed/s);
  });

  it("on the command line, a bad mode exits 2 with the message, no stack trace", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "run", "scenarios/papers/job-offloading.yaml",
      "--scheduler", "dads", "--set", "options.dads.mode=medium"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/dads.*mode/s);
    expect(r.stderr).toMatch(/auto.*light.*heavy/s);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
