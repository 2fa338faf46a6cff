// Edgent (static) on a small model with measured layer times: one request at a time, the chosen
// (exit, cut) is the test's own enumeration's over 4 bandwidths × deadlines 50–1000 ms, its latency
// is the estimate to the ns, and no feasible request misses; a few choices are also worked by hand.
import { describe, expect, it } from "vitest";
import { Model } from "../../src/workload/model.js";
import type { Request } from "../../src/workload/request.js";
import { run, scenarioFrom } from "../scenario-runs/helpers.js";
import { allPairs, edgentChoice, fastestPair, type Setting } from "./edgent-enumeration.js";

const BANDWIDTHS = [0.05, 0.25, 0.5, 1.5];
const DEADLINES = [50, 75, 100, 150, 200, 300, 500, 1000];

const t = (pi: number, t4: number) => ({ "raspberry-pi-4": pi, t4 });
/** A head: one fc to 10 classes (40 B back), 5 ms on the Pi, 0.5 ms on the T4. */
const head = (name: string) => [{ name, kind: "fc", outputShape: [10], macs: 0, timeMs: t(5, 0.5) }];

/**
 * Five layers (Pi 40, 60, 80, 50, 10 ms; T4 1 ms each, 0.5 for the last). Outputs 8,000, 2,000,
 * 100, 400 and 40 B (fp32, no header); the raw input is 3,072 B (uint8). Exits (test values, not
 * measurements) after conv1 (60 %), conv2 (70 %), conv3 (75 %); the final classifier has 80 %.
 */
const MODEL = {
  name: "five",
  input: { shape: [3, 32, 32] },
  accuracy: 80,
  layers: [
    { name: "conv1", kind: "conv", outputShape: [2000], macs: 0, timeMs: t(40, 1) },
    { name: "conv2", kind: "conv", outputShape: [500], macs: 0, timeMs: t(60, 1) },
    { name: "conv3", kind: "conv", outputShape: [25], macs: 0, timeMs: t(80, 1) },
    { name: "fc1", kind: "fc", outputShape: [100], macs: 0, timeMs: t(50, 1) },
    { name: "fc2", kind: "fc", outputShape: [10], macs: 0, timeMs: t(10, 0.5) },
  ],
  exits: [
    { name: "exit1", after: "conv1", accuracy: 60, layers: head("e1.fc") },
    { name: "exit2", after: "conv2", accuracy: 70, layers: head("e2.fc") },
    { name: "exit3", after: "conv3", accuracy: 75, layers: head("e3.fc") },
  ],
};

export function edgentScenario(model: unknown, mbps: number, deadlineMs: number | null, extra: Record<string, unknown> = {}) {
  return {
    name: "edgent",
    model,
    nodes: { pi: { device: "raspberry-pi-4" }, server: { device: "t4" } },
    links: {
      up: { from: "pi", to: "server", bandwidthMbps: mbps, latencyMs: 5 },
      down: { from: "server", to: "pi", bandwidthMbps: mbps, latencyMs: 5 },
    },
    wire: { headerBytes: 0 },
    workload: { arrivals: { kind: "closed", k: 1, thinkMs: 0 }, requests: 3, ...(deadlineMs === null ? {} : { deadlineMs }) },
    estimator: "oracle",
    schedulers: ["edgent"],
    ...extra,
  };
}

const SETTING = (mbps: number): Setting => ({ device: "raspberry-pi-4", target: "t4", mbps, latencyMs: 5, headerBytes: 0 });
const latencyMs = (r: Request): number => (r.completion - r.arrival) / 1e6;
const model = new Model(scenarioFrom(edgentScenario(MODEL, 1, 100)).models["five"]!);

