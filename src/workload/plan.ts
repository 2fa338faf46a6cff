// Plan: what a scheduler returns for one request — a small DAG of compute and transfer steps.
// Steps are listed so that every dependency comes earlier; the executor releases a step when
// all its dependencies are done. Resources are addressed by index (see Topology).
import type { Time } from "../core/time.js";
import { SplitsimError } from "../errors.js";
import type { MemoryNeed } from "./memory.js";

/** A plan that cannot run: the message says which step and why. */
export class PlanError extends SplitsimError {
  override readonly name = "PlanError";
}

/**
 * The service time of a compute step for each batch size, shared by every request whose step
 * does the same work on the same station: works batch together only when they share this object.
 */
export interface ComputeCost {
  /** Human-readable identity, e.g. "resnet50[0-16]x1@cloud". */
  readonly key: string;
  /** Multiply-accumulates of one item's work (after any work share), for accounting. */
  readonly macs: number;
  /** Time for a whole batch of b works (b >= 1), integer ns. */
  ns(batch: number): Time;
  /**
   * Device memory the work needs (weights + peak live tensors per item, memory.ts), checked once per
   * plan against the station (plan-check.ts); absent: not checked (e.g. a cost built by hand).
   */
  readonly memory?: MemoryNeed;
}

export interface ComputeStep {
  kind: "compute";
  station: number;
  cost: ComputeCost;
  deps: readonly number[];
}

export interface TransferStep {
  kind: "transfer";
  link: number;
  bytes: number;
  deps: readonly number[];
}

export type Step = ComputeStep | TransferStep;

/** What the report records about the plan's choice. */
export interface PlanSummary {
  cut: string;
  bits: number;
  /** Payload bytes sent upstream (the boundary tensors, headers included). */
  bytesSent: number;
  accuracyLossPct: number;
}

export interface Plan {
  readonly steps: readonly Step[];
  readonly summary: PlanSummary;
  /** successors[i] = steps that depend on step i (derived once by `makePlan`). */
  readonly successors: readonly Int32Array[];
  /** Number of dependencies of each step (a plain array: copied once per request, cheaply). */
  readonly depCounts: readonly number[];
  /** Whether some step waits for two or more others; without joins no counting is needed. */
  readonly hasJoins: boolean;
  /**
   * Internal to the executor: the origin station this plan was last checked against (-1: never).
   * Plans are shared by many requests, so each is checked once per origin, not per request.
   */
  checkedFor: number;
}

/**
 * Checks the step order and derives successor lists; plans are usually built once and reused.
 *
 * Release order, which a planner may rely on: steps that become ready at one instant (when a
 * request is admitted, or when one step ends and several wait only for it) are queued at their
 * station or link in ascending step index, completions before arrivals at that instant. A station
 * chooses in the Dispatch phase, after everything ready at the instant is queued: FIFO unless the
 * scheduler's `pick` says otherwise. A FIFO link that frees starts its next queued transfer at once.
 * So a planner that wants branches run in an order π lists their steps in π (DECC does).
 */
export function makePlan(steps: readonly Step[], summary: PlanSummary): Plan {
  const succ: number[][] = steps.map(() => []);
  const depCounts: number[] = new Array<number>(steps.length).fill(0);
  steps.forEach((s, i) => {
    for (const d of s.deps) {
      if (!(Number.isInteger(d) && d >= 0 && d < i)) throw new PlanError(`plan step ${i} depends on step ${d}, which does not come before it (steps are listed dependencies first, so a cycle cannot be written)`);
      succ[d]!.push(i);
    }
    depCounts[i] = s.deps.length;
  });
  const hasJoins = depCounts.some((c) => c > 1);
  return { steps, summary, successors: succ.map((s) => Int32Array.from(s)), depCounts, hasJoins, checkedFor: -1 };
}
