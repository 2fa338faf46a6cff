// Receptive fields along rows: hand-computed back-projections (conv, strided conv, pool, dilated
// conv, VGG-16 blocks), overlaps, computable regions, stride boundaries; then properties (coverage,
// monotonicity, the written formula, computable regions sound and maximal) over random chains.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  alignSplitRow, blockInputRows, computableRows, cumulativeStrides, interiorOverlap, layerComputableRows, layerInputRows,
  neededRows, receptiveField, rowChain, rowCount, slabOverlap, strideBoundaries, type RowLayer, type Rows,
} from "../../../src/schedulers/planning/receptive-field.js";
import { outSize } from "../../../src/workload/layer-geometry.js";
import type { LayerGeometry } from "../../../src/workload/model-spec.js";
import { Model } from "../../../src/workload/model.js";
import { zooModel } from "../../../src/workload/zoo/index.js";

const geom = (k: number, s: number, p: number, d = 1): LayerGeometry => ({ kernel: [k, k], stride: [s, s], padding: [p, p], dilation: [d, d] });
const layer = (name: string, h: number, k: number, s: number, p: number, d = 1): RowLayer =>
  ({ name, geometry: geom(k, s, p, d), inRows: h, outRows: outSize(h, k, s, p, d) });

const vgg = new Model(zooModel("vgg16")!);
const block = (first: string, last: string): RowLayer[] => rowChain(vgg, first, last);

describe("layerInputRows(layer, out) back-projects one layer", () => {
  it("3×3/s1/p1 conv on 8 rows: [a − 1, b + 1], clipped to the image", () => {
    const c = layer("c", 8, 3, 1, 1);
    expect(layerInputRows(c, [2, 4])).toEqual([1, 5]); // 2·1 − 1 = 1; 4·1 − 1 + 2 = 5
    expect(layerInputRows(c, [0, 3])).toEqual([0, 4]); // max(0, −1) = 0; 3 − 1 + 2 = 4
    expect(layerInputRows(c, [5, 7])).toEqual([4, 7]); // 5 − 1 = 4; min(7, 7 − 1 + 2 = 8) = 7
  });
  it("3×3/s2/p1 conv on 8 rows (4 out): [2a − 1, 2b + 1]", () => {
    const c = layer("c", 8, 3, 2, 1);
    expect(c.outRows).toBe(4); // ⌊(8 + 2 − 3)/2⌋ + 1
    expect(layerInputRows(c, [1, 2])).toEqual([1, 5]); // 1·2 − 1 = 1; 2·2 − 1 + 2 = 5
    expect(layerInputRows(c, [0, 0])).toEqual([0, 1]); // max(0, −1) = 0; 0 − 1 + 2 = 1
    expect(layerInputRows(c, [3, 3])).toEqual([5, 7]); // 6 − 1 = 5; min(7, 6 − 1 + 2 = 7) = 7
  });
  it("2×2/s2 pool on 8 rows (4 out): [2a, 2b + 1]", () => {
    const p = layer("p", 8, 2, 2, 0);
    expect(layerInputRows(p, [1, 2])).toEqual([2, 5]);
    expect(layerInputRows(p, [0, 3])).toEqual([0, 7]);
    expect(layerInputRows(p, [3, 3])).toEqual([6, 7]);
  });
  it("3×3 conv with dilation 2, padding 2, on 10 rows: [a − 2, b − 2 + (3 − 1)·2]", () => {
    const c = layer("c", 10, 3, 1, 2, 2);
    expect(c.outRows).toBe(10); // ⌊(10 + 4 − 4 − 1)/1⌋ + 1
    expect(layerInputRows(c, [3, 4])).toEqual([1, 6]); // 3 − 2 = 1; 4 − 2 + 4 = 6
    expect(layerInputRows(c, [0, 0])).toEqual([0, 2]); // max(0, −2) = 0; −2 + 4 = 2
    expect(layerInputRows(c, [9, 9])).toEqual([7, 9]); // 9 − 2 = 7; min(9, 11) = 9
  });
  it("a layer without geometry maps rows one to one; an all-padding window reads nothing", () => {
    expect(layerInputRows({ name: "relu", inRows: 8, outRows: 8 }, [3, 6])).toEqual([3, 6]);
    // 1×1 conv with padding 1 on 4 rows: 6 output rows, row 0 reads input row −1 (padding only).
    const c = layer("c", 4, 1, 1, 1);
    expect(layerInputRows(c, [0, 0])).toBeNull();
    expect(layerInputRows(c, [0, 2])).toEqual([0, 1]);
    expect(layerInputRows(c, null)).toBeNull();
  });
  it("rejects rows that are not output rows of the layer, naming it", () => {
    const c = layer("conv9", 8, 3, 2, 1);
    expect(() => layerInputRows(c, [2, 4])).toThrow(/conv9/); // 4 output rows: 0..3
    expect(() => layerInputRows(c, [2, 1])).toThrow(/conv9/);
  });
});

