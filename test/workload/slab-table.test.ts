// Measured slab times: linear between measured row counts, the thinnest measured slab's time below
// it (a thinner slab is no cheaper), in proportion to the rows above the thickest; the CSV's bad
// lines are all reported with their line numbers.
import { describe, expect, it } from "vitest";
import { parseSlabTable, SlabTable } from "../../src/workload/slab-table.js";

const table = new SlabTable([
  { model: "m", layer: "c", device: "d", rows: 4, ms: 3.5 },
  { model: "m", layer: "c", device: "d", rows: 1, ms: 2 },
  { model: "m", layer: "c", device: "d", rows: 8, ms: 5 },
]);

describe("SlabTable", () => {
  it("gives measured rows exactly and interpolates between them", () => {
    expect(table.ms("m", "c", "d", 1)).toBe(2);
    expect(table.ms("m", "c", "d", 4)).toBe(3.5);
    expect(table.ms("m", "c", "d", 2)).toBeCloseTo(2.5, 12); // 2 + (3.5 − 2)·(2 − 1)/(4 − 1)
    expect(table.ms("m", "c", "d", 6)).toBeCloseTo(4.25, 12); // 3.5 + (5 − 3.5)·(6 − 4)/(8 − 4)
  });
  it("above the thickest slab grows in proportion to the rows; nothing is cheaper than the thinnest", () => {
    expect(table.ms("m", "c", "d", 16)).toBeCloseTo(10, 12); // 5 · 16/8
    expect(table.ms("m", "c", "d", 0.5)).toBe(2);
  });
  it("says when it does not measure a layer on a device", () => {
    expect(table.ms("m", "c", "other", 4)).toBeNull();
    expect(table.has("m", "c", "d")).toBe(true);
    expect(table.has("m", "x", "d")).toBe(false);
  });
});

describe("parseSlabTable", () => {
  it("reads rows, skipping blank and # lines", () => {
    const r = parseSlabTable("model,layer,device,rows,ms\n# note\nm,c,d,1,2\n\nm,c,d,4,3.5\n");
    expect(r).toEqual({ rows: [{ model: "m", layer: "c", device: "d", rows: 1, ms: 2 }, { model: "m", layer: "c", device: "d", rows: 4, ms: 3.5 }] });
  });
  it("reports every bad line with its number", () => {
    const r = parseSlabTable("model,layer,device,rows,ms\nm,c,d,0,2\nm,c,d,2,-1\nm,c,d,2\nm,c,d,3,1\nm,c,d,3,1\n");
    expect("problems" in r && r.problems.map((p) => p.line)).toEqual([2, 3, 4, 6]);
  });
  it("needs the header", () => {
    expect(parseSlabTable("a,b\n")).toEqual({ problems: [{ line: 1, message: "the header must be 'model,layer,device,rows,ms', got 'a,b'" }] });
  });
});
