// Rows each node computes in one block of a spatially partitioned conv chain (HALP §1.4, §1.6):
// the block's output rows are dealt out to nodes in a layout (top to bottom), and each node
// computes, at every layer of the block, the rows its output rows need (back-projection). Rows two
// neighbours both need are computed twice — that is the overlap a layout places on the host (HALP)
// or between two secondaries (RFS). Back-projection tables are built once per block, so a
// partition costs O(levels) per node to evaluate, which is what lets the ratio search be brute force.
import type { Model } from "../../workload/model.js";
import { layerInputRows, rowChain, type RowLayer } from "./receptive-field.js";

/** One block [lo, hi] of model layers and its back-projection tables. */
export interface BlockRows {
  readonly lo: number;
  readonly hi: number;
  readonly chain: readonly RowLayer[];
  /** Rows at each level: 0 is the block input, l + 1 the output of the block's layer l. */
  readonly heights: Int32Array;
  /**
   * first[l][r]: the first row at level l that output rows starting at r need; last[l][r]: the last
   * row at level l that output rows ending at r need. A contiguous output range [a, b] needs
   * exactly [first[l][a], last[l][b]] at level l (windows move monotonically with the output row).
   */
  readonly first: readonly Int32Array[];
  readonly last: readonly Int32Array[];
}

/** Tables for the chain of layers lo..hi (model indices, inclusive) of `model`. */
export function blockRows(model: Model, lo: number, hi: number): BlockRows {
  const chain = rowChain(model, model.names[lo]!, model.names[hi]!);
  const L = chain.length;
  const heights = new Int32Array(L + 1);
  heights[0] = chain[0]!.inRows;
  for (let l = 0; l < L; l++) heights[l + 1] = chain[l]!.outRows;
  const H = heights[L]!;
  const first: Int32Array[] = [];
  const last: Int32Array[] = [];
  for (let l = 0; l <= L; l++) {
    first.push(new Int32Array(H));
    last.push(new Int32Array(H));
  }
  for (let r = 0; r < H; r++) {
    let a = r;
    let b = r;
    first[L]![r] = r;
    last[L]![r] = r;
    for (let l = L - 1; l >= 0; l--) {
      const span = layerInputRows(chain[l]!, [a, b]);
      // A window of padding only (a 1×1 conv with padding at the border) reads nothing: keep the
      // row itself as a degenerate bound so ranges stay ordered; it costs no transfer beyond it.
      if (span !== null) [a, b] = span;
      first[l]![r] = a;
      last[l]![r] = b;
    }
  }
  return { lo, hi, chain, heights, first, last };
}

/** Output-row counts per layout slot → for each node, the rows it computes at every level. */
export interface MemberRows {
  /** rows[m][l]: rows node m (index into the member list) holds at level l (0 = block input). */
  readonly rows: Int32Array[];
  /** Output rows of the block node m produces (what a secondary sends back). */
  readonly outRows: Int32Array;
  /** Scratch: per node and level, the last row counted so far. */
  readonly seen: Int32Array;
}

/**
 * Deals the block's output rows to `layout` slots top to bottom (`counts[k]` rows to slot k, whose
 * node is `layout[k]`, an index into `members` nodes; a node may hold several slots, the host
 * between secondaries) and unions each node's needed rows per level. Counts must sum to the
 * output height. `out` is reused when given (no allocation in the search loop).
 */
export function memberRows(block: BlockRows, layout: ArrayLike<number>, counts: ArrayLike<number>, members: number, out?: MemberRows): MemberRows {
  const L = block.heights.length - 1;
  const res = out ?? { rows: Array.from({ length: members }, () => new Int32Array(L + 1)), outRows: new Int32Array(members), seen: new Int32Array(members * (L + 1)) };
  for (let m = 0; m < members; m++) res.rows[m]!.fill(0);
  res.outRows.fill(0);
  // Per node, per level: the last row already counted (slots come top to bottom, so a node's
  // intervals at a level arrive in increasing order and a union is a running maximum).
  const seen = res.seen;
  seen.fill(-1);
  let row = 0;
  for (let k = 0; k < layout.length; k++) {
    const c = counts[k]!;
    if (c <= 0) continue;
    const m = layout[k]!;
    const a = row;
    const b = row + c - 1;
    row += c;
    res.outRows[m] = res.outRows[m]! + c;
    for (let l = 0; l <= L; l++) {
      const lo = block.first[l]![a]!;
      const hi = block.last[l]![b]!;
      const s = m * (L + 1) + l;
      const from = Math.max(lo, seen[s]! + 1);
      if (hi >= from) res.rows[m]![l] = res.rows[m]![l]! + hi - from + 1;
      if (hi > seen[s]!) seen[s] = hi;
    }
  }
  if (row !== block.heights[L]) throw new RangeError(`slab counts sum to ${row}, the block's output has ${block.heights[L]} rows`);
  return res;
}

/**
 * Calls `visit` for every split of H output rows into c.length (at most 3) slot counts, written
 * into `c`, in lexicographic order of the counts (so a search keeping the first minimum is
 * deterministic): H + 1 splits for two slots, (H + 1)(H + 2)/2 for three.
 */
export function forEachSplit(H: number, c: Int32Array, visit: () => void): void {
  if (c.length > 3) throw new RangeError(`brute force covers at most 3 slots, the layout has ${c.length}`);
  if (c.length === 1) {
    c[0] = H;
    visit();
    return;
  }
  for (let a = 0; a <= H; a++) {
    if (c.length === 2) {
      c[0] = a;
      c[1] = H - a;
      visit();
      continue;
    }
    for (let b = 0; a + b <= H; b++) {
      c[0] = a;
      c[1] = b;
      c[2] = H - a - b;
      visit();
    }
  }
}
