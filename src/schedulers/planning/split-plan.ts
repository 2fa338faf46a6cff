// The plan of a single cut: layers [0, k) of the file's topological order on the origin device,
// the boundary tensors over the uplink, layers [k, L) on the target, and the result back over
// the downlink. Plans are cached per (model, origin, target, cut, bits) and shared by requests.
import { boundaryBytes } from "../../workload/quantization.js";
import type { Cut, Model } from "../../workload/model.js";
import { makePlan, type Plan, type Step } from "../../workload/plan.js";
import type { SchedulerContext } from "../scheduler.js";
import type { SplitRoute } from "./route.js";

/** Bits recorded for a raw-input transfer: the image goes as uint8. */
export const RAW_INPUT_BITS = 8;

export function range(from: number, to: number): Int32Array {
  const out = new Int32Array(Math.max(0, to - from));
  for (let i = 0; i < out.length; i++) out[i] = from + i;
  return out;
}

export function splitPlan(ctx: SchedulerContext, model: Model, route: SplitRoute, cut: Cut, bits: number): Plan {
  const L = model.layerCount;
  return partitionPlan(ctx, model, route, range(0, cut.upstreamCount), range(cut.upstreamCount, L), cut.boundary, cut.label, bits);
}

/**
 * The plan of any partition: `device` layers (ascending) on the origin, the boundary tensors in one
 * transfer (each tensor once), the `cloud` layers on the target, and the result back. The caller
 * guarantees that the two lists split the model and that the device side is predecessor-closed.
 */
export function partitionPlan(
  ctx: SchedulerContext, model: Model, route: SplitRoute,
  device: Int32Array, cloud: Int32Array, boundary: Int32Array, label: string, bits: number,
): Plan {
  const steps: Step[] = [];
  let last = -1;
  const after = (): number[] => (last >= 0 ? [last] : []);
  if (device.length > 0) {
    steps.push({ kind: "compute", station: route.origin, cost: ctx.computeCost(route.origin, model, device), deps: [] });
    last = 0;
  }
  const rawInput = device.length === 0;
  const local = cloud.length === 0;
  const sentBits = rawInput ? RAW_INPUT_BITS : bits;
  let bytesSent = 0;
  if (!local) {
    bytesSent = boundaryBytes(model, boundary, bits, ctx.headerBytes);
    steps.push({ kind: "transfer", link: route.uplink, bytes: bytesSent, deps: after() });
    last = steps.length - 1;
    steps.push({ kind: "compute", station: route.target, cost: ctx.computeCost(route.target, model, cloud), deps: [last] });
    last = steps.length - 1;
    if (route.downlink >= 0) {
      steps.push({ kind: "transfer", link: route.downlink, bytes: ctx.resultBytes(model), deps: [last] });
    }
  }
  // Only an intermediate tensor is quantized: the raw image and a full local run lose nothing.
  const loss = rawInput || local ? 0 : ctx.accuracyLossPct(model, label, bits);
  return makePlan(steps, { cut: label, bits: local ? 0 : sentBits, bytesSent, accuracyLossPct: loss });
}

/**
 * Caches split plans for one scheduler instance (one run), per model, under a numeric key of
 * (origin, target, cut, bits): looked up once per request, so no string is built for it.
 */
export class SplitPlanCache {
  private readonly plans = new Map<Model, Map<number, Plan>>();

  get(ctx: SchedulerContext, model: Model, route: SplitRoute, cut: Cut, bits: number): Plan {
    let byKey = this.plans.get(model);
    if (byKey === undefined) this.plans.set(model, (byKey = new Map()));
    // Stations and layers are far below 2^16 and bits below 64, so the key is exact and unique.
    const key = (((route.origin + 1) * 65536 + (route.target + 1)) * 65536 + cut.upstreamCount) * 64 + bits;
    let plan = byKey.get(key);
    if (plan === undefined) {
      plan = splitPlan(ctx, model, route, cut, bits);
      byKey.set(key, plan);
    }
    return plan;
  }
}
