// Model files with layer geometry and early exits: a valid file round-trips through its ModelSpec,
// files without them normalise as before, and every bad value is reported at its path.
import { describe, expect, it } from "vitest";
import { normaliseModel, type ModelProblem } from "../../src/workload/model-file.js";
import type { LayerSpec, ModelSpec } from "../../src/workload/model-spec.js";
import { specOf } from "./helpers.js";

const problemsOf = (raw: unknown): ModelProblem[] => {
  const r = normaliseModel(raw);
  if (!("problems" in r)) throw new Error("expected problems");
  return r.problems;
};
const at = (raw: unknown): string[] => problemsOf(raw).map((p) => p.path.join("."));

// 3×8×8 -> conv 3×3 s1 p1 (16×8×8) -> pool 2×2 s2 (16×4×4) -> fc 10; one exit after the conv.
const good = (): Record<string, unknown> => ({
  name: "tiny",
  input: { shape: [3, 8, 8] },
  accuracy: 91.5,
  layers: [
    { name: "conv", kind: "conv", outputShape: [16, 8, 8], macs: 27_648, params: 448,
      geometry: { kernel: 3, stride: 1, padding: 1, groups: 1 } },
    { name: "pool", kind: "pool", outputShape: [16, 4, 4], macs: 0, geometry: { kernel: [2, 2], stride: [2, 2] } },
    { name: "fc", kind: "fc", outputShape: [10], macs: 2560, params: 2570 },
  ],
  exits: [{
    name: "early", after: "conv", accuracy: 70.25,
    layers: [
      { name: "early.gap", kind: "pool", outputShape: [16, 1, 1], macs: 0, geometry: { kernel: 8, stride: 8, adaptive: true } },
      { name: "early.fc", kind: "fc", outputShape: [10], macs: 160, params: 170 },
    ],
  }],
});

/** A ModelSpec written back as a model file (explicit inputs, weightBytes, full geometry). */
const layerToFile = (l: LayerSpec): Record<string, unknown> => ({
  name: l.name, kind: l.kind, inputs: l.inputs, outputShape: l.outputShape, macs: l.macs, weightBytes: l.weightBytes,
  ...(l.geometry ? { geometry: l.geometry } : {}),
});
const toFile = (s: ModelSpec): unknown => ({
  name: s.name, input: { shape: s.input.shape }, layers: s.layers.map(layerToFile),
  ...(s.exits ? { exits: s.exits.map((e) => ({ name: e.name, after: e.after, accuracy: e.accuracy, layers: e.layers.map(layerToFile) })) } : {}),
  ...(s.accuracy !== undefined ? { accuracy: s.accuracy } : {}),
});

describe("geometry and exits in model files", () => {
  it("a file with geometry and exits round-trips: written back from its spec, it reads as the same spec", () => {
    const s = specOf(good());
    expect(specOf(toFile(s))).toEqual(s);
  });

  it("single numbers mean [n, n]; padding defaults to 0 and dilation to 1; the head's chain starts at `after`", () => {
    const s = specOf(good());
    expect(s.layers[0]!.geometry).toEqual({ kernel: [3, 3], stride: [1, 1], padding: [1, 1], dilation: [1, 1], groups: 1 });
    expect(s.layers[1]!.geometry).toEqual({ kernel: [2, 2], stride: [2, 2], padding: [0, 0], dilation: [1, 1] });
    expect(s.exits!.map((e) => [e.name, e.after, e.accuracy, e.layers.map((l) => l.inputs)])).toEqual([
      ["early", "conv", 70.25, [["conv"], ["early.gap"]]],
    ]);
    expect(s.accuracy).toBe(91.5);
  });

  it("a file without them has no geometry, exits or accuracy keys at all (so it hashes as before)", () => {
    const s = specOf({ name: "t", input: { shape: [3, 4, 4] }, layers: [{ name: "a", outputShape: [2], macs: 1 }] });
    expect(Object.keys(s).sort()).toEqual(["input", "layers", "name"]);
    expect("geometry" in s.layers[0]!).toBe(false);
  });
});