describe("back-projection through a block (VGG-16 at 224 rows)", () => {
  it("conv1_1..pool1 split in 2: pool1 [0, 55] / [56, 111] need input [0, 113] / [110, 223], 4 rows shared", () => {
    const b = block("conv1_1", "pool1");
    // pool1 [0, 55] → conv1_2 out [0, 111] → conv1_1 out [0, 112] → input [0, 113]
    expect(neededRows(b, [0, 55])).toEqual([[0, 113], [0, 112], [0, 111], [0, 55]]);
    // pool1 [56, 111] → [112, 223] → [111, 223] → [110, 223] (bottom edge clipped)
    expect(neededRows(b, [56, 111])).toEqual([[110, 223], [111, 223], [112, 223], [56, 111]]);
    expect(slabOverlap(b, [0, 55], [56, 111])).toEqual([110, 113]);
  });
  it("conv1_1..pool1 split in 4: inputs [0, 57], [54, 113], [110, 169], [166, 223]; 4 rows shared at each boundary", () => {
    const b = block("conv1_1", "pool1");
    // pool1 [28q, 28q + 27] → conv1_2 out [56q, 56q + 55] → conv1_1 out [56q − 1, 56q + 56] → input [56q − 2, 56q + 57]
    const slabs: Rows[] = [[0, 27], [28, 55], [56, 83], [84, 111]];
    expect(slabs.map((r) => blockInputRows(b, r))).toEqual([[0, 57], [54, 113], [110, 169], [166, 223]]);
    expect([0, 1, 2].map((q) => slabOverlap(b, slabs[q]!, slabs[q + 1]!))).toEqual([[54, 57], [110, 113], [166, 169]]);
  });
  it("conv3_1..pool3 (56 rows): pool3 [7, 13] needs [11, 30]; [0, 6] needs [0, 16] (padding edge)", () => {
    const b = block("conv3_1", "pool3");
    // [7, 13] → conv3_3 [14, 27] → conv3_2 [13, 28] → conv3_1 [12, 29] → input [11, 30]
    expect(neededRows(b, [7, 13])).toEqual([[11, 30], [12, 29], [13, 28], [14, 27], [7, 13]]);
    // [0, 6] → [0, 13] → [0, 14] → [0, 15] → [0, 16]: the top never goes below row 0
    expect(blockInputRows(b, [0, 6])).toEqual([0, 16]);
  });
  it("conv1_1..pool2: pool2 [0, 27] / [28, 55] need [0, 117] / [106, 223], 12 rows shared", () => {
    const b = block("conv1_1", "pool2");
    // [0, 27] → conv2_2 [0, 55] → conv2_1 [0, 56] → pool1 [0, 57] → conv1_2 [0, 115] → conv1_1 [0, 116] → [0, 117]
    expect(blockInputRows(b, [0, 27])).toEqual([0, 117]);
    // [28, 55] → [56, 111] → [55, 111] → [54, 111] → [108, 223] → [107, 223] → [106, 223]
    expect(blockInputRows(b, [28, 55])).toEqual([106, 223]);
    expect(rowCount(slabOverlap(b, [0, 27], [28, 55]))).toBe(12);
  });
  it("the eight blocks of §1.4 share 4, 4, 6, 6, 6, 12, 36, 180 rows = Σ (k_l − s_l)·Π_{j<l} s_j, by formula and by back-projection", () => {
    const blocks: Array<[string, string, number]> = [
      ["conv1_1", "pool1", 4], // (3−1) + (3−1) + (2−2) = 4
      ["conv2_1", "pool2", 4],
      ["conv3_1", "pool3", 6], // three 3×3 convs: 3·2
      ["conv4_1", "pool4", 6],
      ["conv5_1", "pool5", 6],
      ["conv1_1", "pool2", 12], // 4 + 2·4 (conv2_x weighted by pool1's stride 2)
      ["conv1_1", "pool3", 36], // 12 + 4·6
      ["conv1_1", "pool5", 180], // 36 + 8·6 + 16·6
    ];
    for (const [first, last, want] of blocks) {
      const b = block(first, last);
      expect(interiorOverlap(b), `${first}..${last}`).toBe(want);
      const h = b[b.length - 1]!.outRows;
      const m = Math.floor(h / 2);
      expect(rowCount(slabOverlap(b, [0, m - 1], [m, h - 1])), `${first}..${last} split at ${m}`).toBe(want);
    }
    // conv1_1..pool5 as one window: 212 rows, stride 32, padding 2 + 4 + 12 + 24 + 48 = 90.
    expect(receptiveField(block("conv1_1", "pool5"))).toEqual({ size: 212, stride: 32, padding: 90 });
  });
});

