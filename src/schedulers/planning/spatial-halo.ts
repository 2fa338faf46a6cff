// HALP reading B (halp-bps.md §1.6.2, `overlap: halo`): every row of every layer is computed once.
// The host computes, at each level, the rows its own output slots need (their receptive field, as
// in reading A); each secondary computes only the rest of its region, so it owns rows no one else
// computes, and before each layer it receives from the host the few rows of the level below that
// it reads but does not own (the halo). The host never waits for a secondary within a block: its
// region is closed under back-projection. Secondaries must not touch (a host slot between any two),
// so every halo comes from the host. Pure; rows are counts per level, 0 = the block input.
import { layerInputRows, rowCount, type Rows } from "./receptive-field.js";
import { sendOrder, slabBytes, slabNs, type BlockCostSetting, type BlockTime } from "./spatial-cost.js";
import { forEachSplit, type BlockRows } from "./spatial-rows.js";

export interface HaloRows {
  /** own[m][l]: rows node m computes at level l ≥ 1; own[m][0]: input rows a secondary receives. */
  readonly own: Int32Array[];
  /** halo[m][l]: rows of level l the host sends node m after computing level l (for level l + 1). */
  readonly halo: Int32Array[];
  /** Output rows node m returns (its own rows of the last level; the host's are its own). */
  readonly outRows: Int32Array;
}

/**
 * Rows of a split in reading B, or null when two secondaries would touch at some level (a host
 * slot left empty between them), which this reading cannot serve without secondary-to-secondary
 * halos.
 */
export function haloRows(block: BlockRows, layout: ArrayLike<number>, counts: ArrayLike<number>, members: number): HaloRows | null {
  const L = block.heights.length - 1;
  const own = Array.from({ length: members }, () => new Int32Array(L + 1));
  const halo = Array.from({ length: members }, () => new Int32Array(L + 1));
  const outRows = new Int32Array(members);
  const slots = layout.length;
  // Each slot's needed interval at every level (reading A's region), null for an empty slot.
  const starts: number[] = [];
  let row = 0;
  for (let k = 0; k < slots; k++) {
    starts.push(row);
    row += counts[k]!;
  }
  const region = (k: number, l: number): Rows | null =>
    counts[k]! > 0 ? [block.first[l]![starts[k]!]!, block.last[l]![starts[k]! + counts[k]! - 1]!] : null;
  // The host: union of its slots' regions, level by level (slots come top to bottom).
  for (let l = 0; l <= L; l++) {
    let last = -1;
    for (let k = 0; k < slots; k++) {
      if (layout[k] !== 0) continue;
      const r = region(k, l);
      if (r === null) continue;
      const from = Math.max(r[0], last + 1);
      if (r[1] >= from) own[0]![l] = own[0]![l]! + r[1] - from + 1;
      last = Math.max(last, r[1]);
    }
  }
  outRows[0] = own[0]![L]!;
  own[0]![0] = 0;
  for (let k = 0; k < slots; k++) {
    const m = layout[k]!;
    if (m === 0 || counts[k]! <= 0) continue;
    // The nearest non-empty slots above and below must be the host's.
    const above = neighbour(counts, k, -1);
    const below = neighbour(counts, k, +1);
    if ((above >= 0 && layout[above] !== 0) || (below >= 0 && layout[below] !== 0)) return null;
    const ownAt = (l: number): Rows | null => {
      const r = region(k, l)!;
      const lo = above >= 0 ? Math.max(r[0], region(above, l)![1] + 1) : r[0];
      const hi = below >= 0 ? Math.min(r[1], region(below, l)![0] - 1) : r[1];
      return lo <= hi ? [lo, hi] : null;
    };
    let next = ownAt(L);
    outRows[m] = rowCount(next);
    own[m]![L] = rowCount(next);
    for (let l = L - 1; l >= 0; l--) {
      const mine = l > 0 ? ownAt(l) : null;
      const need = layerInputRows(block.chain[l]!, next); // rows of level l that level l + 1 reads
      if (l === 0) own[m]![0] = rowCount(need);
      else {
        own[m]![l] = rowCount(mine);
        const shared = need === null || mine === null ? 0 : Math.max(0, Math.min(need[1], mine[1]) - Math.max(need[0], mine[0]) + 1);
        halo[m]![l] = rowCount(need) - shared;
        next = mine;
      }
    }
  }
  return { own, halo, outRows };
}

