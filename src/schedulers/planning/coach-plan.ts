// The plans COACH runs (coach-decc.md §1.3.1): a miss is device layers + cache look-up + one
// quantizing pass, the quantized tensors as one message, dequantizing + the rest on the target, the
// result back; a hit is the device layers and the look-up only, never touching the link or target.
// Costs match coachStages, so a plan's empty-system latency is the stages' sum.
import type { Time } from "../../core/time.js";
import type { Model } from "../../workload/model.js";
import { makePlan, type Plan, type Step } from "../../workload/plan.js";
import type { SchedulerContext } from "../scheduler.js";
import { passNs } from "./coach-stages.js";
import { boundaryBytesPerTensor } from "./per-tensor-bytes.js";
import type { SplitRoute } from "./route.js";

export interface CoachPartition {
  device: Int32Array;
  cloud: Int32Array;
  tensors: Int32Array;
  label: string;
}

export function coachMissPlan(
  ctx: SchedulerContext, model: Model, route: SplitRoute, p: CoachPartition, bits: readonly number[], lossPct: number,
  lookupNs: Time, quantizePass: boolean,
): Plan {
  const steps: Step[] = [];
  const local = p.cloud.length === 0;
  const q = quantizePass && !local ? passNs(ctx, route.origin, model, p.tensors) : 0;
  if (p.device.length > 0 || lookupNs + q > 0) {
    steps.push({ kind: "compute", station: route.origin, cost: ctx.computeCost(route.origin, model, p.device, { extraNs: lookupNs + q }), deps: [] });
  }
  let bytes = 0;
  if (!local) {
    bytes = boundaryBytesPerTensor(model, p.tensors, bits, ctx.headerBytes);
    steps.push({ kind: "transfer", link: route.uplink, bytes, deps: steps.length > 0 ? [0] : [] });
    const dq = quantizePass ? passNs(ctx, route.target, model, p.tensors) : 0;
    steps.push({ kind: "compute", station: route.target, cost: ctx.computeCost(route.target, model, p.cloud, { extraNs: dq }), deps: [steps.length - 1] });
    if (route.downlink >= 0) steps.push({ kind: "transfer", link: route.downlink, bytes: ctx.resultBytes(model), deps: [steps.length - 1] });
  }
  const sent = local ? 0 : Math.max(...bits);
  return makePlan(steps, { cut: p.label, bits: sent, bytesSent: bytes, accuracyLossPct: lossPct });
}

/** A cache hit: the device layers and the look-up; a wrong hit loses the frame (100 points). */
export function coachHitPlan(ctx: SchedulerContext, model: Model, route: SplitRoute, p: CoachPartition, lookupNs: Time, correct: boolean): Plan {
  const steps: Step[] = [{ kind: "compute", station: route.origin, cost: ctx.computeCost(route.origin, model, p.device, { extraNs: lookupNs }), deps: [] }];
  return makePlan(steps, { cut: p.label, bits: 0, bytesSent: 0, accuracyLossPct: correct ? 0 : 100 });
}
