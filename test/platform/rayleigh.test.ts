// Rayleigh block-fading traces: the sample mean and CDF against their closed forms, seeded
// determinism, B chosen from a mean, block lengths, bad specs, and the scenario form.
import { describe, expect, it } from "vitest";
import type { RayleighSpec } from "../../src/platform/bandwidth/rayleigh.js";
import { rayleighBandwidthMhz } from "../../src/platform/bandwidth/rayleigh.js";
import { synthesize, syntheticProblems } from "../../src/platform/bandwidth/synthetic.js";
import { ScenarioError } from "../../src/scenario/load.js";
import { scenarioFrom } from "../scenario-runs/helpers.js";

/** A&S table 5.1: E₁(0.1), the 1/γ̄ of a 10 dB channel. */
const E1_OF_0_1 = 1.8229239584;
/** Gompertz constant e·E₁(1) (OEIS A073003), the e^{1/γ̄}E₁(1/γ̄) of a 0 dB channel. */
const GOMPERTZ = 0.59634736232319407434;

/** 20 MHz at 10 dB, 10-ms blocks for 1000 s: 10^5 blocks. */
const SPEC: RayleighSpec = { kind: "rayleigh", bandwidthMhz: 20, snrDb: 10, coherenceMs: 10, durationS: 1000, seed: 3 };

const mbps = (s: RayleighSpec): number[] => Array.from(synthesize(s).bps, (b) => b / 1e6);
const mean = (xs: readonly number[]): number => xs.reduce((a, x) => a + x, 0) / xs.length;

describe("rayleigh block fading", () => {
  it("has the closed-form mean B·e^{1/γ̄}·E₁(1/γ̄)/ln 2 = 58.13 Mbit/s at 20 MHz and 10 dB, within 1 %", () => {
    const closed = (20 * Math.exp(0.1) * E1_OF_0_1) / Math.LN2;
    expect(closed).toBeCloseTo(58.13, 2);
    const rates = mbps(SPEC);
    expect(rates).toHaveLength(100_000);
    // Equal blocks, so the time-weighted mean is the plain one. Its sd over 10^5 blocks is ~0.1 %.
    expect(Math.abs(mean(rates) / closed - 1)).toBeLessThan(0.01);
  });

  it("has P(rate <= 20 Mbit/s) = 1 − e^{−0.1} = 0.0952 within 0.003", () => {
    // rate <= r  <=>  log2(1 + γ̄X) <= r/B  <=>  X <= (2^{r/B} − 1)/γ̄ = (2 − 1)/10, and X ~ Exp(1).
    const p = 1 - Math.exp(-(2 ** (20 / 20) - 1) / 10);
    expect(p).toBeCloseTo(0.0952, 4);
    const rates = mbps(SPEC);
    // The sd of the share over 10^5 blocks is 0.0009, so 0.003 is over 3 sd.
    expect(Math.abs(rates.filter((r) => r <= 20).length / rates.length - p)).toBeLessThan(0.003);
  });

  it("gives the same trace for the same seed and another for another seed", () => {
    const spec = { ...SPEC, durationS: 10 };
    expect(mbps(spec)).toEqual(mbps({ ...spec }));
    expect(mbps({ ...spec, seed: 4 })).not.toEqual(mbps(spec));
  });

  it("chooses B from meanMbps so that the mean is 100 Mbit/s within 1 %", () => {
    // 10 dB: B = 100·ln 2 / (e^{0.1}·E₁(0.1)) = 34.41 MHz; 0 dB: B = 100·ln 2 / Gompertz = 116.23 MHz.
    for (const [snrDb, b] of [[10, (100 * Math.LN2) / (Math.exp(0.1) * E1_OF_0_1)], [0, (100 * Math.LN2) / GOMPERTZ]] as const) {
      const spec: RayleighSpec = { kind: "rayleigh", meanMbps: 100, snrDb, coherenceMs: 10, durationS: 1000, seed: 1 };
      expect(rayleighBandwidthMhz(spec) / b - 1).toBeCloseTo(0, 9);
      expect(Math.abs(mean(mbps(spec)) / 100 - 1), `${snrDb} dB`).toBeLessThan(0.01);
    }
  });

  it("holds each draw for exactly one coherence block, the last cut at the duration", () => {
    const t = synthesize({ ...SPEC, coherenceMs: 2.5, durationS: 0.011 });
    // 11 ms in 2.5-ms blocks: four whole blocks and a 1-ms fifth; the trace loops after 11 ms.
    expect(Array.from(t.startsNs)).toEqual([0, 2.5e6, 5e6, 7.5e6, 10e6]);
    expect([t.durationNs, t.periodNs]).toEqual([11e6, 11e6]);
    expect(new Set(t.bps).size).toBe(5);
    for (const b of t.bps) expect(b).toBeGreaterThan(0);
  });

  it("refuses a spec with neither or both of bandwidthMhz and meanMbps, non-positive values or too many blocks", () => {
    const fields = (s: object) => syntheticProblems({ ...SPEC, ...s } as RayleighSpec).map(([f]) => f);
    expect(fields({ bandwidthMhz: undefined })).toEqual(["bandwidthMhz"]);
    expect(fields({ meanMbps: 50 })).toEqual(["bandwidthMhz"]);
    expect(fields({ bandwidthMhz: 0, coherenceMs: -1, durationS: 0 })).toEqual(["durationS", "bandwidthMhz", "coherenceMs"]);
    expect(fields({ bandwidthMhz: undefined, meanMbps: -5 })).toEqual(["meanMbps"]);
    expect(fields({ snrDb: Infinity })).toEqual(["snrDb"]);
    const many = syntheticProblems({ ...SPEC, coherenceMs: 0.01, durationS: 1e6 });
    expect(many).toEqual([["durationS", expect.stringMatching(/100000000000 coherence blocks.*lengthen coherenceMs/)]]);
  });
});