function neighbour(counts: ArrayLike<number>, k: number, step: number): number {
  for (let j = k + step; j >= 0 && j < counts.length; j += step) if (counts[j]! > 0) return j;
  return -1;
}

/** Bytes per row at every level of the block (level 0: the input tensor; uint8 for the raw image). */
export type LevelRowBytes = Float64Array;

/**
 * Predicted time of a reading-B split: the host computes level after level; each secondary
 * computes level l once its level l − 1 is done and its halo has arrived (a halo leaves when the
 * host has finished that level); sends first, in plan order, then halos level by level, then
 * returns in the order they are ready, every medium a FIFO server (exact for independent links).
 */
export function haloTime(block: BlockRows, s: BlockCostSetting, h: HaloRows, levelBytes: LevelRowBytes, res: BlockTime): void {
  const n = s.nodes.length;
  const L = block.heights.length - 1;
  const free = new Map<number, number>();
  const busy = new Map<number, number>();
  const use = (group: number, release: number, ser: number): number => {
    const start = Math.max(release, free.get(group) ?? 0);
    free.set(group, start + ser);
    busy.set(group, (busy.get(group) ?? 0) + ser);
    return start + ser;
  };
  const hostDone = new Float64Array(L + 1);
  for (let l = 1; l <= L; l++) hostDone[l] = hostDone[l - 1]! + slabNs(s.nodes[0]!, block.lo + l - 1, h.own[0]![l]!);
  let cycle = hostDone[L]!;
  const order = sendOrder(h.own, h.outRows);
  const done = new Float64Array(n);
  const compTotal = new Float64Array(n);
  for (const i of order) {
    // A secondary that receives no block input (its rows start above level 1) starts on its first halo.
    const link = s.out[i]!;
    const bytes = slabBytes(h.own[i]![0]!, levelBytes[0]!, s.headerBytes);
    done[i] = bytes > 0 ? use(link.group, 0, (bytes * 1e9) / link.bytesPerSec) + link.latencyNs : 0;
  }
  for (let l = 1; l <= L; l++) {
    for (const i of order) {
      if (l >= 2 && h.halo[i]![l - 1]! > 0) {
        const link = s.out[i]!;
        const arrive = use(link.group, hostDone[l - 1]!, (slabBytes(h.halo[i]![l - 1]!, levelBytes[l - 1]!, s.headerBytes) * 1e9) / link.bytesPerSec) + link.latencyNs;
        if (arrive > done[i]!) done[i] = arrive;
      }
      const c = slabNs(s.nodes[i]!, block.lo + l - 1, h.own[i]![l]!);
      done[i] = done[i]! + c;
      compTotal[i] = compTotal[i]! + c;
    }
  }
  let makespan = hostDone[L]!;
  for (const i of [...order].sort((a, b) => done[a]! - done[b]! || a - b)) {
    const link = s.back[i]!;
    const end = use(link.group, done[i]!, (slabBytes(h.outRows[i]!, levelBytes[L]!, s.headerBytes) * 1e9) / link.bytesPerSec) + link.latencyNs;
    if (end > makespan) makespan = end;
    if (compTotal[i]! > cycle) cycle = compTotal[i]!;
  }
  for (const b of busy.values()) if (b > cycle) cycle = b;
  res.makespan = makespan;
  res.cycle = cycle;
  res.objective = makespan + (s.tasks - 1) * cycle;
}

/**
 * The best reading-B split of a block over a layout of at most three slots, by brute force (every
 * split is rebuilt here: reading B's rows depend on every slot at once), or null when no split can
 * be served (every one leaves two secondaries touching).
 */
export function bestHaloSplit(block: BlockRows, s: BlockCostSetting, layout: ArrayLike<number>, levelBytes: LevelRowBytes): { counts: Int32Array; rows: HaloRows; time: BlockTime } | null {
  const H = block.heights[block.heights.length - 1]!;
  const c = new Int32Array(layout.length);
  const res: BlockTime = { makespan: 0, cycle: 0, objective: 0 };
  let best: { counts: Int32Array; rows: HaloRows; time: BlockTime } | null = null;
  const consider = (): void => {
    const h = haloRows(block, layout, c, s.nodes.length);
    if (h === null) return;
    haloTime(block, s, h, levelBytes, res);
    if (best === null || res.objective < best.time.objective) best = { counts: c.slice(), rows: h, time: { ...res } };
  };
  forEachSplit(H, c, consider);
  return best;
}
