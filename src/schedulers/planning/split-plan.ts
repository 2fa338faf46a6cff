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
  const k = cut.upstreamCount;
  const steps: Step[] = [];
  let last = -1;
  const after = (): number[] => (last >= 0 ? [last] : []);
  if (k > 0) {
    steps.push({ kind: "compute", station: route.origin, cost: ctx.computeCost(route.origin, model, range(0, k)), deps: [] });
    last = 0;
  }
  const rawInput = k === 0;
  const sentBits = rawInput ? RAW_INPUT_BITS : bits;
  let bytesSent = 0;
  if (k < L) {
    bytesSent = boundaryBytes(model, cut.boundary, bits, ctx.headerBytes);
    steps.push({ kind: "transfer", link: route.uplink, bytes: bytesSent, deps: after() });
    last = steps.length - 1;
    steps.push({ kind: "compute", station: route.target, cost: ctx.computeCost(route.target, model, range(k, L)), deps: [last] });
    last = steps.length - 1;
    if (route.downlink >= 0) {
      steps.push({ kind: "transfer", link: route.downlink, bytes: ctx.resultBytes(model), deps: [last] });
    }
  }
  // Only an intermediate tensor is quantized: the raw image and a full local run lose nothing.
  const loss = rawInput || k === L ? 0 : ctx.accuracyLossPct(model, cut.label, bits);
  return makePlan(steps, { cut: cut.label, bits: k === L ? 0 : sentBits, bytesSent, accuracyLossPct: loss });
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
