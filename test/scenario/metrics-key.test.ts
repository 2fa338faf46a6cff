// The scenario key `metrics`: deadlines for P(latency <= D) and the bin width of the time series.
// Line numbers refer to BASE (the metrics line is line 12).
import { describe, expect, it } from "vitest";
import { resolveScenarioText } from "../../src/scenario/load.js";
import { BASE, FIXTURES, problemsOf } from "./helpers.js";

const resolve = (text: string) => resolveScenarioText(text, `${FIXTURES}t.yaml`);
const withMetrics = (m: string) => BASE + `metrics: ${m}\n`;

describe("metrics", () => {
  it("deadlines are sorted and given once each", () => {
    expect(resolve(withMetrics("{ deadlinesMs: [100, 20, 50, 20, 100] }")).metrics).toEqual({ deadlinesMs: [20, 50, 100] });
  });

  it("sorts deadlines by value, not as text", () => {
    expect(resolve(withMetrics("{ deadlinesMs: [9, 10, 100, 2.5] }")).metrics!.deadlinesMs).toEqual([2.5, 9, 10, 100]);
  });

  it("keeps binMs as given", () => {
    expect(resolve(withMetrics("{ binMs: 250 }")).metrics).toEqual({ binMs: 250 });
  });

  it("a scenario without metrics resolves without the key (so its hash is unchanged)", () => {
    expect("metrics" in resolve(BASE)).toBe(false);
  });

  it("binMs must be at least 1 ns", () => {
    for (const b of ["0", "-5", "0.0000001"]) {
      expect(problemsOf(withMetrics(`{ binMs: ${b} }`))).toEqual([{ path: "metrics.binMs", line: 12, message: "must be at least 0.000001 (1 ns)" }]);
    }
  });

  it("every deadline must be > 0, and the list must not be empty", () => {
    expect(problemsOf(withMetrics("{ deadlinesMs: [10, 0] }"))).toEqual([{ path: "metrics.deadlinesMs.1", line: 12, message: "must be > 0" }]);
    expect(problemsOf(withMetrics("{ deadlinesMs: [] }"))).toEqual([{ path: "metrics.deadlinesMs", line: 12, message: "give at least one deadline" }]);
  });

  it("an unknown key under metrics is a problem with a 'did you mean' hint", () => {
    expect(problemsOf(withMetrics("{ deadlineMs: [10] }"))).toEqual([
      { path: "metrics.deadlineMs", line: 12, message: "unknown key (did you mean 'deadlinesMs'?)" },
    ]);
    expect(problemsOf(withMetrics("{ binMS: 10 }"))).toEqual([{ path: "metrics.binMS", line: 12, message: "unknown key (did you mean 'binMs'?)" }]);
  });

  it("latencySketch is a relative error in [1e-6, 0.1]", () => {
    expect(resolve(withMetrics("{ latencySketch: 0.001 }")).metrics).toEqual({ latencySketch: 0.001 });
    expect(problemsOf(withMetrics("{ latencySketch: 0.5 }"))).toEqual([
      { path: "metrics.latencySketch", line: 12, message: "must be at most 0.1 (10 %): a coarser sketch says little" },
    ]);
    expect(problemsOf(withMetrics("{ latencySketch: 0 }"))).toEqual([{ path: "metrics.latencySketch", line: 12, message: "must be at least 0.000001" }]);
  });

  it("a misspelt latencySketch gets the hint too", () => {
    expect(problemsOf(withMetrics("{ latencySketh: 0.01 }"))).toEqual([{ path: "metrics.latencySketh", line: 12, message: "unknown key (did you mean 'latencySketch'?)" }]);
  });

  it("a key of another kind is named as such, not suggested as itself (cv with noise kind none)", () => {
    expect(problemsOf(BASE + "noise: { compute: { kind: none, cv: 0.1 } }\n")).toEqual([
      { path: "noise.compute.cv", line: 12, message: "not a key of this kind (other kinds take it: check kind)" },
    ]);
  });
});
