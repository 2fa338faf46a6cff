// Request: one inference, from its arrival at an origin device to its result being back there.
// The executor fills in the timing breakdown as its steps run; the collector reads it at the end.
import type { Time } from "../core/time.js";

export interface Request {
  /** Run-scoped id in arrival order (0, 1, ...). */
  readonly id: number;
  /** Index of the source in ResolvedScenario.sources. */
  readonly source: number;
  /** Index of the request within its source (keys the per-request noise draws). */
  readonly index: number;
  /** Model name (a key of ResolvedScenario.models). */
  readonly model: string;
  readonly arrival: Time;
  /** Absolute deadline, or -1 for none. */
  readonly deadline: Time;
  /** Completion time, or -1 while unfinished. */
  completion: Time;
  dropped: boolean;
  /** What the plan chose: cut label, bits on the wire, payload bytes sent upstream. */
  cut: string;
  bits: number;
  bytesSent: number;
  /** Estimated accuracy loss of the chosen (cut, bits), in percentage points. */
  accuracyLossPct: number;
  /** Sums over the request's steps: waiting for a server or link, computing, transferring. */
  queueingNs: number;
  computeNs: number;
  transferNs: number;
}

export function newRequest(
  id: number,
  source: number,
  index: number,
  model: string,
  arrival: Time,
  deadline: Time,
): Request {
  return {
    id, source, index, model, arrival, deadline,
    completion: -1, dropped: false,
    cut: "", bits: 0, bytesSent: 0, accuracyLossPct: 0,
    queueingNs: 0, computeNs: 0, transferNs: 0,
  };
}
