// Request: one inference, from its arrival at an origin device to its result being back there.
// The executor fills in the timing breakdown as its steps run; the collector reads it at the end.
//
// A request in flight is the one record a backlogged run keeps per request, so it is kept small:
// what the plan chose (cut, bits, bytes, accuracy loss) is read through the shared Plan rather
// than copied, the executor's per-request state lives here, and the six times (arrival, deadline,
// completion and the three sums) live in a row of a shared RowPool, not in object fields — every
// double field would be one more heap object for the garbage collector to copy.
//
// When the request leaves the system its pooled row goes back to the pool. Whoever wants to read
// its times later (the collector keeping requests, a scheduler keeping a history) calls freeze()
// in onComplete/onDrop, which moves them into a private row; reading a released request's times
// otherwise throws, instead of returning another request's numbers.
import type { Time } from "../core/time.js";
import type { RequestOutcome } from "./outcome.js";
import type { Plan } from "./plan.js";
import type { RowPool } from "./row-pool.js";

/** Doubles per request row, and where each time sits in it (then the end-device energy, metrics/energy-meter.ts). */
export const REQUEST_ROW_WIDTH = 9;
const [ARRIVAL, DEADLINE, COMPLETION, QUEUEING, COMPUTE, TRANSFER, DEVICE_COMPUTE_J, DEVICE_RADIO_J, ORIGIN_COMPUTE] = [0, 1, 2, 3, 4, 5, 6, 7, 8] as const;

/** What a released, unfrozen request points at instead of the shared chunk (reads fail on `at` < 0). */
const RELEASED = new Float64Array(0);

export class Request {
  dropped = false;
  /** Why the request was dropped ("" unless dropped): the scheduler's reason, or a full queue. */
  declare dropReason: string;
  /** Scene label of the frame (an index into its source's content labels), -1 without a content process. */
  declare content: number;
  /** What the scheduler recorded about its decision beyond the plan; null until it writes one. */
  declare outcome: RequestOutcome | null;
  /** The plan being executed; null before admission and for a refused request. */
  plan: Plan | null = null;
  /** Executor state: unfinished dependencies per step (null when the plan has no joins), and steps not yet done. */
  waitingDeps: number[] | null = null;
  stepsLeft = 0;
  /** Where the times are: `times[at ..]` (a pooled row while `slot` >= 0, else a private one). */
  private times: Float64Array;
  private at: number;
  private slot: number;
  private pool: RowPool | null;

  constructor(
    /** Run-scoped id in arrival order (0, 1, ...). */
    readonly id: number,
    /** Index of the source in ResolvedScenario.sources. */
    readonly source: number,
    /** Index of the request within its source (keys the per-request noise draws). */
    readonly index: number,
    /** Model name (a key of ResolvedScenario.models). */
    readonly model: string,
    arrival: Time,
    /** Absolute deadline, or -1 for none. */
    deadline: Time,
    /** Pool to take the times' row from; without one the request has a private row. */
    pool: RowPool | null = null,
  ) {
    if (pool === null) {
      this.slot = -1;
      this.times = new Float64Array(REQUEST_ROW_WIDTH);
      this.at = 0;
    } else {
      this.slot = pool.acquire();
      this.times = pool.chunk(this.slot);
      this.at = pool.offset(this.slot);
    }
    this.pool = pool;
    const t = this.times;
    const at = this.at;
    t[at + ARRIVAL] = arrival;
    t[at + DEADLINE] = deadline;
    t[at + COMPLETION] = -1;
    t[at + QUEUEING] = 0;
    t[at + COMPUTE] = 0;
    t[at + TRANSFER] = 0;
    t[at + DEVICE_COMPUTE_J] = 0;
    t[at + DEVICE_RADIO_J] = 0;
    t[at + ORIGIN_COMPUTE] = 0;
  }

  get arrival(): Time { return this.at >= 0 ? this.times[this.at + ARRIVAL]! : released(this.id); }
  /** Absolute deadline, or -1 for none. */
  get deadline(): Time { return this.at >= 0 ? this.times[this.at + DEADLINE]! : released(this.id); }
  /** Completion time, or -1 while unfinished. */
  get completion(): Time { return this.at >= 0 ? this.times[this.at + COMPLETION]! : released(this.id); }
  set completion(t: Time) { if (this.at < 0) released(this.id); this.times[this.at + COMPLETION] = t; }
  /** Sums over the request's steps: waiting for a server or link, computing, transferring. */
  get queueingNs(): number { return this.at >= 0 ? this.times[this.at + QUEUEING]! : released(this.id); }
  set queueingNs(ns: number) { if (this.at < 0) released(this.id); this.times[this.at + QUEUEING] = ns; }
  get computeNs(): number { return this.at >= 0 ? this.times[this.at + COMPUTE]! : released(this.id); }
  set computeNs(ns: number) { if (this.at < 0) released(this.id); this.times[this.at + COMPUTE] = ns; }
  get transferNs(): number { return this.at >= 0 ? this.times[this.at + TRANSFER]! : released(this.id); }
  set transferNs(ns: number) { if (this.at < 0) released(this.id); this.times[this.at + TRANSFER] = ns; }

