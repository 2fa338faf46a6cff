// The order in which a batch of jobs uses a device → uplink → cloud (→ downlink) pipeline: Johnson's
// rule where it is exact, Johnson's 3-machine rule where the middle stage is dominated, else the
// best by the exact recurrence of a few orders (job-offloading-and-baselines.md §2.3, §4.2).
// Deterministic; times in any one unit.
import { cds } from "./cds.js";
import { checkInstance, jobCount, machineCount, sequenceMakespan, type FlowShopInstance } from "./flow-shop.js";
import { johnson, johnsonOrder } from "./johnson.js";
import { neh } from "./neh.js";

/** How an order was found: the rule that applies, or the heuristic whose order was shortest. */
export type OrderMethod = "johnson" | "johnson-3" | "johnson-ab" | "cds" | "neh" | "arrival";

export interface PipelineOrder {
  order: number[];
  makespan: number;
  method: OrderMethod;
}

/** Which orders pipelineOrder may consider. */
export interface OrderOptions {
  /** Also try NEH and CDS and keep whichever order the recurrence finds shortest (default true). */
  improve?: boolean;
}

/**
 * The rule's order: two machines, Johnson (Mitten's lag correction included); three or more, on
 * the first three machines (a, b, c): Johnson on (a + b, b + c) when the middle machine is dominated
 * (min a ≥ max b or min c ≥ max b: then exact for three machines), else Johnson on (a, b), which is
 * right when the cloud is never the bottleneck. One machine: arrival (index) order. With `improve`,
 * CDS, NEH and the arrival order compete by the exact recurrence; ties keep the earlier method in
 * this list: rule, CDS, NEH, arrival.
 *
 * Jobs that skip the first machine (time 0 there) are moved to the front, keeping their relative
 * order: in the simulator such a job goes straight to the uplink when released, so an order that
 * places it later would not be the order that runs.
 */
export function pipelineOrder(inst: FlowShopInstance, opts: OrderOptions = {}): PipelineOrder {
  checkInstance(inst);
  const m = machineCount(inst);
  const n = jobCount(inst);
  const arrival = Array.from({ length: n }, (_, j) => j);
  const candidates: { order: number[]; method: OrderMethod }[] = [];
  if (m === 1) {
    candidates.push({ order: arrival, method: "arrival" });
  } else if (m === 2) {
    candidates.push({ order: johnson(inst).order as number[], method: "johnson" });
  } else {
    const [a, b, c] = inst.times as readonly [readonly number[], readonly number[], readonly number[]];
    const maxB = Math.max(...b, 0);
    const dominated = n > 0 && (Math.min(...a) >= maxB || Math.min(...c) >= maxB);
    candidates.push(dominated
      ? { order: johnsonOrder(a.map((x, j) => x + b[j]!), b.map((x, j) => x + c[j]!)), method: "johnson-3" }
      : { order: johnsonOrder(a, b), method: "johnson-ab" });
  }
  if ((opts.improve ?? true) && m > 1) {
    candidates.push({ order: cds(inst).order as number[], method: "cds" });
    candidates.push({ order: neh(inst).order as number[], method: "neh" });
    candidates.push({ order: arrival, method: "arrival" });
  }
  const first = inst.times[0]!;
  const scratch = new Float64Array(m);
  let best: PipelineOrder | null = null;
  for (const c of candidates) {
    const order = frontLoadSkippers(c.order, first);
    const makespan = sequenceMakespan(inst, order, scratch);
    if (best === null || makespan < best.makespan) best = { order, makespan, method: c.method };
  }
  return best!;
}

/** Stable partition: jobs with no first-machine time first. */
export function frontLoadSkippers(order: readonly number[], first: readonly number[]): number[] {
  return [...order.filter((j) => first[j] === 0), ...order.filter((j) => first[j] !== 0)];
}
