// Early-exit plans: a model's exit branches (its final classifier and each early exit), the ways to
// run the path to one — the first k layers on the device and the rest of the path plus the exit's
// head on the target, or all of it on the device — each with its compute time in the integer ns
// the simulator will charge, and the plan of one such option. Built for Edgent; any planner that
// runs a model only up to an exit can use it.
import { ceilNs, NS_PER_SEC, type Time } from "../../core/time.js";
import { RAW_INPUT, type Model } from "../../workload/model.js";
import { makePlan, type Plan, type Step } from "../../workload/plan.js";
import { boundaryBytes } from "../../workload/quantization.js";
import type { SchedulerContext } from "../context.js";
import type { SplitRoute } from "./route.js";
import { range, RAW_INPUT_BITS } from "./split-plan.js";

/** One way to run the path to an exit. */
export interface ExitOption {
  /** Main-model layers [0, k) on the device. */
  readonly k: number;
  /** Everything (path and head) on the device: nothing is sent. */
  readonly local: boolean;
  /** The last layer run on the device: "input", a main-model layer, or a local exit's last head layer. */
  readonly label: string;
  /** Tensors sent (-1 = raw input), each once; empty when local. */
  readonly boundary: Int32Array;
  /** Bytes on the uplink (0 when local). */
  readonly bytes: number;
  /** Compute on the device / on the target at batch 1, ns: the sum of the plan's compute steps. */
  readonly deviceNs: Time;
  readonly targetNs: Time;
}

/** An exit with its options on one route, in the order k = 0, 1, …, then the local option. */
export interface ExitTable {
  /** The exit's name, or "final" for the model's own classifier. */
  readonly name: string;
  readonly accuracy: number;
  /** The main-model layer the exit reads (the last layer for the final exit). */
  readonly afterIndex: number;
  /** The exit's head (null for the final exit, whose classifier is the model's last layers). */
  readonly head: Model | null;
  readonly options: readonly ExitOption[];
  /** Bytes of the result sent back to the origin (the head's output, or the model's). */
  readonly resultBytes: number;
}

/** Where an exit leaves the model and how good it is (an ExitBranch, or the final classifier). */
export interface ExitBranchSpec {
  readonly name: string;
  readonly afterIndex: number;
  /** Top-1 %, NaN when the model file gives no `accuracy` for its final classifier. */
  readonly accuracy: number;
  readonly head: Model | null;
}

/** The final exit, then the early exits from the deepest to the shallowest. */
export function exitBranches(model: Model): ExitBranchSpec[] {
  const final = { name: "final", afterIndex: model.layerCount - 1, accuracy: model.accuracy ?? Number.NaN, head: null };
  return [final, ...[...model.exits].reverse()];
}

/**
 * Tensors sent when layers [0, k) of the path to layer `after` run upstream: the raw input or a
 * layer below k read by a path layer at or after k, and layer `after` itself when the whole path is
 * upstream and a head downstream reads it (k = after + 1). Layers after `after` do not run, so what
 * only they read is not sent (a prefix cut of the whole model would send it).
 */
export function pathBoundary(model: Model, after: number, k: number): Int32Array {
  if (k === after + 1) return Int32Array.of(after);
  const out: number[] = [];
  const readOnPath = (readers: ArrayLike<number>): boolean => {
    for (let i = 0; i < readers.length; i++) if (readers[i]! >= k && readers[i]! <= after) return true;
    return false;
  };
  if (readOnPath(model.inputConsumers)) out.push(RAW_INPUT);
  for (let t = 0; t < k; t++) if (readOnPath(model.consumers[t]!)) out.push(t);
  return Int32Array.from(out);
}

/** Compute ns of `layers` of `model` on `station` at batch 1 (0 for no layers): the plan's own cost. */
function stepNs(ctx: SchedulerContext, station: number, model: Model, from: number, to: number): Time {
  return to > from ? ctx.computeCost(station, model, range(from, to)).ns(1) : 0;
}

