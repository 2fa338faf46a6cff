// Timelines pass a schema check of the Chrome Trace Event Format (trace-event-schema.ts): the flow
// shop, every quickstart scheduler, and two cameras with batching, a looping bandwidth profile,
// a learning estimator, a sharing link and a two-server cloud.
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../src/scenario/load.js";
import { traceProblems } from "./trace-event-schema.js";
import { runWithTimeline } from "./timeline-helpers.js";

describe("the Chrome trace-event schema check", () => {
  it("finds nothing wrong in a trace it accepts, and flags a partly overlapping slice, an unpaired flow and a missing name", () => {
    const ok = { traceEvents: [
      { name: "process_name", ph: "M", pid: 1, args: { name: "p" } },
      { name: "a", ph: "X", ts: 0, dur: 10, pid: 1, tid: 1 },
      { name: "b", ph: "X", ts: 2, dur: 3, pid: 1, tid: 1 },
    ] };
    expect(traceProblems(JSON.stringify(ok))).toEqual([]);
    const bad = { traceEvents: [
      { name: "a", ph: "X", ts: 0, dur: 10, pid: 1, tid: 1 },
      { name: "b", ph: "X", ts: 5, dur: 10, pid: 1, tid: 1 },
      { name: "r", ph: "s", cat: "flow", id: 1, ts: 1, pid: 1, tid: 1 },
    ] };
    const problems = traceProblems(JSON.stringify(bad));
    expect(problems.some((p) => p.includes("overlaps"))).toBe(true);
    expect(problems.some((p) => p.includes("1 starts and 0 ends"))).toBe(true);
    expect(problems.some((p) => p.includes("no process_name"))).toBe(true);
  });

  for (const scheduler of ["device-only", "cloud-only", "fixed-split", "neurosurgeon"]) {
    it(`the quickstart's ${scheduler} timeline is a valid trace`, () => {
      const { text } = runWithTimeline(loadScenario("scenarios/quickstart.yaml", { sets: ["workload.requests=300"] }), scheduler);
      expect(traceProblems(text)).toEqual([]);
    });
  }

  const variants: Array<[string, string[]]> = [
    ["batching and a looping profile", []],
    ["a sharing uplink", ["links.up2.discipline=shared", "links.up1.discipline=shared"]],
    ["a two-server cloud", ["nodes.cloud.servers=2"]],
  ];
  for (const [what, sets] of variants) {
    for (const scheduler of ["cloud-only", "neurosurgeon"]) {
      it(`two cameras with ${what} (${scheduler}) give a valid trace`, () => {
        const { text } = runWithTimeline(loadScenario("scenarios/examples/two-cameras.yaml", { sets }), scheduler);
        expect(traceProblems(text)).toEqual([]);
      });
    }
  }
});
