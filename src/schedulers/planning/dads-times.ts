// DADS's per-layer times from the simulator's own costs: t^e_v and t^c_v from ctx.computeCost of
// the one layer at batch 1, t^t_u = u's output bytes on the wire (header included) over the uplink
// estimate. All in whole ns, so sums compare exactly; each is rounded up, so the sum over a set can
// exceed the simulator's charge for the set (rounded once) by under 1 ns per layer or tensor.
import type { Model } from "../../workload/model.js";
import { rawInputBytes, tensorBytes } from "../../workload/quantization.js";
import type { SchedulerContext } from "../context.js";
import type { DadsTimes } from "./dads-cut.js";
import type { SplitRoute } from "./route.js";

/** t^e and t^c per layer: fixed for a run, so computed once per (model, route). */
export interface LayerTimes {
  readonly device: Float64Array;
  readonly cloud: Float64Array;
}

export function layerTimes(ctx: SchedulerContext, model: Model, route: SplitRoute): LayerTimes {
  const L = model.layerCount;
  const device = new Float64Array(L);
  const cloud = new Float64Array(L);
  const one = new Int32Array(1);
  for (let v = 0; v < L; v++) {
    one[0] = v;
    device[v] = ctx.computeCost(route.origin, model, one).ns(1);
    cloud[v] = route.target >= 0 ? ctx.computeCost(route.target, model, one).ns(1) : Infinity;
  }
  return { device, cloud };
}

/** Transmission ns of `bytes` at `bps` bytes/s, rounded up (propagation is not a pipeline stage). */
export function transmitNs(bytes: number, bps: number): number {
  return bps > 0 ? Math.ceil((bytes * 1e9) / bps) : Infinity;
}

/** The full DadsTimes at uplink estimate `upBps` (bytes/s); tensors sent at `bits`, the input as uint8. */
export function dadsTimes(model: Model, layers: LayerTimes, bits: number, headerBytes: number, upBps: number): DadsTimes {
  const L = model.layerCount;
  const transfer = new Float64Array(L);
  for (let u = 0; u < L; u++) transfer[u] = transmitNs(tensorBytes(model.outputElements[u]!, bits, headerBytes), upBps);
  return {
    device: layers.device,
    cloud: layers.cloud,
    transfer,
    inputTransfer: transmitNs(rawInputBytes(model.inputElements, headerBytes), upBps),
  };
}
