// Checks a scheduler's plan against the platform before it runs: every step names a station or
// link that exists, and every step starts where its inputs are (the origin for a step without
// dependencies, the link's source for a transfer, the station itself for a compute). A plan that
// fails is an error naming the scheduler, the request and the step, never a silent teleport.
// A compute step whose part does not fit the station's memory even at batch 1 fails too.
import { bytesText, usableFraction, usableMemoryBytes } from "../workload/memory.js";
import type { ComputeStep, Plan } from "../workload/plan.js";
import type { StationView } from "./views.js";
import type { TopologyView } from "./views.js";

/** What is wrong with `plan` for a request entering at station `origin`, or null when it can run. */
export function planProblem(plan: Plan, origin: number, topo: TopologyView): string | null {
  if (!Array.isArray(plan.successors) || !Array.isArray(plan.depCounts)) {
    return "the plan was not built with makePlan (it has no successor lists)";
  }
  const S = topo.stations.length;
  const L = topo.links.length;
  const name = (st: number): string => `'${topo.stations[st]!.name}'`;
  // Where each step leaves its output: a compute step's station, a transfer's destination.
  const endsAt = new Int32Array(plan.steps.length);
  for (let i = 0; i < plan.steps.length; i++) {
    const step = plan.steps[i]!;
    let startsAt: number;
    let what: string;
    if (step.kind === "compute") {
      if (!(Number.isInteger(step.station) && step.station >= 0 && step.station < S)) {
        return `step ${i} computes on station ${step.station}, which does not exist (stations are 0..${S - 1})`;
      }
      if (step.cost === null || typeof step.cost?.ns !== "function") return `step ${i} has no compute cost (use ctx.computeCost)`;
      const tooBig = memoryProblem(step, topo.stations[step.station]!);
      if (tooBig !== null) return `step ${i} ${tooBig}`;
      startsAt = step.station;
      endsAt[i] = step.station;
      what = `computes on ${name(step.station)}`;
    } else if (step.kind === "transfer") {
      if (!(Number.isInteger(step.link) && step.link >= 0 && step.link < L)) {
        return `step ${i} sends over link ${step.link}, which does not exist (${L === 0 ? "the scenario has no links" : `links are 0..${L - 1}`}; is there a link between those nodes?)`;
      }
      if (!(Number.isFinite(step.bytes) && step.bytes >= 0)) return `step ${i} sends ${step.bytes} bytes (must be a finite number >= 0)`;
      const link = topo.links[step.link]!;
      startsAt = link.from;
      endsAt[i] = link.to;
      what = `sends over '${link.name}' from ${name(link.from)}`;
    } else {
      return `step ${i} has kind '${(step as { kind: unknown }).kind}' (must be compute or transfer)`;
    }
    if (step.deps.length === 0 && startsAt !== origin) {
      return `step ${i} ${what}, but it depends on no step, so its input is still at the origin ${name(origin)}: add a transfer first`;
    }
    for (const d of step.deps) {
      if (endsAt[d] !== startsAt) {
        return `step ${i} ${what}, but step ${d} leaves its output on ${name(endsAt[d]!)}: add a transfer between them`;
      }
    }
  }
  return null;
}

/**
 * Whether the step's part fits its station at batch 1: weights once, plus one item's peak tensors
 * on each server (a station's servers run their batches at once). Larger batches were capped when
 * the run was built (scenario/memory-caps.ts); this catches a part that fits at no batch.
 */
function memoryProblem(step: ComputeStep, st: StationView): string | null {
  const need = step.cost.memory;
  const usable = usableMemoryBytes(st.device);
  if (need === undefined || !Number.isFinite(usable)) return null;
  const bytes = need.weightBytes + st.servers * need.activationBytesPerItem;
  if (bytes <= usable) return null;
  const perServer = st.servers === 1 ? "" : ` on each of ${st.servers} servers`;
  return `places ${step.cost.key} on node '${st.name}' (device ${st.device.name}, ${st.precision}), which does not have the memory: ` +
    `it needs ${bytesText(bytes)} at batch 1 (weights ${bytesText(need.weightBytes)} + activations ${bytesText(need.activationBytesPerItem)}${perServer}), ` +
    `but ${bytesText(usable)} are usable (${usableFraction(st.device)} of ${bytesText(st.device.memoryBytes!)})`;
}