/** The exit's options on `route` (built once per model and route: it creates the compute costs). */
export function exitTable(ctx: SchedulerContext, model: Model, branch: ExitBranchSpec, route: SplitRoute, bits: number): ExitTable {
  const { afterIndex: a, head } = branch;
  const P = a + 1;
  const headOn = (st: number): Time => (head === null ? 0 : stepNs(ctx, st, head, 0, head.layerCount));
  const options: ExitOption[] = [];
  // Offloading options need a link to the target; the final exit's k = L runs nothing there, so
  // it is the local option.
  const lastRemote = route.target < 0 || route.uplink < 0 ? -1 : head === null ? P - 1 : P;
  for (let k = 0; k <= lastRemote; k++) {
    const boundary = pathBoundary(model, a, k);
    options.push({
      k, local: false, label: k === 0 ? "input" : model.names[k - 1]!, boundary,
      bytes: boundaryBytes(model, boundary, bits, ctx.headerBytes),
      deviceNs: stepNs(ctx, route.origin, model, 0, k),
      targetNs: stepNs(ctx, route.target, model, k, P) + headOn(route.target),
    });
  }
  options.push({
    k: P, local: true, label: head === null ? model.names[a]! : head.names[head.layerCount - 1]!, boundary: new Int32Array(0),
    bytes: 0, deviceNs: stepNs(ctx, route.origin, model, 0, P) + headOn(route.origin), targetNs: 0,
  });
  return {
    name: branch.name, accuracy: branch.accuracy, afterIndex: a, head, options, resultBytes: ctx.resultBytes(head ?? model),
  };
}

/** ceil(bytes / rate) as the link charges it at a constant rate, ns (Infinity at rate 0). */
export function sendNs(bytes: number, bytesPerSec: number): Time {
  if (bytes <= 0) return 0;
  return bytesPerSec > 0 ? ceilNs((bytes * NS_PER_SEC) / bytesPerSec) : Infinity;
}

/** Link rates (bytes/s) and propagation latencies (ns) an estimate is made with. */
export interface LinkEstimate {
  upBps: number;
  downBps: number;
  upLatencyNs: Time;
  /** -1: no way back (the result stays at the target). */
  downLatencyNs: Time;
}

/**
 * Estimated latency of an option at batch 1 with nothing queued, ns: device + send + propagation
 * + target + the result back. With constant rates and no noise it is what the run measures.
 */
export function estimateNs(t: ExitTable, o: ExitOption, e: LinkEstimate): Time {
  if (o.local) return o.deviceNs;
  const back = e.downLatencyNs < 0 ? 0 : sendNs(t.resultBytes, e.downBps) + e.downLatencyNs;
  return o.deviceNs + sendNs(o.bytes, e.upBps) + e.upLatencyNs + o.targetNs + back;
}

/** The plan of one option: compute steps for the path's layers and for the head, in order. */
export function exitPlan(ctx: SchedulerContext, model: Model, t: ExitTable, o: ExitOption, route: SplitRoute, bits: number): Plan {
  // A chain: each step waits for the one before it.
  const steps: Step[] = [];
  const P = t.afterIndex + 1;
  const prev = (): number[] => (steps.length > 0 ? [steps.length - 1] : []);
  const compute = (station: number, m: Model, from: number, to: number): void => {
    if (to > from) steps.push({ kind: "compute", station, cost: ctx.computeCost(station, m, range(from, to)), deps: prev() });
  };
  const headAt = (station: number): void => {
    if (t.head !== null) compute(station, t.head, 0, t.head.layerCount);
  };
  if (o.local) {
    compute(route.origin, model, 0, P);
    headAt(route.origin);
    return makePlan(steps, { cut: o.label, bits: 0, bytesSent: 0, accuracyLossPct: 0 });
  }
  compute(route.origin, model, 0, o.k);
  steps.push({ kind: "transfer", link: route.uplink, bytes: o.bytes, deps: prev() });
  compute(route.target, model, o.k, P);
  headAt(route.target);
  if (route.downlink >= 0) steps.push({ kind: "transfer", link: route.downlink, bytes: t.resultBytes, deps: prev() });
  // Only an intermediate tensor is quantized: the raw image loses nothing.
  const raw = o.k === 0;
  const loss = raw ? 0 : ctx.accuracyLossPct(model, o.label, bits);
  return makePlan(steps, { cut: o.label, bits: raw ? RAW_INPUT_BITS : bits, bytesSent: o.bytes, accuracyLossPct: loss });
}
