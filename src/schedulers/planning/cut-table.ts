// The per-cut table of a model on a route: for each of the L+1 prefix cuts k (k layers on the
// origin device), the device time, the bytes sent at a bit width, and the target's time for the
// rest, at batch 1. What Neurosurgeon-style planners compare; built once per (model, route, bits).
import { layerTimeMs } from "../../workload/compute-model.js";
import type { Cut, Model } from "../../workload/model.js";
import { boundaryBytes } from "../../workload/quantization.js";
import type { SchedulerContext } from "../context.js";
import type { SplitRoute } from "./route.js";

export interface CutTable {
  readonly model: Model;
  /** The cuts, k = 0..L (model.prefixCuts()). */
  readonly cuts: readonly Cut[];
  /** devicePrefixMs[k]: layers [0, k) on the origin device, ms. */
  readonly devicePrefixMs: Float64Array;
  /** targetPrefixMs[k]: layers [0, k) on the target; the target runs [k, L), targetMs(k). */
  readonly targetPrefixMs: Float64Array;
  /** Bytes sent for cut k at the table's bits (the raw input as uint8; 0 for k = L, nothing is sent). */
  readonly bytes: Float64Array;
  readonly bits: number;
}

/** Prefix sums of per-layer times (ms) on `station`, at batch 1. */
export function prefixMs(ctx: SchedulerContext, model: Model, station: number): Float64Array {
  const s = ctx.topology.stations[station]!;
  const out = new Float64Array(model.layerCount + 1);
  for (let i = 0; i < model.layerCount; i++) out[i + 1] = out[i]! + layerTimeMs(model, i, s.device, 1, s.precision);
  return out;
}

export function cutTable(ctx: SchedulerContext, model: Model, route: SplitRoute, bits: number): CutTable {
  const cuts = model.prefixCuts();
  const bytes = Float64Array.from(cuts, (c) =>
    c.upstreamCount === model.layerCount ? 0 : boundaryBytes(model, c.boundary, bits, ctx.headerBytes));
  const target = route.target >= 0 ? prefixMs(ctx, model, route.target) : new Float64Array(model.layerCount + 1);
  return { model, cuts, devicePrefixMs: prefixMs(ctx, model, route.origin), targetPrefixMs: target, bytes, bits };
}

/** Time of the layers after cut k on the target, ms. */
export function targetMs(t: CutTable, k: number): number {
  const L = t.model.layerCount;
  return t.targetPrefixMs[L]! - t.targetPrefixMs[k]!;
}

/** Time to send cut k's bytes at `bytesPerSec`, ms (propagation latency not included). */
export function sendMs(t: CutTable, k: number, bytesPerSec: number): number {
  return (t.bytes[k]! / bytesPerSec) * 1e3;
}