describe("edgent on a five-layer model with exits", () => {
  for (const mbps of BANDWIDTHS) {
    it(`at ${mbps} Mbit/s, every deadline 50-1000 ms gets the enumeration's (exit, cut), or a refusal`, () => {
      const pairs = allPairs(model, SETTING(mbps));
      for (const d of DEADLINES) {
        const want = edgentChoice(pairs, d);
        const { requests, report } = run(edgentScenario(MODEL, mbps, d), "edgent");
        for (const r of requests) {
          if (want === null) {
            expect([r.dropped, r.dropReason], `${mbps} Mbit/s, ${d} ms`).toEqual([true, "infeasible"]);
            continue;
          }
          expect([r.outcome?.exit, r.cut, r.bytesSent], `${mbps} Mbit/s, ${d} ms`).toEqual([want.exit, want.cut, want.bytes]);
          // One request at a time, constant rates, no noise: the run measures the estimate.
          expect(r.completion - r.arrival).toBe(want.latencyNs);
          expect(r.accuracyLossPct).toBeCloseTo(80 - want.accuracy, 9);
        }
        expect(report.requests.deadlineMissed).toBe(want === null ? 3 : 0);
      }
    });
  }

  it("matches choices worked by hand", () => {
    const pick = (mbps: number, d: number): [unknown, string, number] => {
      const r = run(edgentScenario(MODEL, mbps, d), "edgent").requests[0]!;
      return [r.outcome?.exit, r.cut, latencyMs(r)];
    };
    // 1.5 Mbit/s = 187,500 B/s: the raw input (3,072 B) takes 16.384 ms; 40 B back 0.213334 ms (rounded up to the ns).
    // Cloud-only: 16.384 + 5 + 4.5 (T4) + 0.213334 + 5 = 31.097334 ms, within 50 ms.
    expect(pick(1.5, 50)).toEqual(["final", "input", 31.097334]);
    // 0.5 Mbit/s: cloud-only 49.152 + 5 + 4.5 + 0.64 + 5 = 64.292 ms > 50; exit1 on the Pi: 40 + 5 = 45.
    expect(pick(0.5, 50)).toEqual(["exit1", "e1.fc", 45]);
    expect(pick(0.5, 75)).toEqual(["final", "input", 64.292]);
    // 0.05 Mbit/s = 6,250 B/s: after conv3 (100 B, 16 ms): 180 + 16 + 5 + 1.5 + 6.4 + 5 = 213.9 ms beats
    // the Pi alone (240); exit3 on the Pi (185 ms) is the best within 200 ms.
    expect(pick(0.05, 1000)).toEqual(["final", "conv3", 213.9]);
    expect(pick(0.05, 200)).toEqual(["exit3", "e3.fc", 185]);
    // Within 40 ms nothing fits at 0.05 Mbit/s (the fastest is exit1 on the Pi, 45 ms).
    const refused = run(edgentScenario(MODEL, 0.05, 40), "edgent");
    expect(refused.report.requests).toMatchObject({ completed: 0, dropped: 3, deadlineMissed: 3 });
    expect(refused.report.policy).toEqual({ exits: { final: 0, exit3: 0, exit2: 0, exit1: 0 }, refused: 3, infeasibleRanFastest: 0 });
  });

  it("with infeasible: fastest runs the fastest pair instead of refusing", () => {
    const pairs = allPairs(model, SETTING(0.05));
    const fastest = fastestPair(pairs);
    const { requests, report } = run(edgentScenario(MODEL, 0.05, 40, { options: { edgent: { infeasible: "fastest" } } }), "edgent");
    expect(requests.map((r) => [r.outcome?.exit, r.cut, r.completion - r.arrival])).toEqual(Array(3).fill([fastest.exit, fastest.cut, fastest.latencyNs]));
    expect(report.requests).toMatchObject({ completed: 3, dropped: 0, deadlineMissed: 3 });
    expect(report.policy).toEqual({ exits: { final: 0, exit3: 0, exit2: 0, exit1: 3 }, refused: 0, infeasibleRanFastest: 3 });
  });

  it("options.edgent.deadlineMs overrides the source's deadline", () => {
    const s = edgentScenario(MODEL, 0.5, 1000, { options: { edgent: { deadlineMs: 50 } } });
    expect(run(s, "edgent").requests.map((r) => r.outcome?.exit)).toEqual(["exit1", "exit1", "exit1"]);
    // And gives a deadline to a source without one.
    const none = edgentScenario(MODEL, 0.5, null, { options: { edgent: { deadlineMs: 75 } } });
    expect(run(none, "edgent").requests.map((r) => r.outcome?.exit)).toEqual(["final", "final", "final"]);
  });

  it("compares accuracies, not depths: a shallower exit more accurate than a deeper one wins", () => {
    // exit2 (72 %) beats exit3 (71 %) although it is shallower; both fit in 1000 ms, the final (80 %) wins.
    const dip = { ...MODEL, exits: MODEL.exits.map((e) => (e.name === "exit3" ? { ...e, accuracy: 71 } : e.name === "exit2" ? { ...e, accuracy: 72 } : e)) };
    const pairs = allPairs(new Model(scenarioFrom(edgentScenario(dip, 0.05, 200)).models["five"]!), SETTING(0.05));
    const want = edgentChoice(pairs, 200)!;
    // By hand: the final needs 213.9 ms > 200; exit2 on the Pi: 40 + 60 + 5 = 105 ms.
    expect([want.exit, want.cut, want.latencyNs]).toEqual(["exit2", "e2.fc", 105e6]);
    const r = run(edgentScenario(dip, 0.05, 200), "edgent").requests[0]!;
    expect([r.outcome?.exit, r.cut, r.completion - r.arrival]).toEqual(["exit2", "e2.fc", 105e6]);
  });

  it("decides again when the bandwidth estimate changes (oracle, a profile that drops to 0.05 Mbit/s at 0.3 s)", () => {
    const drop = { bandwidthProfile: [[0, 1.5], [0.3, 0.05]], latencyMs: 5 };
    const s = edgentScenario(MODEL, 1.5, 1000, {
      links: { up: { from: "pi", to: "server", ...drop }, down: { from: "server", to: "pi", ...drop } },
    });
    s.workload.requests = 12;
    const { requests, report } = run(s, "edgent");
    // Cloud-only takes 31.097334 ms at 1.5 Mbit/s, so requests 0-9 arrive before 0.3 s (the 10th at
    // 9 · 31.097334 = 279.876 ms) and send the input. Request 9's result goes back after 0.3 s at
    // 0.05 Mbit/s (6.4 ms): 16.384 + 5 + 4.5 + 6.4 + 5 = 37.284 ms. Request 10 arrives at 317.16 ms
    // and, at 0.05 Mbit/s, cuts after conv3 (213.9 ms).
    expect(requests.map((r) => r.cut)).toEqual([...Array(10).fill("input"), "conv3", "conv3"]);
    expect(latencyMs(requests[9]!)).toBeCloseTo(37.284, 6);
    expect(latencyMs(requests[10]!)).toBeCloseTo(213.9, 6);
    expect(report.policy).toEqual({ exits: { final: 12, exit3: 0, exit2: 0, exit1: 0 }, refused: 0, infeasibleRanFastest: 0 });
  });
});