describe("computableRows(chain, held): the rows a slab computes from its own input alone", () => {
  const convs = (h: number, n: number): RowLayer[] => Array.from({ length: n }, (_, i) => layer(`c${i + 1}`, h, 3, 1, 1));
  it("three 3×3/s1/p1 convs on 16 rows: each takes (3 − 1)/2 = 1 row off inner sides only", () => {
    const b = convs(16, 3);
    expect(computableRows(b, [0, 3])).toEqual([[0, 3], [0, 2], [0, 1], [0, 0]]); // top: bottom side shrinks
    expect(computableRows(b, [4, 11])).toEqual([[4, 11], [5, 10], [6, 9], [7, 8]]); // middle: both sides
    expect(computableRows(b, [12, 15])).toEqual([[12, 15], [13, 15], [14, 15], [15, 15]]); // bottom: top side
    expect(computableRows(b, [0, 15])).toEqual([[0, 15], [0, 15], [0, 15], [0, 15]]); // whole image: never
  });
  it("a slab thinner than its shrinkage computes nothing", () => {
    expect(computableRows(convs(16, 3), [6, 9])).toEqual([[6, 9], [7, 8], null, null]);
  });
  it("VGG-16 conv5_1..pool5 held as [0, 7] / [8, 13]: pool5 rows [0, 1] / [6, 6]; the host keeps [2, 5]", () => {
    const b = block("conv5_1", "pool5");
    // top: conv5_1 [0, 6], conv5_2 [0, 5], conv5_3 [0, 4], pool5 rows o with 2o + 1 ≤ 4: [0, 1]
    expect(computableRows(b, [0, 7])).toEqual([[0, 7], [0, 6], [0, 5], [0, 4], [0, 1]]);
    // bottom: [9, 13], [10, 13], [11, 13], pool5 rows o with 2o ≥ 11: [6, 6]
    expect(computableRows(b, [8, 13])).toEqual([[8, 13], [9, 13], [10, 13], [11, 13], [6, 6]]);
  });
  it("a 2×2/s2 pool computes a window only when the slab holds both of its rows", () => {
    const p = layer("p", 8, 2, 2, 0);
    expect(layerComputableRows(p, [0, 3])).toEqual([0, 1]);
    expect(layerComputableRows(p, [3, 7])).toEqual([2, 3]); // window [2, 3] is cut: not computable
  });
});

describe("block boundaries on the cumulative stride", () => {
  it("VGG-16's conv stack changes stride after pool1..pool5, its natural blocks", () => {
    const b = block("conv1_1", "pool5");
    expect(strideBoundaries(b).map((l) => b[l]!.name)).toEqual(["pool1", "pool2", "pool3", "pool4", "pool5"]);
    expect(cumulativeStrides(block("conv1_1", "pool2"))).toEqual([1, 1, 1, 2, 2, 2, 4]);
  });
  it("alignSplitRow rounds a split to the block's cumulative stride (4 for conv1_1..pool2), ties down", () => {
    const b = block("conv1_1", "pool2");
    expect([113, 114, 115, 0, 1, 223, 224].map((r) => alignSplitRow(b, r))).toEqual([112, 112, 116, 0, 0, 224, 224]);
  });
  it("rowChain rejects a layer without C×H×W output, a non-chain layer and an unknown name, naming them", () => {
    expect(() => rowChain(vgg, "conv5_3", "fc6")).toThrow(/fc6/);
    const resnet = new Model(zooModel("resnet18")!);
    expect(() => rowChain(resnet, "layer1.0.conv1", "layer1.0.add")).toThrow(/layer1\.0\.add/);
    expect(() => rowChain(vgg, "conv9_9", "pool5")).toThrow(/conv9_9/);
  });
});

