// The numbers a branch-parallel planner searches over, at the current estimates (coach-decc.md
// §2.3.2): per trunk cut and per branch option, the device, uplink and target times in integer ns
// from ctx.computeCost(...).ns(1) and ctx.transferNs(...), the costs the simulator itself charges.
// Transmission and propagation are kept apart: a link is free once the last byte is out.
import type { Model } from "../../workload/model.js";
import type { SchedulerContext } from "../scheduler.js";
import { boundaryBytes } from "../../workload/quantization.js";
import type { ForkJoinRegion } from "./fork-join-regions.js";
import type { SplitRoute } from "./route.js";
import { articulationLayers } from "./series-parallel.js";
import { range } from "./split-plan.js";

/** A single cut at an articulation point: k layers of the file's order on the device. */
export interface TrunkCost {
  k: number;
  device: number;
  /** Transmission of the boundary (0 for device-only). */
  tx: number;
  target: number;
}

/** One region's times: per branch, per option, a (device), d (summed transmissions), c (target). */
export interface RegionCost {
  region: ForkJoinRegion;
  trunk: number;
  tail: number;
  forkTx: number;
  a: Float64Array[];
  d: Float64Array[];
  c: Float64Array[];
}

export interface DeccCosts {
  model: Model;
  trunks: TrunkCost[];
  regions: RegionCost[];
  /** Propagation of the uplink, the result's transmission and propagation back (0 without a downlink). */
  upLatency: number;
  resultTx: number;
  downLatency: number;
  /** Whether there is an uplink at all (without one only device-only is possible). */
  canSend: boolean;
}

/** `coalesce`: each branch's tensors go as one transfer (one rounding), as branchPlan sends them. */
export function deccCosts(ctx: SchedulerContext, model: Model, route: SplitRoute, regions: readonly ForkJoinRegion[], coalesce = false): DeccCosts {
  const L = model.layerCount;
  const canSend = route.uplink >= 0;
  const links = ctx.topology.links;
  const upLatency = canSend ? links[route.uplink]!.latencyNs : 0;
  const tx = (bytes: number): number => ctx.transferNs(route.uplink, bytes) - upLatency;
  const dev = (layers: ArrayLike<number>): number => (layers.length > 0 ? ctx.computeCost(route.origin, model, layers).ns(1) : 0);
  const tgt = (layers: ArrayLike<number>): number => (layers.length > 0 ? ctx.computeCost(route.target, model, layers).ns(1) : 0);
  // fp32 tensors, the raw input as uint8 (boundaryBytes' rule), each with its header.
  const bytes = (tensors: ArrayLike<number>): number => boundaryBytes(model, tensors, 32, ctx.headerBytes);
  const sendNs = (tensors: number[]): number => {
    if (tensors.length === 0) return 0;
    if (coalesce) return tx(bytes(tensors));
    return tensors.reduce((s, t) => s + tx(bytes([t])), 0);
  };
  const cuts = model.prefixCuts();
  const ks = canSend ? [0, ...articulationLayers(model).map((a) => a + 1), L] : [L];
  const trunks = [...new Set(ks)].map((k) => ({
    k,
    device: dev(range(0, k)),
    // splitPlan sends a cut's boundary as one transfer.
    tx: k < L ? tx(bytes(cuts[k]!.boundary)) : 0,
    target: tgt(range(k, L)),
  }));
  const regionCosts = canSend
    ? regions.map((region) => ({
        region,
        trunk: dev(region.trunk),
        tail: tgt(region.tail),
        forkTx: tx(bytes([region.fork])),
        a: region.branches.map((opts) => Float64Array.from(opts, (o) => dev(o.device))),
        d: region.branches.map((opts) => Float64Array.from(opts, (o) => sendNs(Array.from(o.tensors)))),
        c: region.branches.map((opts) => Float64Array.from(opts, (o) => tgt(o.cloud))),
      }))
    : [];
  const hasDown = canSend && route.downlink >= 0;
  const downLatency = hasDown ? links[route.downlink]!.latencyNs : 0;
  const resultTx = hasDown ? ctx.transferNs(route.downlink, ctx.resultBytes(model)) - downLatency : 0;
  return { model, trunks, regions: regionCosts, upLatency, resultTx, downLatency, canSend };
}
