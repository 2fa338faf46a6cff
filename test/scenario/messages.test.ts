// What problems say: a wrong type is not "required", a typo gets the key it probably meant (also
// inside nested alternatives), and a value of one alternative's type gets that alternative's problems.
import { describe, expect, it } from "vitest";
import { BASE, problemsOf } from "./helpers.js";

describe("problem messages", () => {
  it("a value of the wrong type says what was expected, not that it is missing", () => {
    expect(problemsOf(BASE.replace("{ device: a100 }", "{ device: a100, servers: two }"))).toEqual([
      { path: "nodes.cloud.servers", line: 5, message: "expected number, received string" },
    ]);
  });

  it("an unknown top-level key gets the known key within two edits", () => {
    expect(problemsOf(BASE + "schedulrs: all\n")).toEqual([
      { path: "schedulrs", line: 12, message: "unknown key (did you mean 'schedulers'?)" },
    ]);
  });

  it("an unknown key far from every known one gets no hint", () => {
    expect(problemsOf(BASE + "colour: blue\n")).toEqual([{ path: "colour", line: 12, message: "unknown key" }]);
  });

  it("a typo inside a synthetic trace object is reported inside it, with a hint", () => {
    const p = problemsOf(BASE.replace("bandwidthMbps: 10", "trace: { kind: steps, stepS: 1, mbs: [1, 2] }"));
    expect(p).toEqual([
      { path: "links.up.trace.mbps", line: 7, message: "is required" },
      { path: "links.up.trace.mbs", line: 7, message: "unknown key (did you mean 'mbps'?)" },
    ]);
  });

  it("an estimator object with an unknown kind names the kinds", () => {
    const p = problemsOf(BASE + "estimator: { kind: kalman }\n");
    expect(p.map((x) => [x.path, x.line])).toEqual([["estimator.kind", 12]]);
    expect(p[0]!.message).toMatch(/"oracle"\|"last"\|"ewma"\|"harmonic"/);
  });

  it("a value that fits no alternative gets the alternatives' summary", () => {
    expect(problemsOf(BASE + "schedulers: 5\n")).toEqual([
      { path: "schedulers", line: 12, message: "must be all or a list of scheduler names, plug-in files or { name, use, options } instances" },
    ]);
  });
});
