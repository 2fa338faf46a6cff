// Enumerating predecessor-closed sets: the six-layer hand DAG's 13 sets, their order and boundaries,
// the limit, and enumeration restricted to a group of free layers.
import { describe, expect, it } from "vitest";
import { enumerateClosedSets } from "../../../src/schedulers/planning/cut-sets.js";
import { maskCut } from "../../../src/schedulers/planning/mask-cut.js";
import { boundaryBytes } from "../../../src/workload/quantization.js";
import { maskOf, sixLayers } from "./hand-dags.js";

const m = sixLayers();
const [stem, left, right, join, side, head] = [0, 1, 2, 3, 4, 5];
const upstreamNames = (mask: Uint8Array): string[] => m.names.filter((_, i) => mask[i] === 1);

describe("enumerateClosedSets on the six-layer DAG", () => {
  // Written out by hand from the drawing in hand-dags.ts: stem needs nothing upstream but the raw
  // input, left/right need stem, join needs both, side needs nothing, head needs join and side.
  // Order: ascending mask value with layer i as bit i (mask value in the comment).
  const HAND: Array<[upstream: string[], boundary: number[], label: string]> = [
    [[], [-1], "input"], // 0
    [["stem"], [-1, stem], "stem"], // 1: side still reads the raw input
    [["stem", "left"], [-1, stem, left], "left"], // 3
    [["stem", "right"], [-1, stem, right], "right"], // 5
    [["stem", "left", "right"], [-1, left, right], "left+right"], // 7
    [["stem", "left", "right", "join"], [-1, join], "join"], // 15
    [["side"], [-1, side], "side"], // 16: stem reads the raw input
    [["stem", "side"], [stem, side], "stem+side"], // 17
    [["stem", "left", "side"], [stem, left, side], "left+side"], // 19
    [["stem", "right", "side"], [stem, right, side], "right+side"], // 21
    [["stem", "left", "right", "side"], [left, right, side], "left+right+side"], // 23
    [["stem", "left", "right", "join", "side"], [join, side], "join+side"], // 31
    [["stem", "left", "right", "join", "side", "head"], [], "head"], // 63: device-only sends nothing
  ];
  const sets = enumerateClosedSets(m);

  it("finds exactly the 13 closed sets of the hand list, in ascending mask order", () => {
    expect(sets.map((s) => upstreamNames(s.upstream))).toEqual(HAND.map(([u]) => u));
  });

  it("each set's boundary lists every crossing tensor once, sorted, the raw input as -1", () => {
    expect(sets.map((s) => Array.from(s.boundary))).toEqual(HAND.map(([, b]) => b));
  });

  it("labels name the set's maximal upstream layers, 'input' for the empty set", () => {
    expect(sets.map((s) => s.label)).toEqual(HAND.map(([, , l]) => l));
  });

  it("boundaryElements adds the tensors' sizes: {stem, left} sends input 48 + stem 40 + left 24", () => {
    expect(sets[2]!.boundaryElements).toBe(112);
  });

  it("the prefixes of the file's order appear among them, in prefixCuts() order, with the same boundaries", () => {
    const prefixes = m.prefixCuts().map((c) => Array.from(c.boundary));
    const asPrefix = sets.filter((s) => upstreamNames(s.upstream).every((_, k, a) => a[k] === m.names[k]));
    expect(asPrefix.map((s) => Array.from(s.boundary))).toEqual(prefixes);
  });

  it("a tensor read by two downstream layers is sent once: stem upstream alone costs input + stem", () => {
    // {stem}: the raw input (48 elements, uint8) + stem (40 elements at 8 bits), 16-byte header each.
    expect(boundaryBytes(m, sets[1]!.boundary, 8, 16)).toBe(48 + 16 + (40 + 16));
    // Nothing upstream: the raw input goes once although stem and side both read it.
    expect(boundaryBytes(m, sets[0]!.boundary, 8, 16)).toBe(48 + 16);
  });
});

describe("enumerateClosedSets limits and restrictions", () => {
  it("throws a RangeError naming the model when there are more sets than the limit", () => {
    expect(() => enumerateClosedSets(m, { limit: 12 })).toThrow(RangeError);
    expect(() => enumerateClosedSets(m, { limit: 12 })).toThrow(/model six has more than 12 predecessor-closed sets/);
    expect(enumerateClosedSets(m, { limit: 13 })).toHaveLength(13);
  });

  it("rejects a limit that is not a positive integer", () => {
    expect(() => enumerateClosedSets(m, { limit: 0 })).toThrow(RangeError);
    expect(() => enumerateClosedSets(m, { limit: 2.5 })).toThrow(RangeError);
  });

  it("with stem fixed upstream and only the branch free, gives the 5 cuts through the branch", () => {
    const sets = enumerateClosedSets(m, { upstream: maskOf(6, [stem]), free: [left, right, join] });
    expect(sets.map((s) => upstreamNames(s.upstream))).toEqual([
      ["stem"], ["stem", "left"], ["stem", "right"], ["stem", "left", "right"], ["stem", "left", "right", "join"],
    ]);
  });

  it("a free layer whose input is neither fixed nor free stays downstream", () => {
    // join is free but left is fixed downstream, so join can never go upstream.
    const sets = enumerateClosedSets(m, { upstream: maskOf(6, [stem]), free: [right, join] });
    expect(sets.map((s) => upstreamNames(s.upstream))).toEqual([["stem"], ["stem", "right"]]);
  });

  it("names the free-layer scope in the limit error", () => {
    expect(() => enumerateClosedSets(m, { free: [stem, left, right], limit: 4 })).toThrow(/more than 4 .* over its 3 free layers/);
  });

  it("rejects a fixed upstream set that is not predecessor-closed, and unknown free layers", () => {
    expect(() => enumerateClosedSets(m, { upstream: maskOf(6, [left]) })).toThrow(/not predecessor-closed/);
    expect(() => enumerateClosedSets(m, { upstream: new Uint8Array(5) })).toThrow(/5 entries/);
    expect(() => enumerateClosedSets(m, { free: [6] })).toThrow(/has no layer 6/);
  });
});

describe("maskCut", () => {
  it("describes any closed mask as prefixCuts() would: {stem, side} sends stem and side", () => {
    const cut = maskCut(m, maskOf(6, [stem, side]));
    expect(cut).toEqual({ label: "stem+side", upstream: maskOf(6, [stem, side]), boundary: Int32Array.from([stem, side]), boundaryElements: 50 });
  });

  it("copies the mask, so the caller can reuse its buffer", () => {
    const mask = maskOf(6, [stem]);
    const cut = maskCut(m, mask);
    mask[left] = 1;
    expect(Array.from(cut.upstream)).toEqual([1, 0, 0, 0, 0, 0]);
  });

  it("throws for a mask that is not predecessor-closed (head without its inputs)", () => {
    expect(() => maskCut(m, maskOf(6, [head]))).toThrow(/not predecessor-closed/);
  });
});
