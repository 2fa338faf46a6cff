// When DECC plans again: on a move of the uplink estimate or the rate beyond `hysteresis`
// (relative to the values of the last plan), and once `replanMs` has passed since the last plan.
import { describe, expect, it } from "vitest";
import { run } from "../../scenario-runs/helpers.js";
import { inceptionScenario } from "./helpers.js";

const replans = (options: Record<string, unknown>, extra: Record<string, unknown> = {}): number => {
  const s = { ...inceptionScenario(), ...extra, options: { decc: { objective: "latency", ...options } } };
  return run(s, "decc").report.policy!["replans"] as number;
};

const periodic = { workload: { arrivals: { kind: "periodic", fps: 10 }, requests: 50 } }; // 0 .. 4.9 s

describe("decc: re-planning", () => {
  it("constant bandwidth and rate: one plan for the whole run", () => {
    expect(replans({}, periodic)).toBe(1);
  });

  it("replanMs: 1000 plans again at the first request 1 s or more after the last plan: at 0, 1, 2, 3, 4 s", () => {
    expect(replans({ replanMs: 1000 }, periodic)).toBe(5);
  });

  it("a trace that steps 8 → 16 → 8 Mbit/s: hysteresis 0.1 follows both steps, hysteresis 1.5 neither", () => {
    // Requests every 100 ms; the rate doubles at 2 s and halves back at 4 s.
    const trace = { links: { up: { from: "cam", to: "cloud", trace: { kind: "steps", stepS: 2, mbps: [8, 16, 8] } } } };
    expect(replans({}, { ...periodic, ...trace })).toBe(3);
    expect(replans({ hysteresis: 1.5 }, { ...periodic, ...trace })).toBe(1);
  });

  it("rate: estimate re-plans as the estimate settles, then holds", () => {
    const poisson = { workload: { arrivals: { kind: "periodic", fps: 10 }, requests: 200 } };
    const n = replans({ objective: "delay", rate: "estimate" }, poisson);
    // First request: no estimate (λ = 0); second: the first gap; periodic gaps never move it again.
    expect(n).toBe(2);
  });
});
