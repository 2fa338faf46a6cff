// Where a spatially partitioned chain re-synchronises (HALP §1.6.3): the chain's layers 0..n−1 are
// cut into consecutive blocks, each ending with every node's rows gathered at the host. `dp` is
// DPFP's dynamic programme D(j) = min_{i ≤ j} D(i − 1) + T(i, j), D(−1) = 0, over every block
// (O(n²) block costs); `pool` ends a block at every downsampling layer (one block per VGG stage);
// `layer` makes every layer a block (MoDNN's granularity). Pure: the block cost is a callback.

export type SyncRule = "dp" | "pool" | "layer";

/** Blocks as inclusive [first, last] chain positions, in order, and their summed cost. */
export interface Segmentation {
  readonly blocks: ReadonlyArray<readonly [number, number]>;
  readonly cost: number;
}

/**
 * Minimum-cost cut of n layers into blocks. `ends` (for `pool`) lists the positions after which a
 * stage ends; the last layer always ends a block. Ties keep the longer last block (fewer syncs).
 */
export function segmentChain(n: number, rule: SyncRule, cost: (first: number, last: number) => number, ends: readonly number[] = []): Segmentation {
  if (!(Number.isInteger(n) && n >= 1)) throw new RangeError(`a chain needs at least one layer, got ${n}`);
  if (rule === "layer") return fixed(Array.from({ length: n }, (_, i) => [i, i] as const), cost);
  if (rule === "pool") {
    const cuts = [...new Set([...ends.filter((e) => e >= 0 && e < n - 1), n - 1])].sort((a, b) => a - b);
    return fixed(cuts.map((e, k) => [k === 0 ? 0 : cuts[k - 1]! + 1, e] as const), cost);
  }
  const best = new Float64Array(n + 1); // best[j + 1] = D(j)
  const from = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    best[j + 1] = Infinity;
    for (let i = 0; i <= j; i++) {
      const v = best[i]! + cost(i, j);
      if (v < best[j + 1]!) {
        best[j + 1] = v;
        from[j] = i;
      }
    }
  }
  const blocks: Array<readonly [number, number]> = [];
  for (let j = n - 1; j >= 0; j = from[j]! - 1) blocks.unshift([from[j]!, j]);
  return { blocks, cost: best[n]! };
}

function fixed(blocks: ReadonlyArray<readonly [number, number]>, cost: (first: number, last: number) => number): Segmentation {
  let total = 0;
  for (const [a, b] of blocks) total += cost(a, b);
  return { blocks, cost: total };
}
