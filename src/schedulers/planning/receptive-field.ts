// Receptive fields along rows (HALP §1.4): which input rows an output slab needs, the overlap of two
// slabs, the rows a slab can compute from its own input alone, and where the cumulative stride
// changes. Rows only: width is never split. Ranges are inclusive [first, last]; null is empty. Pure.
import { inputSpan } from "../../workload/layer-geometry.js";
import type { LayerGeometry } from "../../workload/model-spec.js";
import { RAW_INPUT, type Model } from "../../workload/model.js";

/** Inclusive row range [first, last]; `null` stands for no rows. */
export type Rows = readonly [first: number, last: number];

/** One layer as rows see it: its conv/pool geometry (absent: rows map one to one) and heights. */
export interface RowLayer {
  readonly name: string;
  readonly geometry?: LayerGeometry | undefined;
  readonly inRows: number;
  readonly outRows: number;
}

/** Number of rows in a range (0 for null). */
export function rowCount(r: Rows | null): number {
  return r === null ? 0 : r[1] - r[0] + 1;
}

/** Rows shared by two ranges, or null. */
export function intersectRows(a: Rows | null, b: Rows | null): Rows | null {
  if (a === null || b === null) return null;
  const first = Math.max(a[0], b[0]);
  const last = Math.min(a[1], b[1]);
  return first <= last ? [first, last] : null;
}

/**
 * The layers first..last of a model (names, inclusive) as a chain of RowLayers. Each layer after
 * the first must read only the one before it: a residual add also needs its skip input's rows,
 * which a chain cannot express, so DAG blocks are rejected rather than mapped wrongly. A layer
 * without geometry must keep the height (ReLU, BN, a one-input element-wise layer).
 */
export function rowChain(model: Model, first: string, last: string): RowLayer[] {
  const lo = model.indexOf(first);
  const hi = model.indexOf(last);
  if (lo < 0) throw new RangeError(`receptive field: model ${model.name} has no layer ${first}`);
  if (hi < 0) throw new RangeError(`receptive field: model ${model.name} has no layer ${last}`);
  if (hi < lo) throw new RangeError(`receptive field: ${last} comes before ${first} in ${model.name}`);
  const chain: RowLayer[] = [];
  for (let i = lo; i <= hi; i++) {
    const name = model.names[i]!;
    const reads = model.inputs[i]!;
    if (reads.length !== 1 || (i > lo && reads[0] !== i - 1))
      throw new RangeError(`receptive field: layer ${name} of ${model.name} does not read only ${i > lo ? model.names[i - 1] : "one tensor"}; a block must be a chain`);
    const src = reads[0]!;
    const inShape = src === RAW_INPUT ? model.spec.input.shape : model.spec.layers[src]!.outputShape;
    const outShape = model.spec.layers[i]!.outputShape;
    if (inShape === null || inShape.length !== 3 || outShape === null || outShape.length !== 3)
      throw new RangeError(`receptive field: layer ${name} of ${model.name} has no C×H×W input and output`);
    const inRows = inShape[1]!;
    const outRows = outShape[1]!;
    const geometry = model.geometry[i];
    if (geometry === undefined && inRows !== outRows)
      throw new RangeError(`receptive field: layer ${name} of ${model.name} changes the height (${inRows} → ${outRows}) but has no conv/pool geometry`);
    chain.push({ name, geometry, inRows, outRows });
  }
  return chain;
}

function checkRows(layer: RowLayer, out: Rows): void {
  if (!(Number.isInteger(out[0]) && Number.isInteger(out[1]) && 0 <= out[0] && out[0] <= out[1] && out[1] < layer.outRows))
    throw new RangeError(`receptive field: rows [${out[0]}, ${out[1]}] are not output rows of ${layer.name} (0..${layer.outRows - 1})`);
}

/**
 * Input rows that output rows `out` of one layer read: [max(0, a·s − p), min(H_in − 1, b·s − p +
 * d·(k − 1))], through layer-geometry's inputSpan so ceil mode and adaptive pools follow the same
 * rule as the rest of the simulator. Rows beyond the image are zero padding: nothing to send or hold.
 * null when every row read is padding (a 1×1 conv with padding 1 at the border).
 */
export function layerInputRows(layer: RowLayer, out: Rows | null): Rows | null {
  if (out === null) return null;
  checkRows(layer, out);
  if (layer.geometry === undefined) return out;
  const [start, end] = inputSpan(layer.geometry, 0, layer.inRows, layer.outRows, out[0], out[1] + 1);
  return end > start ? [start, end - 1] : null;
}

/**
 * Rows needed at every level of a chain for output rows `out` of its last layer: index 0 is the
 * chain's input, index l + 1 the output of layer l (the last entry is `out`). The host computes
 * exactly these rows, layer by layer, for its own slab.
 */
export function neededRows(chain: readonly RowLayer[], out: Rows | null): Array<Rows | null> {
  const needed: Array<Rows | null> = new Array<Rows | null>(chain.length + 1);
  needed[chain.length] = out;
  for (let l = chain.length - 1; l >= 0; l--) needed[l] = layerInputRows(chain[l]!, needed[l + 1]!);
  return needed;
}

