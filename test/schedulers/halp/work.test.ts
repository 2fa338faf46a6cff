// Work of a partition (rows computed per layer, bytes sent), by hand on VGG-16's conv5 block
// (14 rows in, three 3×3/s1/p1 convs of 462,422,016 MACs each = 33,030,144 per row, 2×2/s2 pool
// to 7 rows). RFS over two nodes with pool5 rows [0, 3] / [4, 6]: the top segment needs conv5_3
// [0, 7], conv5_2 [0, 8], conv5_1 [0, 9], input [0, 10]; the bottom one conv5_3 [8, 13], conv5_2
// [7, 13], conv5_1 [6, 13], input [5, 13]: 2 conv5_2 rows (7, 8) and 4 conv5_1 rows (6..9) twice.
import { describe, expect, it } from "vitest";
import { slabBytes } from "../../../src/schedulers/planning/spatial-cost.js";
import { haloRows } from "../../../src/schedulers/planning/spatial-halo.js";
import { blockRows, memberRows } from "../../../src/schedulers/planning/spatial-rows.js";
import { computeTimeNs } from "../../../src/workload/compute-model.js";
import { getDevice } from "../../../src/workload/devices.js";
import { Model } from "../../../src/workload/model.js";
import { zooModel } from "../../../src/workload/zoo/index.js";

const vgg = new Model(zooModel("vgg16")!);
const at = (name: string): number => vgg.indexOf(name);
const conv5 = blockRows(vgg, at("conv5_1"), at("pool5"));
const PER_ROW = 33_030_144;

/** MACs of a node's rows in the conv5 block (levels 1..3 are conv5_1..conv5_3; pool5 has none). */
const macsOf = (rows: Int32Array): number => (rows[1]! + rows[2]! + rows[3]!) * PER_ROW;

describe("work of a conv5 partition (VGG-16)", () => {
  it("462,422,016 MACs per conv5 layer, 14 rows: 33,030,144 per row", () => {
    for (const l of ["conv5_1", "conv5_2", "conv5_3"]) expect(vgg.macs[at(l)]).toBe(14 * PER_ROW);
  });

  it("rfs over two nodes, pool5 rows [0, 3] / [4, 6]: 6 × 33,030,144 = 198,180,864 MACs beyond 3 × 462,422,016", () => {
    const m = memberRows(conv5, [0, 1], [4, 3], 2); // host on top, the secondary below
    expect(Array.from(m.rows[0]!)).toEqual([11, 10, 9, 8, 4]); // input [0, 10], conv5_1 [0, 9], …
    expect(Array.from(m.rows[1]!)).toEqual([9, 8, 7, 6, 3]); // input [5, 13], conv5_1 [6, 13], …
    expect(macsOf(m.rows[0]!) + macsOf(m.rows[1]!) - 3 * 462_422_016).toBe(198_180_864);
  });

  it("halp (reading A) over two nodes computes the same extra rows, on the host: no mid-block exchange can avoid it", () => {
    // The secondary holds its exclusive rows on top, the host the rest below. With no rows sent
    // within a block, the lower node's conv5_1 rows next to the boundary need input rows the upper
    // one also reads, at every level: the pyramid of 2 + 4 rows is computed by both, whichever
    // node owns the boundary. Only a per-layer exchange (reading B) computes each row once.
    const m = memberRows(conv5, [1, 0], [4, 3], 2);
    expect(macsOf(m.rows[0]!) + macsOf(m.rows[1]!) - 3 * 462_422_016).toBe(198_180_864);
    expect(Array.from(m.rows[1]!)).toEqual([11, 10, 9, 8, 4]); // the secondary: its slab [0, 10] only
  });

  it("halp reading B (overlap: halo) over the same two nodes computes exactly 3 × 462,422,016: each row once", () => {
    // The host keeps reading A's rows (its region needs nothing from the secondary); the secondary
    // computes only the rest: conv5_1 [0, 5], conv5_2 [0, 6], conv5_3 [0, 7], pool5 [0, 3], and
    // before conv5_2 and conv5_3 it receives 2 halo rows from the host (conv5_1 rows 6–7, conv5_2
    // rows 7–8); its input slab is rows [0, 6], what conv5_1 [0, 5] reads.
    const h = haloRows(conv5, [1, 0], [4, 3], 2)!;
    expect(Array.from(h.own[1]!)).toEqual([7, 6, 7, 8, 4]);
    expect(Array.from(h.halo[1]!)).toEqual([0, 2, 2, 0, 0]);
    expect(Array.from(h.own[0]!)).toEqual([0, 8, 7, 6, 3]);
    expect(macsOf(h.own[0]!) + macsOf(h.own[1]!)).toBe(3 * 462_422_016);
    expect(h.outRows[1]).toBe(4);
  });

  it("reading B refuses a split where two secondaries touch (the host slot between them empty)", () => {
    expect(haloRows(conv5, [1, 0, 2], [4, 0, 3], 3)).toBeNull();
    expect(haloRows(conv5, [1, 0, 2], [3, 1, 3], 3)).not.toBeNull();
  });

  it("three nodes, equal thirds of every VGG stage: halp sends fewer bytes than rfs and no two secondaries share a row", () => {
    const stages: Array<[string, string]> = [["conv1_1", "pool1"], ["conv2_1", "pool2"], ["conv3_1", "pool3"], ["conv4_1", "pool4"], ["conv5_1", "pool5"]];
    for (const [first, last] of stages) {
      const b = blockRows(vgg, at(first), at(last));
      const H = b.heights[b.heights.length - 1]!;
      const third = Math.floor(H / 3);
      const counts = [third, H - 2 * third, third];
      const halp = memberRows(b, [1, 0, 2], counts, 3); // ES1, host, ES2
      const rfs = memberRows(b, [0, 1, 2], [counts[1]!, counts[0]!, counts[2]!], 3); // host, ES1, ES2
      const sent = (m: typeof halp): number => m.rows[1]![0]! + m.rows[2]![0]!;
      expect(sent(halp), `${first}..${last}`).toBeLessThan(sent(rfs));
      // ES1 and ES2 of halp touch only the host: their input slabs do not meet.
      const es1Last = halp.rows[1]![0]! - 1;
      const es2First = b.heights[0]! - halp.rows[2]![0]!;
      expect(es1Last, `${first}..${last}`).toBeLessThan(es2First);
    }
  });

  it("a 1-row slab of conv5_1 on raspberry-pi-4 costs 13/14 × layerOverheadMs more than 1/14 of the layer", () => {
    const pi = getDevice("raspberry-pi-4")!;
    const whole = computeTimeNs(vgg, [at("conv5_1")], pi, 1, "fp32");
    const slab = computeTimeNs(vgg, [at("conv5_1")], pi, 1, "fp32", [1 / 14]);
    expect(slab - whole / 14).toBeCloseTo((13 / 14) * pi.layerOverheadMs * 1e6, -1); // within the ns rounding
  });

  it("a slab's bytes: rows × bytes per row + one header; no rows, no message", () => {
    expect(slabBytes(3, 1000, 64)).toBe(3064);
    expect(slabBytes(0, 1000, 64)).toBe(0);
  });
});
