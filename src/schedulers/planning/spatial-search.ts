// The partition ratio of one block (HALP §1.6.4): how many of the block's output rows each layout
// slot gets. `search` is brute force over every split when the layout has at most three slots
// (host and two secondaries: at most 25,425 splits of 224 rows; each split's compute times are
// worked out once per block, so a search at new link rates is a few ns per split); with more slots
// it starts from the proportional split and moves rows between slots while that helps (a local
// search, said in the docs). `proportional` deals rows in proportion to each node's speed on the
// block (MoDNN's BODP), largest remainder first.
import { blockTime, blockScratch, memberComputeNs, timeOf, type BlockCostSetting, type BlockTime, type LinkCost, type NodeCosts } from "./spatial-cost.js";
import { forEachSplit, memberRows, type BlockRows, type MemberRows } from "./spatial-rows.js";

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

/**
 * Every split of a block's output rows over a layout of at most three slots, with what each split
 * costs that does not depend on the links: each node's compute ns and the rows it receives and
 * returns. Built once per (block, nodes, layout); a search at new link rates is then arithmetic.
 */
export class SplitSpace {
  readonly size: number;
  readonly counts: Int32Array;
  readonly comp: Float64Array;
  readonly send: Int32Array;
  readonly out: Int32Array;

  constructor(readonly block: BlockRows, nodes: readonly NodeCosts[], readonly layout: ArrayLike<number>) {
    const H = block.heights[block.heights.length - 1]!;
    const slots = layout.length;
    const n = nodes.length;
    this.size = slots === 1 ? 1 : slots === 2 ? H + 1 : ((H + 1) * (H + 2)) / 2;
    this.counts = new Int32Array(this.size * slots);
    this.comp = new Float64Array(this.size * n);
    this.send = new Int32Array(this.size * n);
    this.out = new Int32Array(this.size * n);
    const c = new Int32Array(slots);
    let work: MemberRows | undefined;
    let k = 0;
    const add = (): void => {
      work = memberRows(block, layout, c, n, work);
      this.counts.set(c, k * slots);
      for (let i = 0; i < n; i++) {
        this.comp[k * n + i] = memberComputeNs(block, nodes[i]!, work.rows[i]!);
        this.send[k * n + i] = i === 0 ? 0 : work.rows[i]![0]!;
        this.out[k * n + i] = i === 0 ? 0 : work.outRows[i]!;
      }
      k++;
    };
    forEachSplit(H, c, add);
  }

  /** The split with the least objective at these link costs (the first in enumeration order on ties). */
  best(s: BlockCostSetting): Int32Array {
    const k = this.bestIndex(s);
    const slots = this.layout.length;
    return this.counts.slice(k * slots, k * slots + slots);
  }

  /** Objective of the split bestIndex found last. */
  lastObjective = Infinity;

