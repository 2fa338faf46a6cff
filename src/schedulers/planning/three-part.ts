// Three-part plans (coach-decc.md §2.2, the predecessor's "two or three parts"): layers [0, k1) on
// the device, [k1, k2) on the target, the tensor at k2 back over the downlink and [k2, L) on the
// device again (E → C → E), both cuts at articulation points. Worth it when the last layers are
// cheap on the device and the target is the loaded resource. Costs are the simulator's own, so the
// plan's empty-system latency is the predicted one.
import type { Model } from "../../workload/model.js";
import { makePlan, type Plan, type Step } from "../../workload/plan.js";
import type { SchedulerContext } from "../scheduler.js";
import { boundaryBytes } from "../../workload/quantization.js";
import type { SplitRoute } from "./route.js";
import { articulationLayers } from "./series-parallel.js";
import { RAW_INPUT_BITS, range } from "./split-plan.js";

export interface ThreePartCost {
  k1: number;
  k2: number;
  makespan: number;
  /** Busy time per request on device, uplink, target, downlink. */
  busy: number[];
}

/** Every (k1, k2) with 0 ≤ k1 < k2 < L at articulation cuts; empty without both links. */
export function threePartCosts(ctx: SchedulerContext, model: Model, route: SplitRoute): ThreePartCost[] {
  if (route.uplink < 0 || route.downlink < 0) return [];
  const L = model.layerCount;
  const links = ctx.topology.links;
  const upLat = links[route.uplink]!.latencyNs;
  const downLat = links[route.downlink]!.latencyNs;
  const cuts = model.prefixCuts();
  const bytes = (k: number): number => boundaryBytes(model, cuts[k]!.boundary, 32, ctx.headerBytes);
  const dev = (a: number, b: number): number => (b > a ? ctx.computeCost(route.origin, model, range(a, b)).ns(1) : 0);
  const ks = [0, ...articulationLayers(model).map((a) => a + 1)].filter((k) => k < L);
  const out: ThreePartCost[] = [];
  for (const k1 of ks) {
    const up = ctx.transferNs(route.uplink, bytes(k1)) - upLat;
    const head = dev(0, k1);
    for (const k2 of ks) {
      if (k2 <= k1) continue;
      const target = ctx.computeCost(route.target, model, range(k1, k2)).ns(1);
      const down = ctx.transferNs(route.downlink, bytes(k2)) - downLat;
      const tail = dev(k2, L);
      out.push({ k1, k2, makespan: head + up + upLat + target + down + downLat + tail, busy: [head + tail, up, target, down] });
    }
  }
  return out;
}

/** The E → C → E plan: device, up, target, the k2 tensor down, device; the result stays on the device. */
export function threePartPlan(ctx: SchedulerContext, model: Model, route: SplitRoute, k1: number, k2: number): Plan {
  const L = model.layerCount;
  const cuts = model.prefixCuts();
  const steps: Step[] = [];
  if (k1 > 0) steps.push({ kind: "compute", station: route.origin, cost: ctx.computeCost(route.origin, model, range(0, k1)), deps: [] });
  const up = boundaryBytes(model, cuts[k1]!.boundary, 32, ctx.headerBytes);
  steps.push({ kind: "transfer", link: route.uplink, bytes: up, deps: k1 > 0 ? [0] : [] });
  steps.push({ kind: "compute", station: route.target, cost: ctx.computeCost(route.target, model, range(k1, k2)), deps: [steps.length - 1] });
  const down = boundaryBytes(model, cuts[k2]!.boundary, 32, ctx.headerBytes);
  steps.push({ kind: "transfer", link: route.downlink, bytes: down, deps: [steps.length - 1] });
  steps.push({ kind: "compute", station: route.origin, cost: ctx.computeCost(route.origin, model, range(k2, L)), deps: [steps.length - 1] });
  const name = (k: number): string => cuts[k]!.label;
  return makePlan(steps, { cut: `${name(k1)}..${name(k2)}`, bits: k1 === 0 ? RAW_INPUT_BITS : 32, bytesSent: up, accuracyLossPct: 0 });
}
