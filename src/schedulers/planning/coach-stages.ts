// COACH's three pipeline stages for one plan (coach-decc.md §1.3.2): the device runs its layers,
// the cache look-up and one quantizing pass over each boundary tensor; the uplink sends the
// quantized tensors as one message; the target dequantizes (one pass) and runs the rest; the result
// comes back over the downlink when there is one. Times are integer ns from ctx.computeCost and the
// planning bandwidth, so on a constant link the plan runs in exactly these times.
import type { Time } from "../../core/time.js";
import { RAW_INPUT, type Model } from "../../workload/model.js";
import { boundaryBytesPerTensor } from "./per-tensor-bytes.js";
import type { SchedulerContext } from "../scheduler.js";
import type { SplitRoute } from "./route.js";

export interface CoachCosts {
  /** Per-frame cache look-up on the device for a plan sending `tensors`, ns (0 without a cache). */
  lookupNs(tensors: ArrayLike<number>): Time;
  /** Charge a quantizing pass on the device and a dequantizing pass on the target. */
  quantizePass: boolean;
  /** Transmission time of `bytes` on the uplink, ns (propagation apart). */
  sendNs(bytes: number): Time;
}

export interface Stages {
  device: Time;
  uplink: Time;
  target: Time;
  downlink: Time;
  /** One frame through an empty pipeline: every stage plus the propagations. */
  latency: Time;
  bytes: number;
}

/** ns of one pass over the tensors' fp32 values at the station's memory bandwidth (0 for the raw input). */
export function passNs(ctx: SchedulerContext, station: number, model: Model, tensors: ArrayLike<number>): Time {
  let bytes = 0;
  for (let k = 0; k < tensors.length; k++) if (tensors[k]! !== RAW_INPUT) bytes += 4 * model.outputElements[tensors[k]!]!;
  return bytes === 0 ? 0 : Math.ceil((bytes / ctx.topology.stations[station]!.device.memBytesPerSec) * 1e9);
}

export function coachStages(
  ctx: SchedulerContext, model: Model, route: SplitRoute, device: Int32Array, cloud: Int32Array,
  tensors: Int32Array, bits: readonly number[], c: CoachCosts,
): Stages {
  const q = c.quantizePass ? passNs(ctx, route.origin, model, tensors) : 0;
  const dq = c.quantizePass && cloud.length > 0 ? passNs(ctx, route.target, model, tensors) : 0;
  const dev = device.length > 0 ? ctx.computeCost(route.origin, model, device).ns(1) : 0;
  const deviceNs = dev + c.lookupNs(tensors) + (cloud.length > 0 ? q : 0);
  if (cloud.length === 0) return { device: deviceNs, uplink: 0, target: 0, downlink: 0, latency: deviceNs, bytes: 0 };
  const bytes = boundaryBytesPerTensor(model, tensors, bits, ctx.headerBytes);
  const uplink = c.sendNs(bytes);
  const target = ctx.computeCost(route.target, model, cloud).ns(1) + dq;
  const links = ctx.topology.links;
  const down = route.downlink >= 0;
  const downlink = down ? ctx.transferNs(route.downlink, ctx.resultBytes(model)) - links[route.downlink]!.latencyNs : 0;
  const latency = deviceNs + uplink + links[route.uplink]!.latencyNs + target + (down ? downlink + links[route.downlink]!.latencyNs : 0);
  return { device: deviceNs, uplink, target, downlink, latency, bytes };
}