// ---- properties over random chains -------------------------------------------------------------

type Spec = { k: number; s: number; p: number; d: number } | null; // null: a one-to-one layer
const specArb = (gapFree: boolean): fc.Arbitrary<Spec> =>
  fc.oneof(
    { arbitrary: fc.constant(null), weight: 1 },
    {
      arbitrary: fc.record({ k: fc.integer({ min: 1, max: 5 }), s: fc.integer({ min: 1, max: 3 }), d: fc.integer({ min: 1, max: 2 }), p: fc.nat(4) })
        .map(({ k, s, d, p }) => ({ k, s, d, p: Math.min(p, d * (k - 1)) }))
        .filter(({ k, s, d }) => !gapFree || d * (k - 1) + 1 >= s),
      weight: 4,
    },
  );

/** A chain from specs on h input rows, or null when some layer would have no output row. */
function buildChain(h: number, specs: readonly Spec[]): RowLayer[] | null {
  const chain: RowLayer[] = [];
  for (const [i, sp] of specs.entries()) {
    if (sp === null) chain.push({ name: `id${i}`, inRows: h, outRows: h });
    else chain.push(layer(`l${i}`, h, sp.k, sp.s, sp.p, sp.d));
    h = chain[chain.length - 1]!.outRows;
    if (h < 1) return null;
  }
  return chain;
}

const chainArb = (gapFree: boolean, maxHeight = 80): fc.Arbitrary<RowLayer[]> =>
  fc.tuple(fc.integer({ min: 1, max: maxHeight }), fc.array(specArb(gapFree), { minLength: 1, maxLength: 5 }))
    .map(([h, specs]) => buildChain(h, specs))
    .filter((c): c is RowLayer[] => c !== null);

const outRowsOf = (c: readonly RowLayer[]): number => c[c.length - 1]!.outRows;
const mask = (n: number, ranges: ReadonlyArray<Rows | null>): boolean[] => {
  const m = new Array<boolean>(n).fill(false);
  for (const r of ranges) if (r !== null) for (let i = r[0]; i <= r[1]; i++) m[i] = true;
  return m;
};
/** Slabs of [0, n − 1] cut before each of the given rows. */
const slabsOf = (n: number, cuts: readonly number[]): Rows[] => {
  const at = [...new Set(cuts.map((c) => 1 + (c % Math.max(1, n - 1))))].filter((c) => c < n).sort((a, b) => a - b);
  const bounds = [0, ...at, n];
  return bounds.slice(1).map((end, i) => [bounds[i]!, end - 1] as Rows);
};
const within = (inner: Rows | null, outer: Rows | null): boolean =>
  inner === null || (outer !== null && outer[0] <= inner[0] && inner[1] <= outer[1]);

