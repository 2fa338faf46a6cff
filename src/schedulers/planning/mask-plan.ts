// The plan of a predecessor-closed MaskCut (a min-cut or enumerated partition): its device layers on
// the origin, each boundary tensor sent once in one transfer, the rest on the target, the result
// back. For a prefix cut it is exactly splitPlan's plan (same steps, costs and summary).
import type { Model } from "../../workload/model.js";
import type { Plan } from "../../workload/plan.js";
import type { SchedulerContext } from "../scheduler.js";
import type { MaskCut } from "./mask-cut.js";
import type { SplitRoute } from "./route.js";
import { partitionPlan } from "./split-plan.js";

export function maskPlan(ctx: SchedulerContext, model: Model, route: SplitRoute, cut: MaskCut, bits: number): Plan {
  const L = model.layerCount;
  if (cut.upstream.length !== L) throw new RangeError(`model ${model.name}: a cut of ${cut.upstream.length} layers, the model has ${L}`);
  let n = 0;
  for (let v = 0; v < L; v++) n += cut.upstream[v] ? 1 : 0;
  const device = new Int32Array(n);
  const cloud = new Int32Array(L - n);
  // Ascending on both sides, as splitPlan lists a prefix and its rest: equal layer lists give the
  // very same cost objects, so the plans batch with prefix-cut plans of other schedulers.
  for (let v = 0, d = 0, c = 0; v < L; v++) {
    if (cut.upstream[v]) device[d++] = v;
    else cloud[c++] = v;
  }
  return partitionPlan(ctx, model, route, device, cloud, cut.boundary, cut.label, bits);
}
