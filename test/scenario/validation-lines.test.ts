// Every problem of a file is reported at once, each with its dotted path and its 1-based line
// (a missing key at its parent's line; a value from --set without a line).
import { describe, expect, it } from "vitest";
import { loadScenario, ScenarioError } from "../../src/scenario/load.js";
import { BASE, FIXTURES, fileProblems, problemsOf } from "./helpers.js";

describe("problem locations", () => {
  it("an invalid scenario with three separate mistakes reports all three, each with its path and line", () => {
    // Lines counted in fixtures/three-mistakes.yaml (noted in its comments).
    expect(fileProblems(`${FIXTURES}three-mistakes.yaml`)).toEqual([
      { path: "nodes.cloud.servers", line: 8, message: "must be >= 1" },
      { path: "links.up.to", line: 10, message: "no node named 'moon'" },
      { path: "workload.warmupRequsts", line: 14, message: "unknown key (did you mean 'warmupRequests'?)" },
    ]);
  });

  it("the error message lists every problem as file:line: path: message", () => {
    const file = `${FIXTURES}three-mistakes.yaml`;
    let message = "";
    try {
      loadScenario(file);
    } catch (e) {
      if (e instanceof ScenarioError) message = e.message;
    }
    expect(message).toContain(`${file}:8: nodes.cloud.servers: must be >= 1`);
    expect(message).toContain(`${file}:10: links.up.to: no node named 'moon'`);
    expect(message).toContain(`${file}:14: workload.warmupRequsts: unknown key`);
  });

  it("a missing required key is reported at the line of its parent", () => {
    const text = BASE.replace("  cloud: { device: a100 }", "  cloud: { servers: 2 }");
    expect(problemsOf(text)).toEqual([{ path: "nodes.cloud.device", line: 5, message: "is required" }]);
  });

  it("a missing top-level section is reported at the top of the file", () => {
    const text = BASE.split("\n").slice(0, 8).join("\n") + "\n";
    expect(problemsOf(text)).toEqual([
      { path: "workload", line: 1, message: "a scenario needs a workload (one source) or sources" },
    ]);
  });

  it("a problem in a value set by --set names its path and has no line", () => {
    expect(problemsOf(BASE, { sets: ["workload.requests=0"] })).toEqual([
      { path: "workload.requests", line: null, message: "must be >= 1 (set by --set)" },
    ]);
  });

  it("a JSON scenario's problems carry their JSON line", () => {
    expect(fileProblems(`${FIXTURES}bad.json`)).toEqual([{ path: "nodes.cloud.maxBatch", line: 5, message: "must be >= 1" }]);
  });

  it("a YAML syntax error is a problem with its line, not a crash", () => {
    const p = problemsOf(BASE.replace("  requests: 20", "  requests: [20"));
    expect(p.length).toBeGreaterThan(0);
    expect(p[0]!.message).toMatch(/^YAML:/);
    expect(p[0]!.line).not.toBeNull();
  });
});