  /**
   * Index of the best split. With every link on a server of its own (no medium), a secondary's
   * path is send + latency + compute + return + latency and nothing queues, so the loop needs no
   * sorting: the fast path the block programme runs hundreds of times per plan; timeOf otherwise.
   */
  bestIndex(s: BlockCostSetting): number {
    const n = s.nodes.length;
    let best = 0;
    let bestCost = Infinity;
    if (independentLinks(s)) {
      const { comp, send, out } = this;
      const { inRowBytes, outRowBytes, headerBytes: h } = s;
      const k1 = s.tasks - 1;
      for (let k = 0, base = 0; k < this.size; k++, base += n) {
        const host = comp[base]!;
        let makespan = host;
        let cycle = host;
        for (let i = 1; i < n; i++) {
          const r = send[base + i]!;
          const o = out[base + i]!;
          if (r <= 0 && o <= 0) continue;
          const up = s.out[i]!;
          const back = s.back[i]!;
          const c = comp[base + i]!;
          const tIn = r > 0 ? ((Math.ceil(r * inRowBytes) + h) * 1e9) / up.bytesPerSec : 0;
          const tOut = o > 0 ? ((Math.ceil(o * outRowBytes) + h) * 1e9) / back.bytesPerSec : 0;
          const done = tIn + up.latencyNs + c + tOut + back.latencyNs;
          if (done > makespan) makespan = done;
          if (c > cycle) cycle = c;
          if (tIn > cycle) cycle = tIn;
          if (tOut > cycle) cycle = tOut;
        }
        const v = makespan + k1 * cycle;
        if (v < bestCost) {
          bestCost = v;
          best = k;
        }
      }
    } else if (n === 3 && oneMedium(s)) {
      // Both secondaries' links on one FIFO medium: sends larger first, then the returns in the
      // order the two become ready — timeOf's rule written out for two, without its sorts.
      const { comp, send, out } = this;
      const { inRowBytes, outRowBytes, headerBytes: h } = s;
      const k1 = s.tasks - 1;
      const ser = (rows: number, rowBytes: number, link: LinkCost): number => (rows > 0 ? ((Math.ceil(rows * rowBytes) + h) * 1e9) / link.bytesPerSec : 0);
      for (let k = 0, base = 0; k < this.size; k++, base += 3) {
        const host = comp[base]!;
        const r1 = send[base + 1]!;
        const r2 = send[base + 2]!;
        const o1 = out[base + 1]!;
        const o2 = out[base + 2]!;
        const on1 = r1 > 0 || o1 > 0;
        const on2 = r2 > 0 || o2 > 0;
        const c1 = on1 ? comp[base + 1]! : 0;
        const c2 = on2 ? comp[base + 2]! : 0;
        const in1 = on1 ? ser(r1, inRowBytes, s.out[1]!) : 0;
        const in2 = on2 ? ser(r2, inRowBytes, s.out[2]!) : 0;
        const out1 = on1 ? ser(o1, outRowBytes, s.back[1]!) : 0;
        const out2 = on2 ? ser(o2, outRowBytes, s.back[2]!) : 0;
        const firstIs1 = r1 >= r2;
        const sent = in1 + in2;
        const ready1 = (firstIs1 ? in1 : sent) + s.out[1]!.latencyNs + c1;
        const ready2 = (firstIs1 ? sent : in2) + s.out[2]!.latencyNs + c2;
        let free = sent;
        let makespan = host;
        // Returns in ready order; a tie keeps the send order.
        const oneFirst = ready1 < ready2 || (ready1 === ready2 && firstIs1);
        for (let j = 0; j < 2; j++) {
          const i = (j === 0) === oneFirst ? 1 : 2;
          if (!(i === 1 ? on1 : on2)) continue;
          free = Math.max(i === 1 ? ready1 : ready2, free) + (i === 1 ? out1 : out2);
          const done = free + s.back[i]!.latencyNs;
          if (done > makespan) makespan = done;
        }
        const v = makespan + k1 * Math.max(host, c1, c2, sent + out1 + out2);
        if (v < bestCost) {
          bestCost = v;
          best = k;
        }
      }
    } else {
      const scratch = blockScratch(groupCount(s), n);
      const res: BlockTime = { makespan: 0, cycle: 0, objective: 0 };
      for (let k = 0; k < this.size; k++) {
        timeOf(s, this.comp, k * n, this.send, this.out, k * n, scratch, res);
        if (res.objective < bestCost) {
          bestCost = res.objective;
          best = k;
        }
      }
    }
    this.lastObjective = bestCost;
    return best;
  }
}

/** The split at `index` of `space` as a Partition (its rows and predicted time at these links). */
export function partitionAt(space: SplitSpace, index: number, s: BlockCostSetting): Partition {
  const slots = space.layout.length;
  const counts = space.counts.slice(index * slots, index * slots + slots);
  const rows = memberRows(space.block, space.layout, counts, s.nodes.length);
  return { counts, rows, time: blockTime(space.block, s, rows, blockScratch(groupCount(s), s.nodes.length)) };
}

/** Whether every host link is on one and the same medium. */
function oneMedium(s: BlockCostSetting): boolean {
  let group = -1;
  for (const l of [...s.out, ...s.back]) {
    if (l === null) continue;
    if (group >= 0 && l.group !== group) return false;
    group = l.group;
  }
  return group >= 0;
}

/** Whether every host link is a server of its own (no two share a medium). */
function independentLinks(s: BlockCostSetting): boolean {
  const seen = new Set<number>();
  for (const l of [...s.out, ...s.back]) {
    if (l === null) continue;
    if (seen.has(l.group)) return false;
    seen.add(l.group);
  }
  return true;
}

/**
 * The best split of `block` over `layout` (slot → node index, 0 = host) by `ratio`. `space` (the
 * block's SplitSpace for these nodes and layout) makes repeated searches cheap; without it a layout
 * of at most three slots is enumerated here, and a longer one is searched locally.
 */
export function bestPartition(block: BlockRows, s: BlockCostSetting, layout: ArrayLike<number>, ratio: "search" | "proportional", space?: SplitSpace): Partition {
  const n = s.nodes.length;
  const scratch = blockScratch(groupCount(s), n);
  let best = proportionalCounts(block, s, layout);
  if (ratio === "search") {
    if (layout.length <= 3) best = (space ?? new SplitSpace(block, s.nodes, layout)).best(s);
    else {
      const work = memberRows(block, layout, best, n);
      best = localSearch(best, (counts) => blockTime(block, s, memberRows(block, layout, counts, n, work), scratch).objective);
    }
  }
  const rows = memberRows(block, layout, best, n);
  return { counts: best, rows, time: blockTime(block, s, rows, scratch) };
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
