// The hand model, simulated: every configuration's throughput within 2 % of the number
// worked out by hand (helpers.ts has the model; bps-model.test.ts checks the analytic model).
//   local-only b_L = 4: 4 / 48 ms = 83.3/s; remote-only b = 4: 4 · 50,000 B at 1.25e6 B/s = 160 ms
//   per batch → 25/s; neurosurgeon: latencies raw 40 + 4 = 44, cut a 10 + 10 + 2 = 22, local 20 ms
//   → local, one at a time → 50/s; cut a, b = 4: S = (24, 40, 4) ms → 4/40 ms = 100/s pipelined,
//   4/68 ms = 58.8/s not; DP at cut a, b = b_L = 4, α = 0.3: device 0.3·12 + 0.7·6 = 7.8 ms per
//   request → 128.2/s (link 0.7 · 10 = 7 ms), which oracle picks over α ∈ {0, 0.1, …, 1}.
import { describe, expect, it } from "vitest";
import { runScenario } from "../../../src/scenario/run.js";
import { scenarioFrom } from "../../scenario-runs/helpers.js";
import { handModel, only, runBps } from "./helpers.js";

const within2 = (got: number, want: number) => expect(Math.abs(got / want - 1)).toBeLessThan(0.02);

describe("bps on the hand model (simulated, saturated arrivals)", () => {
  it("local-only b_L = 4: 83.3/s", () => {
    within2(runBps({ mode: "local", actions: { batches: [1, 4] } }).report.throughputPerSec, 1000 / 12);
  });

  it("remote-only b = 4, pipelined: 25/s", () => {
    within2(runBps(only(0, 4)).report.throughputPerSec, 25);
  });

  it("neurosurgeon: local-only wins (20 ms < 22 < 44), one request at a time: 50/s", () => {
    const { report, requests } = runBps({ mode: "neurosurgeon", actions: { batches: [1, 4] } });
    within2(report.throughputPerSec, 50);
    expect(requests.every((r) => r.cut === "b")).toBe(true);
  });

  it("cut a, b = 4: 100/s pipelined, 58.8/s not", () => {
    within2(runBps(only("a", 4)).report.throughputPerSec, 100);
    within2(runBps(only("a", 4, 0, { pipelined: false })).report.throughputPerSec, 1000 / 17);
  });

  it("DP at cut a, b = b_L = 4, α = 0.3: 128.2/s; 3 of every 10 requests local", () => {
    const { report, requests } = runBps(only("a", 4, 0.3));
    within2(report.throughputPerSec, 1000 / 7.8);
    const local = requests.filter((r) => r.outcome?.["lane"] === "local").length;
    expect(local).toBe(Math.floor(2000 * 0.3));
  });

  it("oracle picks α = 0.3 at cut a over α ∈ {0, 0.1, …, 1} and reaches 128.2/s", () => {
    const alphas = Array.from({ length: 11 }, (_, i) => i / 10);
    const { report } = runBps({ mode: "oracle", actions: { cuts: ["a"], batches: [4], alphas, codecs: ["off"] } });
    const flow = (report.policy!["flows"] as { final: { alpha: number } }[])[0]!;
    expect(flow.final.alpha).toBe(0.3);
    within2(report.throughputPerSec, 1000 / 7.8);
  });
});

describe("bps with the ff codec at cut a (the hand model)", () => {
  it("sends ⌈12,500 / 8⌉ = 1,563 bytes, loses 0.131 × 2.0 = 0.262 points, encodes on the device and decodes on the remote", () => {
    const steps: { req: number; key: string; res: number; t: number }[] = [];
    const observer = {
      onStepStart(work: { req: { id: number }; cost: { key: string } | null }, res: number, _server: number, t: number) {
        if (work.cost !== null) steps.push({ req: work.req.id, key: work.cost.key, res, t });
      },
    };
    const { requests, report } = runScenario(scenarioFrom(handModel(only("a", 4, 0, { codec: "ff" }), { requests: 8 })), "bps", { observers: [observer] });
    expect(requests.map((r) => r.bytesSent)).toEqual(new Array(8).fill(1_563));
    for (const r of requests) expect(r.accuracyLossPct).toBeCloseTo(0.131 * 2.0, 12);
    // Request 0's compute steps in order: a on the device, ff's encode on the device, ff's decode and b on the remote.
    const mine = steps.filter((s) => s.req === 0);
    expect(mine.map((s) => [s.key.split(":")[0]!.replace(/\[.*$/, ""), s.res])).toEqual([
      [mine[0]!.key.split(":")[0]!.replace(/\[.*$/, ""), 0], ["ff-encode", 0], ["ff-decode", 1], [mine[3]!.key.split(":")[0]!.replace(/\[.*$/, ""), 1],
    ]);
    // The encode starts when the batch of 4 through a ends (24 ms after the 4th arrival at 7.5 ms).
    expect(mine[1]!.t).toBe(7_500_000 + 24_000_000);
    expect(report.requests.completed).toBe(8);
  });
});
