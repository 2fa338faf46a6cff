// The partition ratio of one block (HALP §1.6.4): how many of the block's output rows each layout
// slot gets. `search` is brute force over every split when the layout has at most three slots
// (host and two secondaries: at most ~25,000 splits of 224 rows, each O(levels)); with more slots
// it starts from the proportional split and moves rows between slots while that helps (a local
// search, said in the docs). `proportional` deals rows in proportion to each node's speed on the
// block (MoDNN's BODP), largest remainder first.
import { blockTime, blockScratch, memberComputeNs, type BlockCostSetting, type BlockTime } from "./spatial-cost.js";
import { memberRows, type BlockRows, type MemberRows } from "./spatial-rows.js";

export interface Partition {
  readonly counts: Int32Array;
  readonly rows: MemberRows;
  readonly time: BlockTime;
}

/** Groups of links, to size the scratch: one more than the largest group id. */
function groupCount(s: BlockCostSetting): number {
  let g = 0;
  for (const l of [...s.out, ...s.back]) if (l !== null && l.group + 1 > g) g = l.group + 1;
  return g;
}

/** Output rows per slot in proportion to each slot's node speed on this block (1 / its full time). */
export function proportionalCounts(block: BlockRows, s: BlockCostSetting, layout: ArrayLike<number>): Int32Array {
  const H = block.heights[block.heights.length - 1]!;
  const slotsOf = new Array<number>(s.nodes.length).fill(0);
  for (let k = 0; k < layout.length; k++) slotsOf[layout[k]!] = slotsOf[layout[k]!]! + 1;
  const full = new Int32Array(block.heights.length);
  const w = Array.from(layout, (m) => {
    for (let l = 0; l < full.length; l++) full[l] = block.heights[l]!;
    return 1 / memberComputeNs(block, s.nodes[m]!, full) / slotsOf[m]!;
  });
  const total = w.reduce((a, b) => a + b, 0);
  const exact = w.map((x) => (x / total) * H);
  const counts = Int32Array.from(exact, Math.floor);
  let left = H - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, k) => [x - Math.floor(x), k] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let j = 0; left > 0; j = (j + 1) % byRemainder.length, left--) counts[byRemainder[j]![1]] = counts[byRemainder[j]![1]]! + 1;
  return counts;
}

/** The best split of `block` over `layout` (slot → node index, 0 = host) by `ratio`. */
export function bestPartition(block: BlockRows, s: BlockCostSetting, layout: ArrayLike<number>, ratio: "search" | "proportional"): Partition {
  const H = block.heights[block.heights.length - 1]!;
  const n = s.nodes.length;
  const scratch = blockScratch(groupCount(s), n);
  const work = memberRows(block, layout, proportionalCounts(block, s, layout), n);
  const evalCounts = (counts: ArrayLike<number>): number => blockTime(block, s, memberRows(block, layout, counts, n, work), scratch).objective;
  let best = proportionalCounts(block, s, layout);
  if (ratio === "search") {
    const slots = layout.length;
    if (slots <= 3) best = bruteForce(H, slots, evalCounts) ?? best;
    else best = localSearch(best, evalCounts);
  }
  const rows = memberRows(block, layout, best, n);
  return { counts: best, rows, time: blockTime(block, s, rows, scratch) };
}

/** Every split of H rows into `slots` counts (≤ 3 slots); the first minimum in lexicographic order. */
function bruteForce(H: number, slots: number, cost: (c: ArrayLike<number>) => number): Int32Array | null {
  const c = new Int32Array(slots);
  let best: Int32Array | null = null;
  let bestCost = Infinity;
  const consider = (): void => {
    const v = cost(c);
    if (v < bestCost) {
      bestCost = v;
      best = c.slice();
    }
  };
  if (slots === 1) {
    c[0] = H;
    consider();
  } else if (slots === 2) {
    for (let a = 0; a <= H; a++) {
      c[0] = a;
      c[1] = H - a;
      consider();
    }
  } else {
    for (let a = 0; a <= H; a++) {
      for (let b = 0; a + b <= H; b++) {
        c[0] = a;
        c[1] = b;
        c[2] = H - a - b;
        consider();
      }
    }
  }
  return best;
}

/** Moves 1, 2, 4, … rows between any two slots while the cost falls (first improvement, fixed order). */
function localSearch(start: Int32Array, cost: (c: ArrayLike<number>) => number): Int32Array {
  const c = start.slice();
  let current = cost(c);
  for (let improved = true; improved; ) {
    improved = false;
    for (let from = 0; from < c.length; from++) {
      for (let to = 0; to < c.length; to++) {
        if (from === to) continue;
        for (let d = 1; d <= c[from]!; d *= 2) {
          c[from] = c[from]! - d;
          c[to] = c[to]! + d;
          const v = cost(c);
          if (v < current) {
            current = v;
            improved = true;
            break;
          }
          c[from] = c[from]! + d;
          c[to] = c[to]! - d;
        }
      }
    }
  }
  return c;
}