describe("properties over random chains", () => {
  it("one layer follows [max(0, a·s − p), min(H_in − 1, b·s − p + (k − 1)·d)] whenever that range is not empty", () => {
    fc.assert(fc.property(chainArb(false), fc.nat(), fc.nat(), (chain, x, y) => {
      const l = chain[0]!;
      const a = Math.min(x, y) % l.outRows;
      const b = a + ((Math.max(x, y) - Math.min(x, y)) % (l.outRows - a));
      const g = l.geometry;
      const want: Rows = g === undefined ? [a, b]
        : [Math.max(0, a * g.stride[0] - g.padding[0]), Math.min(l.inRows - 1, b * g.stride[0] - g.padding[0] + (g.kernel[0] - 1) * g.dilation[0])];
      const got = layerInputRows(l, [a, b]);
      expect(got).toEqual(want[0] <= want[1] ? want : null);
    }));
  });
  it("slabs' back-projected inputs together cover exactly what the whole output needs (windows at least their stride)", () => {
    fc.assert(fc.property(chainArb(true), fc.array(fc.nat(), { maxLength: 4 }), (chain, cuts) => {
      const n = outRowsOf(chain);
      const h = chain[0]!.inRows;
      const slabs = slabsOf(n, cuts);
      expect(mask(h, slabs.map((r) => blockInputRows(chain, r)))).toEqual(mask(h, [blockInputRows(chain, [0, n - 1])]));
    }));
  });
  it("with gaps allowed (k < s), the slabs still cover every row any output row reads and nothing beyond the whole", () => {
    fc.assert(fc.property(chainArb(false), fc.array(fc.nat(), { maxLength: 4 }), (chain, cuts) => {
      const n = outRowsOf(chain);
      const h = chain[0]!.inRows;
      const union = mask(h, slabsOf(n, cuts).map((r) => blockInputRows(chain, r)));
      const perRow = mask(h, Array.from({ length: n }, (_, o) => blockInputRows(chain, [o, o])));
      const whole = mask(h, [blockInputRows(chain, [0, n - 1])]);
      for (let i = 0; i < h; i++) {
        if (perRow[i]) expect(union[i]).toBe(true);
        if (union[i]) expect(whole[i]).toBe(true);
      }
    }));
  });
  it("back-projection is monotone: a sub-range needs a sub-range, and shifting a range down never moves its input up", () => {
    fc.assert(fc.property(chainArb(false), fc.nat(), fc.nat(), fc.nat(), fc.nat(), (chain, w, x, y, z) => {
      const n = outRowsOf(chain);
      const [a0, b0] = [w, x].map((v) => v % n).sort((p, q) => p - q) as [number, number];
      const a1 = a0 + (y % (b0 - a0 + 1));
      const b1 = a1 + (z % (b0 - a1 + 1));
      const outer = blockInputRows(chain, [a0, b0]);
      const inner = blockInputRows(chain, [a1, b1]);
      expect(within(inner, outer)).toBe(true);
      if (b0 + 1 < n) {
        const moved = blockInputRows(chain, [a0 + 1, b0 + 1]);
        if (outer !== null && moved !== null) expect(moved[0] >= outer[0] && moved[1] >= outer[1]).toBe(true);
      }
    }));
  });
  it("computable regions are sound (each needs only the rows held before it), maximal, and never shrink at the border", () => {
    fc.assert(fc.property(chainArb(false), fc.nat(), fc.nat(), (chain, x, y) => {
      const h = chain[0]!.inRows;
      const [a, b] = [x % h, y % h].sort((p, q) => p - q) as [number, number];
      const regions = computableRows(chain, [a, b]);
      for (const [l, lay] of chain.entries()) {
        const held = regions[l]!;
        const c = regions[l + 1]!;
        if (c === null) continue;
        expect(within(layerInputRows(lay, c), held)).toBe(true);
        if (c[0] > 0) expect(within(layerInputRows(lay, [c[0] - 1, c[0] - 1]), held)).toBe(false);
        if (c[1] < lay.outRows - 1) expect(within(layerInputRows(lay, [c[1] + 1, c[1] + 1]), held)).toBe(false);
        if (held !== null && held[0] === 0) expect(c[0]).toBe(0);
        if (held !== null && held[1] === lay.inRows - 1) expect(c[1]).toBe(lay.outRows - 1);
      }
    }));
  });
  it("exclusive input slabs have disjoint computable regions at every layer (windows at least their stride)", () => {
    fc.assert(fc.property(chainArb(true), fc.array(fc.nat(), { maxLength: 3 }), (chain, cuts) => {
      const perSlab = slabsOf(chain[0]!.inRows, cuts).map((r) => computableRows(chain, r));
      for (let l = 1; l <= chain.length; l++) {
        const seen = new Array<number>(chain[l - 1]!.outRows).fill(0);
        for (const regions of perSlab) { const r = regions[l]!; if (r !== null) for (let i = r[0]; i <= r[1]; i++) seen[i]! += 1; }
        expect(Math.max(...seen)).toBeLessThanOrEqual(1);
      }
    }));
  });
  it("away from the border, two neighbours share exactly interiorOverlap = K − S rows", () => {
    fc.assert(fc.property(fc.array(specArb(true), { minLength: 1, maxLength: 4 }), (specs) => {
      const chain = buildChain(2000, specs.map((s) => (s === null ? s : { ...s, s: Math.min(s.s, 2) })))!;
      const n = outRowsOf(chain);
      const m = Math.floor(n / 2);
      const shared = rowCount(slabOverlap(chain, [0, m - 1], [m, n - 1]));
      expect(shared).toBe(interiorOverlap(chain)); // ≥ 0: every window is at least its stride
    }));
  });
});
