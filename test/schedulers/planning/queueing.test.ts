// Queueing formulas against textbook closed forms: Erlang C values, M/M/1 (Wq = ρ/(μ − λ)),
// M/D/1 (half of that: Pollaczek–Khinchine), M/M/c (Erlang C / (cμ − λ)), D/D/1 (no wait), the
// linking equation's fixed points (Poisson through M/M/1 stays Poisson; D through D stays D), and
// saturation.
import { describe, expect, it } from "vitest";
import { departureScv, erlangC, gapScv, stageWait, tandemWait } from "../../../src/schedulers/planning/queueing.js";

describe("queueing", () => {
  it("Erlang C: one server waits with probability ρ; two servers at a = 1 with 1/3", () => {
    expect(erlangC(1, 0.7)).toBeCloseTo(0.7, 12);
    // C(2, 1) = (a²/2!)(c/(c−a)) / (1 + a + (a²/2!)(c/(c−a))) = 1 / (1 + 1 + 1) = 1/3.
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
    // C(3, 2): a³/3! · 3/(3−2) = 4; 1 + 2 + 2 + 4 = 9 → 4/9.
    expect(erlangC(3, 2)).toBeCloseTo(4 / 9, 12);
    expect(() => erlangC(2, 2)).toThrow(/offered load/);
  });

  it("M/M/1 at λ = 8, s = 0.1: Wq = ρ/(μ − λ) = 0.8/2 = 0.4; M/D/1 half of it, 0.2; D/D/1 none", () => {
    expect(stageWait(8, { service: 0.1, servers: 1, scv: 1 }, 1)).toBeCloseTo(0.4, 12);
    expect(stageWait(8, { service: 0.1, servers: 1, scv: 0 }, 1)).toBeCloseTo(0.2, 12);
    expect(stageWait(8, { service: 0.1, servers: 1, scv: 0 }, 0)).toBe(0);
  });

  it("M/M/2 at λ = 1, s = 1: Wq = C(2, 1)/(2 − 1) = 1/3", () => {
    expect(stageWait(1, { service: 1, servers: 2, scv: 1 }, 1)).toBeCloseTo(1 / 3, 12);
  });

  it("a saturated stage waits for ever, and so does the tandem", () => {
    expect(stageWait(10, { service: 0.1, servers: 1, scv: 0 }, 1)).toBe(Infinity);
    expect(tandemWait(10, [{ service: 0.05, servers: 1, scv: 0 }, { service: 0.1, servers: 1, scv: 0 }], 1)).toBe(Infinity);
  });

  it("linking: Poisson through M/M/1 leaves Poisson (Burke); periodic through deterministic stays periodic", () => {
    expect(departureScv(8, { service: 0.1, servers: 1, scv: 1 }, 1)).toBeCloseTo(1, 12);
    expect(departureScv(8, { service: 0.1, servers: 1, scv: 0 }, 0)).toBeCloseTo(0, 12);
    // Two M/M/1 stages in tandem (Jackson): each waits ρ/(μ − λ).
    const mm1 = { service: 0.1, servers: 1, scv: 1 };
    expect(tandemWait(8, [mm1, mm1], 1)).toBeCloseTo(0.8, 12);
  });

  it("gap SCV: evenly spaced times give 0, gaps 1 and 3 give ((1−2)² + (3−2)²)/2 / 2² = 1/4", () => {
    expect(gapScv([0, 10, 20, 30])).toBe(0);
    expect(gapScv([0, 1, 4, 5, 8])).toBeCloseTo(0.25, 12);
  });
});
