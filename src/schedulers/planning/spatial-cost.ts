// Predicted time of one spatially partitioned block (HALP §1.6.4): the host sends each secondary
// its input slab, the secondaries compute their rows and send their output rows back, while the
// host computes its own rows from the block input it already holds. Links that share a medium
// serialise (sends in plan order, then returns in the order they become ready), which is what the
// simulator's FIFO link does; independent links overlap. For K tasks in a batch the objective is
// the first task's makespan plus K − 1 steady-state cycles (§1.6.5). Pure arithmetic in ns.
import type { BlockRows, MemberRows } from "./spatial-rows.js";

/**
 * One node's compute: the time of `rows` output rows (1 ≤ rows ≤ the layer's height) of a model
 * layer at batch 1, ns — in a run, what the run's compute costs charge for that slab (the device's
 * roofline with its per-layer overhead paid whole, or the scenario's slab table), so the planner
 * predicts what the simulator does.
 */
export interface NodeCosts {
  slab(layer: number, rows: number): number;
}

/** A directed link as the planner sees it: estimated bytes/s, latency, and its medium (a group id). */
export interface LinkCost {
  readonly bytesPerSec: number;
  readonly latencyNs: number;
  /** Links with the same group share one server (one medium); independent links have their own. */
  readonly group: number;
}

/** What a block's cost needs beyond the rows: nodes (0 = host), links per secondary, tensor sizes. */
export interface BlockCostSetting {
  readonly nodes: readonly NodeCosts[];
  /** out[m], back[m]: host → node m and node m → host (entry 0 unused). */
  readonly out: readonly (LinkCost | null)[];
  readonly back: readonly (LinkCost | null)[];
  /** Bytes per row of the block's input tensor and of its output tensor, and per message. */
  readonly inRowBytes: number;
  readonly outRowBytes: number;
  readonly headerBytes: number;
  /** Tasks planned together (§1.6.5); 1 for a single task. */
  readonly tasks: number;
}

/** ns of `rows` rows of a layer (0 rows: nothing). */
export function slabNs(node: NodeCosts, layer: number, rows: number): number {
  return rows > 0 ? node.slab(layer, rows) : 0;
}

/** ns node m spends on its rows of the block. */
export function memberComputeNs(block: BlockRows, node: NodeCosts, rows: Int32Array): number {
  let ns = 0;
  for (let l = 1; l < block.heights.length; l++) ns += slabNs(node, block.lo + l - 1, rows[l]!);
  return ns;
}

/** Bytes a message of `rows` rows carries (0 rows: no message). */
export function slabBytes(rows: number, rowBytes: number, headerBytes: number): number {
  return rows > 0 ? Math.ceil(rows * rowBytes) + headerBytes : 0;
}

/**
 * Secondaries in the order the host sends to them: larger input slab first, then by index (a free
 * choice, §1.6.4); those that receive and return nothing are left out. `input[i][0]` is the rows
 * node i receives (MemberRows.rows, HaloRows.own), `outRows[i]` what it returns.
 */
export function sendOrder(input: readonly Int32Array[], outRows: Int32Array): number[] {
  const order: number[] = [];
  for (let i = 1; i < outRows.length; i++) if (input[i]![0]! > 0 || outRows[i]! > 0) order.push(i);
  return order.sort((a, b) => input[b]![0]! - input[a]![0]! || a - b);
}

export interface BlockTime {
  /** One task's makespan, ns. */
  makespan: number;
  /** Steady-state time per task when several are pipelined, ns. */
  cycle: number;
  /** makespan + (tasks − 1)·cycle: what the search minimises. */
  objective: number;
}

/**
 * Times one partition. Every medium (link group) is a FIFO server: a send occupies it for its
 * serialisation, then its latency elapses off the medium; returns queue behind sends in the order
 * they become ready. Scratch arrays keep the search free of allocation.
 */
export function blockTime(block: BlockRows, s: BlockCostSetting, m: MemberRows, scratch: BlockScratch): BlockTime {
  const n = s.nodes.length;
  const comp = new Float64Array(n);
  const send = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    comp[i] = memberComputeNs(block, s.nodes[i]!, m.rows[i]!);
    send[i] = m.rows[i]![0]!;
  }
  const res = { makespan: 0, cycle: 0, objective: 0 };
  timeOf(s, comp, 0, send, m.outRows, 0, scratch, res);
  return res;
}

/**
 * The same timing from precomputed numbers: node i computes for comp[cOff + i] ns, receives
 * send[rOff + i] input rows and returns out[rOff + i] output rows (i = 0 is the host). Writes `res`.
 */
export function timeOf(
  s: BlockCostSetting, comp: Float64Array, cOff: number, send: Int32Array, out: Int32Array, rOff: number,
  scratch: BlockScratch, res: BlockTime,
): void {
  const n = s.nodes.length;
  const host = comp[cOff]!;
  let makespan = host;
  let cycle = host;
  const { free, busy, ready, order } = scratch;
  free.fill(0);
  busy.fill(0);
  let count = 0;
  for (let i = 1; i < n; i++) if (out[rOff + i]! > 0 || send[rOff + i]! > 0) order[count++] = i;
  // Sends, larger slab first (insertion sort: n is small); ties by node index.
  for (let a = 1; a < count; a++) {
    const x = order[a]!;
    const rx = send[rOff + x]!;
    let b = a - 1;
    while (b >= 0 && send[rOff + order[b]!]! < rx) {
      order[b + 1] = order[b]!;
      b--;
    }
    order[b + 1] = x;
  }
  for (let a = 0; a < count; a++) {
    const i = order[a]!;
    const link = s.out[i]!;
    const ser = (slabBytes(send[rOff + i]!, s.inRowBytes, s.headerBytes) * 1e9) / link.bytesPerSec;
    const start = free[link.group]!;
    free[link.group] = start + ser;
    busy[link.group] = busy[link.group]! + ser;
    const c = comp[cOff + i]!;
    if (c > cycle) cycle = c;
    ready[i] = start + ser + link.latencyNs + c;
  }
  // Returns in the order they become ready (stable: ties keep the send order).
  for (let a = 1; a < count; a++) {
    const x = order[a]!;
    let b = a - 1;
    while (b >= 0 && ready[order[b]!]! > ready[x]!) {
      order[b + 1] = order[b]!;
      b--;
    }
    order[b + 1] = x;
  }
  for (let a = 0; a < count; a++) {
    const i = order[a]!;
    const link = s.back[i]!;
    const ser = (slabBytes(out[rOff + i]!, s.outRowBytes, s.headerBytes) * 1e9) / link.bytesPerSec;
    const start = Math.max(ready[i]!, free[link.group]!);
    free[link.group] = start + ser;
    busy[link.group] = busy[link.group]! + ser;
    const done = start + ser + link.latencyNs;
    if (done > makespan) makespan = done;
  }
  for (let g = 0; g < busy.length; g++) if (busy[g]! > cycle) cycle = busy[g]!;
  res.makespan = makespan;
  res.cycle = cycle;
  res.objective = makespan + (s.tasks - 1) * cycle;
}

/** Reusable buffers for blockTime: one entry per link group and per node. */
export interface BlockScratch {
  readonly free: Float64Array;
  readonly busy: Float64Array;
  readonly ready: Float64Array;
  readonly order: Int32Array;
}

export function blockScratch(groups: number, nodes: number): BlockScratch {
  return { free: new Float64Array(groups), busy: new Float64Array(groups), ready: new Float64Array(nodes), order: new Int32Array(nodes) };
}