  /** Adds one finished step's waiting, computing and transferring time (one call on the hot path). */
  addStepTimes(queueingNs: number, computeNs: number, transferNs: number): void {
    const at = this.at;
    if (at < 0) released(this.id);
    const t = this.times;
    t[at + QUEUEING] = t[at + QUEUEING]! + queueingNs;
    t[at + COMPUTE] = t[at + COMPUTE]! + computeNs;
    t[at + TRANSFER] = t[at + TRANSFER]! + transferNs;
  }

  /**
   * Energy spent for this request on its end device (its source's node), J: its compute steps there and
   * the radio energy of what that node sent and received for it. Written by the energy meter (metrics).
   */
  get deviceComputeJ(): number { return this.at >= 0 ? this.times[this.at + DEVICE_COMPUTE_J]! : released(this.id); }
  get deviceRadioJ(): number { return this.at >= 0 ? this.times[this.at + DEVICE_RADIO_J]! : released(this.id); }
  get deviceEnergyJ(): number { return this.deviceComputeJ + this.deviceRadioJ; }

  /**
   * Compute time spent for this request on its source's own node, ns: its share of each batch that
   * ran there (the batch's time / its size). Added by the station; the energy meter prices it.
   */
  get originComputeNs(): number { return this.at >= 0 ? this.times[this.at + ORIGIN_COMPUTE]! : released(this.id); }

  addOriginComputeNs(ns: number): void {
    const at = this.at;
    if (at < 0) released(this.id);
    this.times[at + ORIGIN_COMPUTE] = this.times[at + ORIGIN_COMPUTE]! + ns;
  }

  /** Adds end-device energy (J): radio per transfer, compute once when the request ends. */
  addDeviceEnergy(computeJ: number, radioJ: number): void {
    const at = this.at;
    if (at < 0) released(this.id);
    const t = this.times;
    t[at + DEVICE_COMPUTE_J] = t[at + DEVICE_COMPUTE_J]! + computeJ;
    t[at + DEVICE_RADIO_J] = t[at + DEVICE_RADIO_J]! + radioJ;
  }

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
  /** Estimated accuracy loss in percentage points: the outcome's when it gives one, else the plan's (cut, bits). */
  get accuracyLossPct(): number {
    const o = this.outcome;
    if (o !== null && o.accuracyLossPct !== undefined) return o.accuracyLossPct;
    return this.plan === null ? 0 : this.plan.summary.accuracyLossPct;
  }

  /** The outcome record, created on first use, for a scheduler to fill in. */
  record(): RequestOutcome {
    return (this.outcome ??= {});
  }

  /**
   * Keeps the times readable after the request leaves the system (they move to a private row).
   * Call it while the request is in the system or from onComplete/onDrop.
   */
  freeze(): this {
    if (this.slot < 0) return this; // private already
    const from = this.times;
    const at = this.at;
    const own = new Float64Array(REQUEST_ROW_WIDTH);
    for (let k = 0; k < REQUEST_ROW_WIDTH; k++) own[k] = from[at + k]!;
    this.pool!.release(this.slot);
    this.times = own;
    this.at = 0;
    this.slot = -1;
    this.pool = null;
    return this;
  }

  /** Internal (the executor calls it when the request leaves): its pooled row goes back to the pool. */
  release(): void {
    if (this.slot < 0) return;
    this.pool!.release(this.slot);
    this.times = RELEASED;
    this.at = -1;
    this.slot = -1;
    this.pool = null;
  }

  /** A plain record of every field (JSON.stringify and spreading do not see getters). */
  toJSON(): Record<string, unknown> {
    return {
      id: this.id, source: this.source, index: this.index, model: this.model, arrival: this.arrival,
      deadline: this.deadline, completion: this.completion, dropped: this.dropped, dropReason: this.dropReason,
      queueingNs: this.queueingNs, computeNs: this.computeNs, transferNs: this.transferNs, cut: this.cut, bits: this.bits,
      bytesSent: this.bytesSent, accuracyLossPct: this.accuracyLossPct, content: this.content, outcome: this.outcome,
      deviceComputeJ: this.deviceComputeJ, deviceRadioJ: this.deviceRadioJ,
    };
  }

}

// The three rarely set fields start on the prototype, not in every request: a backlog of a million
// requests then holds no extra words for them, and a request gets its own field only when set.
Request.prototype.dropReason = "";
Request.prototype.content = -1;
Request.prototype.outcome = null;

/** A released request's times were read or written: fail loudly rather than read another request's row. */
function released(id: number): never {
  throw new Error(`request ${id} has left the system and its times were recycled; call req.freeze() in onComplete/onDrop to keep them readable`);
}

export function newRequest(id: number, source: number, index: number, model: string, arrival: Time, deadline: Time, pool: RowPool | null = null): Request {
  return new Request(id, source, index, model, arrival, deadline, pool);
}
