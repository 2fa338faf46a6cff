// The plans BPS runs (halp-bps.md §2.4): the local-only lane's whole model on the device, and the
// offload lane at cut k with its codec as real compute steps — layers [0, k) and the encode on the
// device, the coded tensor over the uplink, the decode and layers [k, n) on the remote, the result
// back. Bytes are bps-model's (ρ on the fp32 bytes, rounded up), so plan and model agree.
import { ceilNs } from "../../core/time.js";
import type { Model } from "../../workload/model.js";
import { makePlan, type ComputeCost, type Plan, type Step } from "../../workload/plan.js";
import { boundaryBytes } from "../../workload/quantization.js";
import type { SchedulerContext } from "../context.js";
import type { BpsCodecs } from "./bps-codecs.js";
import type { LanePlans } from "./bps-lanes.js";
import { RAW_INPUT_BITS, range } from "./split-plan.js";
import type { SplitRoute } from "./route.js";

/** A codec pass as a compute cost: `perItemNs` per request of the batch, no MACs. */
function passCost(key: string, perItemNs: number): ComputeCost {
  return { key, macs: 0, ns: (batch: number) => ceilNs(perItemNs * batch) };
}

/** Plans per (cut, codec), built once per flow and shared by every request that runs them. */
export class BpsPlanBook {
  private readonly plans = new Map<string, LanePlans>();
  private local: Plan | null = null;

  constructor(
    private readonly ctx: SchedulerContext,
    private readonly model: Model,
    private readonly route: SplitRoute,
    private readonly codecs: BpsCodecs,
  ) {}

  get(cut: number, codec: string): LanePlans {
    const key = `${cut}/${codec}`;
    let p = this.plans.get(key);
    if (p === undefined) {
      const local = this.localPlan();
      const n = this.model.layerCount;
      p = cut === n ? { local, offload: local, offloadDropPct: 0 } : { local, ...this.offloadPlan(cut, codec) };
      this.plans.set(key, p);
    }
    return p;
  }

  private localPlan(): Plan {
    if (this.local !== null) return this.local;
    const { ctx, model, route } = this;
    const n = model.layerCount;
    const cost = ctx.computeCost(route.origin, model, range(0, n));
    this.local = makePlan([{ kind: "compute", station: route.origin, cost, deps: [] }], {
      cut: model.prefixCuts()[n]!.label, bits: 32, bytesSent: 0, accuracyLossPct: 0,
    });
    return this.local;
  }

  private offloadPlan(k: number, codec: string): { offload: Plan; offloadDropPct: number } {
    const { ctx, model, route } = this;
    const n = model.layerCount;
    const cut = model.prefixCuts()[k]!;
    const row = this.codecs.row(codec, k);
    const steps: Step[] = [];
    const after = (): number[] => (steps.length > 0 ? [steps.length - 1] : []);
    if (k > 0) steps.push({ kind: "compute", station: route.origin, cost: ctx.computeCost(route.origin, model, range(0, k)), deps: [] });
    const names = `${model.name}[${cut.label}]`;
    if (row.encNsPerItem > 0) steps.push({ kind: "compute", station: route.origin, cost: passCost(`${codec}-encode:${names}@${route.origin}`, row.encNsPerItem), deps: after() });
    const bytesSent = ceilNs(boundaryBytes(model, cut.boundary, 32, ctx.headerBytes) * row.ratio);
    steps.push({ kind: "transfer", link: route.uplink, bytes: bytesSent, deps: after() });
    if (row.decNsPerItem > 0) steps.push({ kind: "compute", station: route.target, cost: passCost(`${codec}-decode:${names}@${route.target}`, row.decNsPerItem), deps: after() });
    steps.push({ kind: "compute", station: route.target, cost: ctx.computeCost(route.target, model, range(k, n)), deps: after() });
    if (route.downlink >= 0) steps.push({ kind: "transfer", link: route.downlink, bytes: ctx.resultBytes(model), deps: after() });
    const plan = makePlan(steps, { cut: cut.label, bits: k === 0 ? RAW_INPUT_BITS : row.bits, bytesSent, accuracyLossPct: row.dropPct });
    return { offload: plan, offloadDropPct: row.dropPct };
  }
}
