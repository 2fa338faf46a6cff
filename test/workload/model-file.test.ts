// Model-file normaliser: shorthands and defaults, and problems reported all at once with paths.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { normaliseModel, type ModelProblem } from "../../src/workload/model-file.js";
import { specOf } from "./helpers.js";

const problemsOf = (raw: unknown): ModelProblem[] => {
  const r = normaliseModel(raw);
  if (!("problems" in r)) throw new Error("expected problems");
  return r.problems;
};
const file = (layers: unknown[]): unknown => ({ name: "t", input: { shape: [3, 4, 4] }, layers });

describe("normaliseModel: shorthands and defaults", () => {
  it("an omitted inputs list means the previous layer, or the model input for the first layer", () => {
    const s = specOf(file([
      { name: "a", outputShape: [2], macs: 1 },
      { name: "b", outputShape: [2], macs: 1 },
      { name: "c", inputs: ["a", "b"], outputShape: [2], macs: 0 },
    ]));
    expect(s.layers.map((l) => l.inputs)).toEqual([["input"], ["a"], ["a", "b"]]);
  });

  it("input elements are the product of the input shape", () => {
    expect(specOf(file([{ name: "a", outputShape: [1], macs: 0 }])).input).toEqual({ shape: [3, 4, 4], elements: 48 });
  });

  it("outputShape gives elements as its product; outputBytes gives bytes / 4 and a null shape", () => {
    const s = specOf(file([
      { name: "a", outputShape: [2, 3, 5], macs: 0 },
      { name: "b", outputBytes: 400, macs: 0 },
    ]));
    expect([s.layers[0]!.outputElements, s.layers[0]!.outputShape]).toEqual([30, [2, 3, 5]]);
    expect([s.layers[1]!.outputElements, s.layers[1]!.outputShape]).toEqual([100, null]);
  });

  it("params count 4 bytes each, weightBytes is taken as is, and neither means 0; kind defaults to layer", () => {
    const s = specOf(file([
      { name: "a", outputShape: [1], macs: 0, params: 10 },
      { name: "b", outputShape: [1], macs: 0, weightBytes: 6 },
      { name: "c", outputShape: [1], macs: 0, kind: "fc" },
    ]));
    expect(s.layers.map((l) => l.weightBytes)).toEqual([40, 6, 0]);
    expect(s.layers.map((l) => l.kind)).toEqual(["layer", "layer", "fc"]);
  });

  it("timeMs as a number, per device, or per device and batch all normalise to device -> batch -> ms", () => {
    const s = specOf(file([
      { name: "a", outputShape: [1], macs: 0, timeMs: 2.5 },
      { name: "b", outputShape: [1], macs: 0, timeMs: { "jetson-nano": 3 } },
      { name: "c", outputShape: [1], macs: 0, timeMs: { "jetson-nano": { "1": 3, "8": 12 }, "*": 7 } },
      { name: "d", outputShape: [1], macs: 0 },
    ]));
    expect(s.layers.map((l) => l.timeMs)).toEqual([
      { "*": { "1": 2.5 } },
      { "jetson-nano": { "1": 3 } },
      { "jetson-nano": { "1": 3, "8": 12 }, "*": { "1": 7 } },
      null,
    ]);
  });
});

