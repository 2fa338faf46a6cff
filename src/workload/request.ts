// Request: one inference, from its arrival at an origin device to its result being back there.
// The executor fills in the timing breakdown as its steps run; the collector reads it at the end.
//
// A request in flight is the one record a backlogged run keeps per request, so it is kept small:
// what the plan chose (cut, bits, bytes, accuracy loss) is read through the shared Plan rather
// than copied, and the executor's per-request state (steps left, dependency counts) lives here
// rather than in a separate object.
import type { Time } from "../core/time.js";
import type { Plan } from "./plan.js";

export class Request {
  /** Completion time, or -1 while unfinished. */
  completion: Time = -1;
  dropped = false;
  /** The plan being executed; null before admission and for a refused request. */
  plan: Plan | null = null;
  /** Executor state: unfinished dependencies per step (null when the plan has no joins), and steps not yet done. */
  waitingDeps: number[] | null = null;
  stepsLeft = 0;
  /** Sums over the request's steps: waiting for a server or link, computing, transferring. */
  queueingNs = 0;
  computeNs = 0;
  transferNs = 0;

  constructor(
    /** Run-scoped id in arrival order (0, 1, ...). */
    readonly id: number,
    /** Index of the source in ResolvedScenario.sources. */
    readonly source: number,
    /** Index of the request within its source (keys the per-request noise draws). */
    readonly index: number,
    /** Model name (a key of ResolvedScenario.models). */
    readonly model: string,
    readonly arrival: Time,
    /** Absolute deadline, or -1 for none. */
    readonly deadline: Time,
  ) {}

  /** The cut the plan chose ("" when not admitted). */
  get cut(): string {
    return this.plan === null ? "" : this.plan.summary.cut;
  }
  /** Bits per element on the wire (0 when nothing was sent). */
  get bits(): number {
    return this.plan === null ? 0 : this.plan.summary.bits;
  }
  /** Payload bytes sent upstream. */
  get bytesSent(): number {
    return this.plan === null ? 0 : this.plan.summary.bytesSent;
  }
  /** Estimated accuracy loss of the chosen (cut, bits), in percentage points. */
  get accuracyLossPct(): number {
    return this.plan === null ? 0 : this.plan.summary.accuracyLossPct;
  }
}

export function newRequest(id: number, source: number, index: number, model: string, arrival: Time, deadline: Time): Request {
  return new Request(id, source, index, model, arrival, deadline);
}
