// BpsCosts from a real SchedulerContext: device and remote times of prefix cuts from
// ctx.computeCost (the very cost objects the simulator charges, so batch times and measured
// `timeMs` tables agree), bytes from boundaryBytes, the uplink's bandwidth estimate and latency.
import type { Model } from "../../workload/model.js";
import { boundaryBytes } from "../../workload/quantization.js";
import type { SchedulerContext } from "../context.js";
import type { BpsCosts, CodecCost } from "./bps-model.js";
import type { SplitRoute } from "./route.js";
import { range } from "./split-plan.js";

export interface BpsCostOptions {
  /** Bits per element of an intermediate tensor before any codec (default 32: ρ applies to fp32). */
  readonly bits?: number;
  /** Bandwidth to plan for, bytes/s (default: ctx.bandwidthBps of the uplink now). `oracle` passes the next interval's. */
  readonly bandwidthBps?: number;
  /** Codec numbers (item 5 of the issue supplies them); without it only "off" is known. */
  readonly codec?: (name: string, k: number, batch: number) => CodecCost | undefined;
}

/**
 * The costs of `model` on `route` (which must have an uplink for any cut k < n to be sendable).
 * Times are memoised per (k, batch): the scheduler asks for the same few many times per interval.
 */
export function bpsCosts(ctx: SchedulerContext, model: Model, route: SplitRoute, opts: BpsCostOptions = {}): BpsCosts {
  const n = model.layerCount;
  const bits = opts.bits ?? 32;
  const cuts = model.prefixCuts();
  const memo = new Map<number, number>();
  // Key (side, k, batch) in one number; batches stay far below 2^20 and k below 2^20.
  const cached = (side: 0 | 1, k: number, batch: number, f: () => number): number => {
    const key = (side * 2 ** 20 + k) * 2 ** 20 + batch;
    let v = memo.get(key);
    if (v === undefined) memo.set(key, (v = f()));
    return v;
  };
  const uplink = route.uplink >= 0 ? ctx.topology.links[route.uplink]! : null;
  const returnNs = route.downlink >= 0 ? ctx.transferNs(route.downlink, ctx.resultBytes(model)) : 0;
  const costs: BpsCosts = {
    layers: n,
    deviceNs: (k, batch) =>
      k === 0 ? 0 : cached(0, k, batch, () => ctx.computeCost(route.origin, model, range(0, k)).ns(batch)),
    remoteNs: (k, batch) => {
      if (k === n) return 0;
      if (route.target < 0) return Infinity; // nowhere to run the rest: never sustainable
      return cached(1, k, batch, () => ctx.computeCost(route.target, model, range(k, n)).ns(batch));
    },
    bytes: (k) => (k === n ? 0 : boundaryBytes(model, cuts[k]!.boundary, bits, ctx.headerBytes)),
    // No uplink: a zero bandwidth makes every sending cut's transfer infinite, so it is never chosen.
    bandwidthBps: uplink === null ? 0 : opts.bandwidthBps ?? ctx.bandwidthBps(route.uplink),
    latencyNs: uplink === null ? 0 : uplink.latencyNs,
    returnNs,
  };
  return opts.codec === undefined ? costs : { ...costs, codec: opts.codec };
}