describe("normaliseModel: problems", () => {
  it("every problem in the file is reported in one pass, each at its path", () => {
    const ps = problemsOf({ name: "", input: { shape: [3, 0] }, layers: [
      { name: "a", outputShape: [2], macs: -1 },
      { name: "b", outputShape: [2], outputBytes: 8, macs: 1, weightBytes: 4, params: 1 },
      { name: "c", macs: 1, typo: 1 },
    ] });
    const paths = ps.map((p) => p.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["name", "input.shape.1", "layers.0.macs", "layers.1", "layers.2"]));
    expect(ps.filter((p) => p.path.join(".") === "layers.1").map((p) => p.message)).toEqual([
      "give only one of outputShape and outputBytes",
      "give only one of weightBytes and params",
    ]);
    expect(ps.filter((p) => p.path.join(".") === "layers.2").map((p) => p.message)).toEqual(
      expect.arrayContaining(["give outputShape or outputBytes", expect.stringContaining("typo")]),
    );
  });

  it("an unknown input is named, with a suggestion when a close name exists", () => {
    const ps = problemsOf(file([
      { name: "conv1", outputShape: [1], macs: 0 },
      { name: "fc", inputs: ["covn1", "zzzzzz"], outputShape: [1], macs: 0 },
    ]));
    expect(ps).toEqual([
      { path: ["layers", 1, "inputs", 0], message: 'unknown input "covn1"; did you mean "conv1"?' },
      { path: ["layers", 1, "inputs", 1], message: 'unknown input "zzzzzz"' },
    ]);
  });

  it("an input naming a later layer is reported as out of topological order", () => {
    const ps = problemsOf(file([
      { name: "a", inputs: ["b"], outputShape: [1], macs: 0 },
      { name: "b", outputShape: [1], macs: 0 },
    ]));
    expect(ps).toHaveLength(1);
    expect(ps[0]!.path).toEqual(["layers", 0, "inputs", 0]);
    expect(ps[0]!.message).toMatch(/topological order/);
  });

  it("duplicate layer names and a layer named input are rejected", () => {
    const ps = problemsOf(file([
      { name: "a", outputShape: [1], macs: 0 },
      { name: "a", outputShape: [1], macs: 0 },
      { name: "input", outputShape: [1], macs: 0 },
    ]));
    expect(ps.map((p) => [p.path.join("."), p.message])).toEqual([
      ["layers.1.name", 'duplicate layer name "a" (also layer 0)'],
      ["layers.2.name", '"input" is reserved for the model input'],
    ]);
  });

  it("a model needs at least one layer", () => {
    expect(problemsOf(file([]))).toEqual([{ path: ["layers"], message: "a model needs at least one layer" }]);
  });

  it("shapes need positive integers and outputBytes a multiple of 4", () => {
    const ps = problemsOf(file([
      { name: "a", outputShape: [2, 1.5], macs: 0 },
      { name: "b", outputBytes: 6, macs: 0 },
    ]));
    expect(ps.map((p) => p.path.join("."))).toEqual(["layers.0.outputShape.1", "layers.1.outputBytes"]);
  });

  it("malformed timeMs tables are reported per entry", () => {
    const ps = problemsOf(file([
      { name: "a", outputShape: [1], macs: 0, timeMs: { pi: { "0": 1, "2": -3 }, nano: "fast" } },
      { name: "b", outputShape: [1], macs: 0, timeMs: [1] },
    ]));
    expect(ps.map((p) => p.path.join("."))).toEqual(["layers.0.timeMs.pi.0", "layers.0.timeMs.pi.2", "layers.0.timeMs.nano", "layers.1.timeMs"]);
  });

  it("a non-object file is one problem at the root", () => {
    expect(problemsOf(42)).toHaveLength(1);
    expect(problemsOf(42)[0]!.path).toEqual([]);
  });
});

describe("docs/models.md", () => {
  it("the example model file in the docs is valid and reads as documented", () => {
    const md = readFileSync(new URL("../../docs/models.md", import.meta.url), "utf8");
    const json = /```json\n([\s\S]*?)```/.exec(md)?.[1];
    const s = specOf(JSON.parse(json ?? "null"));
    expect(s.layers.map((l) => l.inputs)).toEqual([["input"], ["stem"], ["branch", "stem"], ["add"]]);
    expect(s.layers[3]!.outputElements).toBe(10);
    expect(s.layers[1]!.timeMs).toEqual({ "raspberry-pi-4": { "1": 1.9 }, a100: { "1": 0.02, "8": 0.05 } });
  });
});
