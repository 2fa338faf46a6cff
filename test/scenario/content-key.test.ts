// The scenario key `content` (a source's scene-label process): labels given as a count or as
// names, the stay probability's range, the closeness default, and where problems are reported.
// Line numbers refer to BASE (the content line is line 12).
import { describe, expect, it } from "vitest";
import { resolveScenarioText } from "../../src/scenario/load.js";
import { BASE, FIXTURES, problemsOf } from "./helpers.js";

const withContent = (content: string) => BASE + `  content: ${content}\n`;
const resolve = (text: string) => resolveScenarioText(text, `${FIXTURES}t.yaml`);

describe("content labels", () => {
  it("a count k names the labels '0' .. 'k-1'", () => {
    expect(resolve(withContent("{ labels: 3, stayProb: 0.9 }")).sources[0]!.content!.labels).toEqual(["0", "1", "2"]);
  });

  it("a list of names is kept as given, in order", () => {
    expect(resolve(withContent("{ labels: [road, park, home], stayProb: 0.9 }")).sources[0]!.content!.labels).toEqual(["road", "park", "home"]);
  });

  it("a name listed twice is a problem at the labels' path", () => {
    expect(problemsOf(withContent("{ labels: [cat, dog, cat], stayProb: 0.9 }"))).toEqual([
      { path: "workload.content.labels", line: 12, message: "label 'cat' is listed twice" },
    ]);
  });

  it("a duplicate in the second of several sources is reported under that source", () => {
    const text = BASE.replace(/workload:[\s\S]*$/, "") + [
      "sources:",
      "  - { at: phone, arrivals: { kind: batch }, requests: 2 }",
      "  - { at: phone, arrivals: { kind: batch }, requests: 2, content: { labels: [a, a], stayProb: 0.5 } }",
    ].join("\n") + "\n";
    expect(problemsOf(text).map((p) => [p.path, p.message])).toEqual([["sources.1.content.labels", "label 'a' is listed twice"]]);
  });

  it("zero labels is a problem", () => {
    expect(problemsOf(withContent("{ labels: 0, stayProb: 0.9 }")).map((p) => p.path)).toEqual(["workload.content.labels"]);
  });
});

describe("content stayProb", () => {
  it("0 and 1 are accepted", () => {
    expect(problemsOf(withContent("{ labels: 2, stayProb: 0 }"))).toEqual([]);
    expect(problemsOf(withContent("{ labels: 2, stayProb: 1 }"))).toEqual([]);
  });

  it("above 1 or below 0 is a problem: must be in [0, 1]", () => {
    for (const p of ["1.5", "-0.1"]) {
      expect(problemsOf(withContent(`{ labels: 2, stayProb: ${p} }`))).toEqual([
        { path: "workload.content.stayProb", line: 12, message: "must be in [0, 1]" },
      ]);
    }
  });

  it("is required", () => {
    expect(problemsOf(withContent("{ labels: 2 }"))).toEqual([{ path: "workload.content.stayProb", line: 12, message: "is required" }]);
  });
});

describe("content closeness", () => {
  it("defaults to uniform", () => {
    expect(resolve(withContent("{ labels: 2, stayProb: 0.5 }")).sources[0]!.content!.closeness).toEqual({ kind: "uniform" });
  });

  it("keeps a beta's shapes", () => {
    const c = resolve(withContent("{ labels: 2, stayProb: 0.5, closeness: { kind: beta, a: 2, b: 5 } }")).sources[0]!.content!;
    expect(c).toEqual({ labels: ["0", "1"], stayProb: 0.5, closeness: { kind: "beta", a: 2, b: 5 } });
  });

  it("a beta shape must be > 0 and a constant must lie in [0, 1]", () => {
    expect(problemsOf(withContent("{ labels: 2, stayProb: 0.5, closeness: { kind: beta, a: 0, b: 1 } }"))).toEqual([
      { path: "workload.content.closeness.a", line: 12, message: "must be > 0" },
    ]);
    expect(problemsOf(withContent("{ labels: 2, stayProb: 0.5, closeness: { kind: constant, value: 2 } }"))).toEqual([
      { path: "workload.content.closeness.value", line: 12, message: "must be in [0, 1]" },
    ]);
  });
});

describe("unknown keys inside content", () => {
  it("a typo of a content key gets a 'did you mean' hint", () => {
    expect(problemsOf(withContent("{ labels: 2, stayProb: 0.5, stayprob: 0.5 }"))).toEqual([
      { path: "workload.content.stayprob", line: 12, message: "unknown key (did you mean 'stayProb'?)" },
    ]);
  });

  it("a typo inside closeness gets a hint from closeness's keys", () => {
    const p = problemsOf(withContent("{ labels: 2, stayProb: 0.5, closeness: { kind: constant, valeu: 0.5 } }"));
    expect(p).toContainEqual({ path: "workload.content.closeness.valeu", line: 12, message: "unknown key (did you mean 'value'?)" });
  });

  it("a key far from every content key gets no hint", () => {
    expect(problemsOf(withContent("{ labels: 2, stayProb: 0.5, colour: red }"))).toEqual([
      { path: "workload.content.colour", line: 12, message: "unknown key" },
    ]);
  });
});
