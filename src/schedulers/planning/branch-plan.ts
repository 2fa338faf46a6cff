// Branch-parallel plans (coach-decc.md §2.2–2.3): the trunk on the device, then each branch's
// device part in the order π, each boundary tensor sent as soon as its branch has produced it, each
// branch's target part as soon as its tensors are there, and the tail once every branch is done.
// The executor queues steps released at one instant in ascending step index, and a FIFO station or
// link serves them in that order, so listing the branches in π makes the device, the uplink and the
// target take them in π: the plan's empty-system makespan is the flow-shop recurrence's (branchJobs).
import type { Model } from "../../workload/model.js";
import { makePlan, type Plan, type Step } from "../../workload/plan.js";
import { boundaryBytes } from "../../workload/quantization.js";
import type { SchedulerContext } from "../scheduler.js";
import type { BranchOption, ForkJoinRegion } from "./fork-join-regions.js";
import { maskCut } from "./mask-cut.js";
import type { SplitRoute } from "./route.js";
import { RAW_INPUT_BITS } from "./split-plan.js";

/** How the steps of one plan are laid out (options of the scheduler). */
export interface BranchPlanStyle {
  /** One transfer per branch instead of one per tensor. */
  coalesce: boolean;
  /** Chain the branches' device steps in π even on a station with several servers. */
  serialEdge: boolean;
  /** Chain the branches' target steps in π even on a station with several servers. */
  serialCloud: boolean;
}

/**
 * The plan for `region` with option `choice[b]` for branch b and the non-fork branches in the order
 * `order` (indices b). Branches whose device part is empty go first, with the fork tensor.
 */
export function branchPlan(
  ctx: SchedulerContext, model: Model, route: SplitRoute, region: ForkJoinRegion,
  choice: readonly number[], order: readonly number[], style: BranchPlanStyle,
): Plan {
  const opts = region.branches.map((b, i) => b[choice[i]!]!);
  const steps: Step[] = [];
  const add = (s: Step): number => steps.push(s) - 1;
  const trunk = region.trunk.length > 0 ? add({ kind: "compute", station: route.origin, cost: ctx.computeCost(route.origin, model, region.trunk), deps: [] }) : -1;
  const afterTrunk = trunk >= 0 ? [trunk] : [];
  const sendsFork = region.forkReadByTail || opts.some((o) => o.readsFork);
  let bytesSent = 0;
  const send = (tensors: readonly number[], deps: number[]): number[] => {
    const groups = style.coalesce ? [tensors] : tensors.map((t) => [t]);
    return groups.map((g) => {
      // fp32 (DECC is lossless), the raw input as uint8: boundaryBytes' rule.
      const bytes = boundaryBytes(model, g, 32, ctx.headerBytes);
      bytesSent += bytes;
      return add({ kind: "transfer", link: route.uplink, bytes, deps });
    });
  };
  const forkSends = sendsFork ? send([region.fork], afterTrunk) : [];
  // Device parts in π: released together when the trunk ends, queued in this order.
  const chainEdge = style.serialEdge && ctx.topology.stations[route.origin]!.servers > 1;
  const deviceStep: number[] = [];
  let prev = -1;
  for (const b of order) {
    const deps = prev >= 0 && chainEdge ? [...afterTrunk, prev] : afterTrunk;
    prev = deviceStep[b] = add({ kind: "compute", station: route.origin, cost: ctx.computeCost(route.origin, model, opts[b]!.device), deps });
  }
  const sends: number[][] = [];
  for (const b of order) sends[b] = send(Array.from(opts[b]!.tensors), [deviceStep[b]!]);
  // Target parts: the all-target branches behind the fork tensor first, then the others in π.
  const chainCloud = style.serialCloud && route.target >= 0 && ctx.topology.stations[route.target]!.servers > 1;
  const cloudSteps: number[] = [];
  const cloudStep = (o: BranchOption, deps: number[]): void => {
    if (o.cloud.length === 0) return;
    const last = cloudSteps[cloudSteps.length - 1];
    const all = chainCloud && last !== undefined ? [...deps, last] : deps;
    cloudSteps.push(add({ kind: "compute", station: route.target, cost: ctx.computeCost(route.target, model, o.cloud), deps: all }));
  };
  opts.forEach((o) => {
    if (o.device.length === 0) cloudStep(o, forkSends);
  });
  for (const b of order) cloudStep(opts[b]!, opts[b]!.readsFork ? [...forkSends, ...sends[b]!] : sends[b]!);
  // The tail waits for every branch: its target step, or its tensors where it ended on the device.
  const tailDeps = [...cloudSteps, ...(region.forkReadByTail ? forkSends : [])];
  for (const b of order) if (opts[b]!.cloud.length === 0) tailDeps.push(...sends[b]!);
  const tail = add({ kind: "compute", station: route.target, cost: ctx.computeCost(route.target, model, region.tail), deps: tailDeps.sort((x, y) => x - y) });
  if (route.downlink >= 0) add({ kind: "transfer", link: route.downlink, bytes: ctx.resultBytes(model), deps: [tail] });
  const cut = maskCut(model, deviceMask(model, region, opts));
  const rawOnly = region.trunk.length === 0 && opts.every((o) => o.device.length === 0);
  return makePlan(steps, { cut: cut.label, bits: rawOnly ? RAW_INPUT_BITS : 32, bytesSent, accuracyLossPct: 0 });
}

/** The non-fork branches of a choice: those with a device part (the order π permutes these). */
export function orderedBranches(region: ForkJoinRegion, choice: readonly number[]): number[] {
  const out: number[] = [];
  region.branches.forEach((b, i) => {
    if (b[choice[i]!]!.device.length > 0) out.push(i);
  });
  return out;
}

function deviceMask(model: Model, region: ForkJoinRegion, opts: readonly BranchOption[]): Uint8Array {
  const mask = new Uint8Array(model.layerCount);
  for (const v of region.trunk) mask[v] = 1;
  for (const o of opts) for (const v of o.device) mask[v] = 1;
  return mask;
}