describe("rayleigh in a scenario", () => {
  const scenario = (trace: object, extra: object = {}) => ({
    name: "r", model: "vgg16", seed: 7,
    nodes: { a: { device: "raspberry-pi-4" }, c: { device: "a100" } },
    links: { up: { from: "a", to: "c", trace, ...extra } },
    workload: { arrivals: { kind: "batch" }, requests: 1 },
  });
  const trace = { kind: "rayleigh", bandwidthMhz: 20, snrDb: 10, coherenceMs: 10, durationS: 2 };
  const bps = (obj: object): number[] => {
    const bw = scenarioFrom(obj).links[0]!.bandwidth;
    return bw.kind === "trace" ? Array.from(bw.data.bps) : [];
  };

  it("draws with the scenario's seed unless the trace names its own, like gilbert-elliott", () => {
    const fromScenario = bps(scenario(trace));
    expect(fromScenario).toEqual(Array.from(synthesize({ ...trace, seed: 7 } as RayleighSpec).bps));
    expect(bps(scenario({ ...trace, seed: 9 }))).toEqual(Array.from(synthesize({ ...trace, seed: 9 } as RayleighSpec).bps));
    expect(bps({ ...scenario(trace), seed: 8 })).not.toEqual(fromScenario);
  });

  it("takes meanMbps instead of bandwidthMhz, and is floored by the link's minMbps", () => {
    const floored = bps(scenario({ ...trace, bandwidthMhz: undefined, meanMbps: 50 }, { minMbps: 40 }));
    expect(floored).toHaveLength(200);
    expect(Math.min(...floored)).toBe(40e6);
  });

  it("reports both bandwidthMhz and meanMbps at the trace's path", () => {
    let problems: readonly { path: string; message: string }[] = [];
    try {
      scenarioFrom(scenario({ ...trace, meanMbps: 50 }));
    } catch (e) {
      if (e instanceof ScenarioError) problems = e.problems;
    }
    expect(problems.map((p) => [p.path, p.message])).toEqual([["links.up.trace.bandwidthMhz", "give bandwidthMhz or meanMbps, not both"]]);
  });
});
