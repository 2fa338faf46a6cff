// One task's plan for a spatially partitioned chain (HALP §1.6.2, RFS §1.6.1, MoDNN): per block,
// the host sends each secondary its input slab (larger first: on a shared medium the plan's step
// order is the send order), each secondary computes its rows and sends its output rows back, and
// the host computes its own rows meanwhile from the block input it holds; the next block starts
// when the host has every row. After the chain the host runs the head (the FC layers). When the
// task enters at another node, the input is uploaded to the host first and the result sent back.
import type { Model } from "../../workload/model.js";
import { makePlan, type Plan, type Step } from "../../workload/plan.js";
import type { SchedulerContext } from "../scheduler.js";
import { slabBytes, sendOrder } from "./spatial-cost.js";
import type { HaloRows } from "./spatial-halo.js";
import { haloBlockSteps } from "./spatial-halo-plan.js";
import type { BlockRows, MemberRows } from "./spatial-rows.js";

/** The nodes of a partition: stations (0 = host) and the links host → node and node → host. */
export interface SpatialNodes {
  readonly stations: readonly number[];
  readonly out: readonly number[];
  readonly back: readonly number[];
}

/** A block with its chosen rows, and the bytes per row of its input and output tensors. */
export interface PlannedBlock {
  readonly block: BlockRows;
  readonly rows: MemberRows;
  /** Reading B (`overlap: halo`): per-layer rows and halos; the block is then built by haloBlockSteps. */
  readonly halo?: HaloRows;
  readonly inRowBytes: number;
  readonly outRowBytes: number;
}

export interface SpatialPlanInput {
  readonly model: Model;
  readonly nodes: SpatialNodes;
  readonly blocks: readonly PlannedBlock[];
  /** Model layers after the chain, run on the host (empty when the chain is the whole model). */
  readonly head: readonly number[];
  /** Where the task enters and the links to and from the host (-1: it enters at the host). */
  readonly origin: number;
  readonly upload: number;
  readonly download: number;
  readonly uploadBytes: number;
  readonly label: string;
}

/** Steps of one block's compute on `station`: the layers where `rows` has rows, with their counts. */
function computeStep(ctx: SchedulerContext, model: Model, station: number, block: BlockRows, rows: Int32Array, deps: number[]): Step | null {
  const layers: number[] = [];
  const counts: number[] = [];
  for (let l = 1; l < block.heights.length; l++) {
    if (rows[l]! <= 0) continue;
    layers.push(block.lo + l - 1);
    counts.push(rows[l]!);
  }
  if (layers.length === 0) return null;
  const whole = counts.every((c, k) => c === block.heights[layers[k]! - block.lo + 1]);
  const cost = ctx.computeCost(station, model, layers, whole ? {} : { rows: counts });
  return { kind: "compute", station, cost, deps };
}

export function spatialPlan(ctx: SchedulerContext, p: SpatialPlanInput): Plan {
  const steps: Step[] = [];
  const push = (s: Step): number => steps.push(s) - 1;
  let ready: number[] = [];
  if (p.origin >= 0) ready = [push({ kind: "transfer", link: p.upload, bytes: p.uploadBytes, deps: [] })];
  const { stations, out, back } = p.nodes;
  for (const b of p.blocks) {
    if (b.halo !== undefined) {
      ready = haloBlockSteps(ctx, p.model, p.nodes, b.block, b.halo, steps, ready);
      continue;
    }
    const order = sendOrder(b.rows.rows, b.rows.outRows);
    const sent = new Map<number, number>();
    for (const i of order) {
      const bytes = slabBytes(b.rows.rows[i]![0]!, b.inRowBytes, ctx.headerBytes);
      if (bytes > 0) sent.set(i, push({ kind: "transfer", link: out[i]!, bytes, deps: ready }));
    }
    const computed = new Map<number, number>();
    for (const i of order) {
      const s = computeStep(ctx, p.model, stations[i]!, b.block, b.rows.rows[i]!, sent.has(i) ? [sent.get(i)!] : ready);
      if (s !== null) computed.set(i, push(s));
    }
    const next: number[] = [];
    for (const i of order) {
      const bytes = slabBytes(b.rows.outRows[i]!, b.outRowBytes, ctx.headerBytes);
      const after = computed.get(i) ?? sent.get(i);
      if (bytes > 0 && after !== undefined) next.push(push({ kind: "transfer", link: back[i]!, bytes, deps: [after] }));
    }
    const host = computeStep(ctx, p.model, stations[0]!, b.block, b.rows.rows[0]!, ready);
    if (host !== null) next.unshift(push(host));
    if (next.length > 0) ready = next;
  }
  if (p.head.length > 0) ready = [push({ kind: "compute", station: stations[0]!, cost: ctx.computeCost(stations[0]!, p.model, p.head), deps: ready })];
  if (p.origin >= 0) push({ kind: "transfer", link: p.download, bytes: ctx.resultBytes(p.model), deps: ready });
  // Every byte sent on the way to the result (the upload and the slabs), not the result itself.
  let bytesSent = 0;
  for (const s of steps) if (s.kind === "transfer" && !(p.origin >= 0 && s === steps[steps.length - 1])) bytesSent += s.bytes;
  return makePlan(steps, { cut: p.label, bits: 32, bytesSent, accuracyLossPct: 0 });
}