/** Input rows of the chain that output rows `out` of its last layer need (back-projection). */
export function blockInputRows(chain: readonly RowLayer[], out: Rows | null): Rows | null {
  return neededRows(chain, out)[0]!;
}

/** Input rows shared by two output slabs (RFS sends these to both sides and computes them twice). */
export function slabOverlap(chain: readonly RowLayer[], upper: Rows, lower: Rows): Rows | null {
  return intersectRows(blockInputRows(chain, upper), blockInputRows(chain, lower));
}

/**
 * The chain's receptive field as one fixed window: size K = 1 + Σ d_l(k_l − 1)·Π_{j<l} s_j,
 * stride S = Π s_l, padding P = Σ p_l·Π_{j<l} s_j, from the input's point of view. Exact for fixed
 * windows away from the image border (clipping only removes padding rows); for an adaptive pool its
 * recorded kernel and stride, which contain every adaptive window.
 */
export function receptiveField(chain: readonly RowLayer[]): { size: number; stride: number; padding: number } {
  let size = 1;
  let stride = 1;
  let padding = 0;
  for (const layer of chain) {
    const g = layer.geometry;
    if (g === undefined) continue;
    size += g.dilation[0] * (g.kernel[0] - 1) * stride;
    padding += g.padding[0] * stride;
    stride *= g.stride[0];
  }
  return { size, stride, padding };
}

/**
 * Rows shared at the chain's input by two neighbouring slabs whose output boundary is away from
 * the image border: O = K − S = Σ_l (k_eff,l − s_l)·Π_{j<l} s_j, k_eff = d(k − 1) + 1 (§1.4; the
 * two sums agree because Σ (s_l − 1)·Π_{j<l} s_j telescopes to S − 1). Negative: a gap of unread
 * rows between the slabs (a window shorter than its stride).
 */
export function interiorOverlap(chain: readonly RowLayer[]): number {
  const rf = receptiveField(chain);
  return rf.size - rf.stride;
}

/**
 * Output rows of one layer that can be computed from input rows `held` alone: those whose window
 * lies inside `held`, padding counted as held. Window starts and ends never decrease with the
 * output row, so the answer is the interval between the first row starting at or after held[0] and
 * the last ending at or before held[1]; on the image border the clipped window always fits, so a
 * slab shrinks only on its inner sides. Binary search over inputSpan, so no size rule is re-derived.
 */
export function layerComputableRows(layer: RowLayer, held: Rows | null): Rows | null {
  if (held === null) return null;
  if (layer.geometry === undefined) return held;
  const g = layer.geometry;
  const span = (o: number): [number, number] => {
    const [s, e] = inputSpan(g, 0, layer.inRows, layer.outRows, o, o + 1);
    return [s, e - 1];
  };
  // First o in [0, outRows] with pred(o) true, for a predicate false then true.
  const firstTrue = (pred: (o: number) => boolean): number => {
    let lo = 0;
    let hi = layer.outRows;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pred(mid)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const first = firstTrue((o) => span(o)[0] >= held[0]);
  const last = firstTrue((o) => span(o)[1] > held[1]) - 1;
  return first <= last ? [first, last] : null;
}

/**
 * The computable region C(l) of a slab that holds only input rows `held` of the chain (HALP's
 * secondaries, §1.6.2): index 0 is `held`, index l + 1 the rows of layer l it can produce. Each
 * 3×3/s1/p1 layer takes (k − 1)/2 = 1 row off every inner side and none off the image border.
 */
export function computableRows(chain: readonly RowLayer[], held: Rows | null): Array<Rows | null> {
  const regions: Array<Rows | null> = [held];
  for (const layer of chain) regions.push(layerComputableRows(layer, regions[regions.length - 1]!));
  return regions;
}

/** Cumulative stride Π s_j at every level: index 0 is the chain's input (1), index l + 1 after layer l. */
export function cumulativeStrides(chain: readonly RowLayer[]): number[] {
  const strides = [1];
  for (const layer of chain) strides.push(strides[strides.length - 1]! * (layer.geometry?.stride[0] ?? 1));
  return strides;
}

/**
 * Indices of the layers after which the cumulative stride changes (the downsampling layers, VGG's
 * pools): the natural block ends of §1.4. A block ending elsewhere shares more rows with the next,
 * and one ending inside a stride step would cut through a pooling window.
 */
export function strideBoundaries(chain: readonly RowLayer[]): number[] {
  const strides = cumulativeStrides(chain);
  const ends: number[] = [];
  for (let l = 0; l < chain.length; l++) if (strides[l + 1] !== strides[l]) ends.push(l);
  return ends;
}

/**
 * A slab boundary at input row `row` (the lower slab's first row) rounded to the nearest multiple of
 * the chain's cumulative stride (ties down), so that at every downsampling layer the boundary falls
 * between windows ("pooling windows stay aligned", §1.6.4). Clamped to [0, the input height].
 */
export function alignSplitRow(chain: readonly RowLayer[], row: number): number {
  const s = receptiveField(chain).stride;
  const down = Math.floor(row / s) * s;
  const nearest = row - down > down + s - row ? down + s : down;
  const height = chain.length === 0 ? nearest : chain[0]!.inRows;
  return Math.min(height, Math.max(0, nearest));
}