describe("bad geometry is reported at its path", () => {
  it("non-positive kernel, a one-element pair, negative padding, an unknown key, groups 0 and a non-boolean flag", () => {
    const f = good();
    (f["layers"] as Array<Record<string, unknown>>)[0]!["geometry"] = {
      kernel: 0, stride: [1], padding: -1, size: 3, groups: 0, ceilMode: "yes",
    };
    expect(at(f)).toEqual([
      "layers.0.geometry.size", "layers.0.geometry.kernel", "layers.0.geometry.stride", "layers.0.geometry.padding",
      "layers.0.geometry.groups", "layers.0.geometry.ceilMode",
    ]);
  });

  it("a geometry that does not reproduce the output shape: 3×3 stride 2 padding 1 turns 8×8 into 4×4, not 8×8", () => {
    const f = good();
    (f["layers"] as Array<Record<string, unknown>>)[0]!["geometry"] = { kernel: 3, stride: 2, padding: 1 };
    const [p] = problemsOf(f);
    expect(p!.path).toEqual(["layers", 0, "geometry"]);
    expect(p!.message).toMatch(/turn 8×8 into 4×4, but outputShape is 8×8/);
  });

  it("groups must divide both channel counts (3 input channels, 2 groups)", () => {
    const f = good();
    (f["layers"] as Array<Record<string, unknown>>)[0]!["geometry"] = { kernel: 3, stride: 1, padding: 1, groups: 2 };
    expect(problemsOf(f)).toEqual([{ path: ["layers", 0, "geometry"], message: "groups 2 must divide both 3 input and 16 output channels" }]);
  });

  it("an adaptive pool from 8×8 to 1×1 must say kernel 8, stride 8; a head's geometry is checked against `after`", () => {
    const f = good();
    const head = ((f["exits"] as Array<Record<string, unknown>>)[0]!["layers"] as Array<Record<string, unknown>>)[0]!;
    head["geometry"] = { kernel: 4, stride: 4, adaptive: true };
    expect(at(f)).toEqual(["exits.0.layers.0.geometry"]);
  });
});

describe("bad exits are reported at their paths", () => {
  const withExits = (exits: unknown, extra: Record<string, unknown> = {}): unknown => ({ ...good(), exits, ...extra });
  const head = [{ name: "h.fc", outputShape: [10], macs: 0 }];

  it("an unknown after layer (with a suggestion), the model input, and the last layer", () => {
    const ps = problemsOf(withExits([
      { name: "a", after: "cnov", accuracy: 50, layers: head },
      { name: "b", after: "input", accuracy: 50, layers: head },
      { name: "c", after: "fc", accuracy: 50, layers: head },
    ]));
    expect(ps.map((p) => p.path.join("."))).toEqual(["exits.0.after", "exits.1.after", "exits.2.after"]);
    expect(ps[0]!.message).toBe('unknown layer "cnov"; did you mean "conv"?');
    expect(ps[2]!.message).toMatch(/last layer/);
  });

  it("exits out of the order of their after layers, and a duplicate exit name", () => {
    const ps = problemsOf(withExits([
      { name: "late", after: "pool", accuracy: 60, layers: head },
      { name: "late", after: "conv", accuracy: 50, layers: head },
    ]));
    expect(ps.map((p) => p.path.join("."))).toEqual(["exits.1.name", "exits.1.after"]);
    expect(ps[1]!.message).toMatch(/"conv" \(layer 0\) comes before "pool" \(layer 1\)/);
  });

  it("accuracy outside (0, 100] for an exit and for the model; an empty exit list", () => {
    expect(at(withExits([{ name: "a", after: "conv", accuracy: 0, layers: head }], { accuracy: 100.5 }))).toEqual(["accuracy", "exits.0.accuracy"]);
    expect(problemsOf(withExits([]))).toEqual([{ path: ["exits"], message: "must be a non-empty list of exits (omit it when the model has none)" }]);
  });

  it("head layers: a main layer's name, a duplicate, reading a main layer other than after, and an unknown input", () => {
    const ps = problemsOf(withExits([{
      name: "a", after: "conv", accuracy: 50,
      layers: [
        { name: "pool", outputShape: [10], macs: 0 },
        { name: "h", outputShape: [10], macs: 0 },
        { name: "h", inputs: ["pool"], outputShape: [10], macs: 0 },
        { name: "k", inputs: ["fc", "hh"], outputShape: [10], macs: 0 },
      ],
    }]));
    expect(ps.map((p) => p.path.join("."))).toEqual([
      "exits.0.layers.0.name", "exits.0.layers.2.name", "exits.0.layers.2.inputs.0", "exits.0.layers.3.inputs.0", "exits.0.layers.3.inputs.1",
    ]);
    expect(ps[3]!.message).toBe('input "fc": a head reads only its exit\'s after layer "conv" or earlier head layers');
    expect(ps[4]!.message).toBe('unknown input "hh"; did you mean "h"?');
  });

  it("a head without layers and an unknown key", () => {
    expect(at(withExits([{ name: "a", after: "conv", accuracy: 50, layers: [], head: 1 }]))).toEqual(["exits.0.layers", "exits.0"]);
  });
});
