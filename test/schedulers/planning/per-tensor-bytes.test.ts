// Bytes of a boundary with one bit width per tensor: ⌈elements·bits/8⌉ + header each, the raw input
// as uint8 whatever its entry says. Sizes from the six-layer DAG in hand-dags.ts.
import { describe, expect, it } from "vitest";
import { boundaryBytesPerTensor } from "../../../src/schedulers/planning/per-tensor-bytes.js";
import { sixLayers } from "./hand-dags.js";

const m = sixLayers(); // input 48, stem 40, left 24, right 16, join 30, side 10, head 5 elements
const HEADER = 16;

describe("boundaryBytesPerTensor", () => {
  it("gives each tensor its own bits and header: join 30 at 3 bits, side 10 at 5 bits", () => {
    // ⌈30·3/8⌉ = ⌈11.25⌉ = 12 and ⌈10·5/8⌉ = ⌈6.25⌉ = 7, each + 16.
    expect(boundaryBytesPerTensor(m, [3, 4], [3, 5], HEADER)).toBe(12 + 16 + (7 + 16));
  });

  it("sends the raw input as uint8 whatever bits its entry gives", () => {
    // input 48 B + 16; stem ⌈40·4/8⌉ = 20 + 16; left ⌈24·2/8⌉ = 6 + 16.
    const expected = 48 + 16 + (20 + 16) + (6 + 16);
    expect(boundaryBytesPerTensor(m, [-1, 0, 1], [32, 4, 2], HEADER)).toBe(expected);
    expect(boundaryBytesPerTensor(m, [-1, 0, 1], [2, 4, 2], HEADER)).toBe(expected);
  });

  it("at 32 bits a tensor costs 4 bytes per element", () => {
    expect(boundaryBytesPerTensor(m, [2], [32], 0)).toBe(64);
  });

  it("an empty boundary (device-only) costs nothing", () => {
    expect(boundaryBytesPerTensor(m, [], [], HEADER)).toBe(0);
  });

  it("rejects a bits array of another length than the boundary", () => {
    expect(() => boundaryBytesPerTensor(m, [0, 4], [8], HEADER)).toThrow(/2 boundary tensors but 1 bit widths/);
  });

  it("rejects a tensor listed twice instead of charging it twice", () => {
    expect(() => boundaryBytesPerTensor(m, [0, 0], [8, 4], HEADER)).toThrow(/tensor 0 is listed twice/);
  });

  it("rejects a bit width outside the wire levels and an unknown tensor", () => {
    expect(() => boundaryBytesPerTensor(m, [0], [1], HEADER)).toThrow(RangeError);
    expect(() => boundaryBytesPerTensor(m, [6], [8], HEADER)).toThrow(/model six has no tensor 6/);
    expect(() => boundaryBytesPerTensor(m, [-2], [8], HEADER)).toThrow(/no tensor -2/);
  });
});
