// Station: a compute node with `servers` parallel units, a waiting queue (FIFO unless the
// scheduler picks), optional batching (maxBatch, batchTimeoutMs) and multiplicative compute noise.
// Dispatch happens in the Dispatch phase, so work that became ready at the same instant is seen
// together; a freed server goes to the lowest-numbered idle index.
import { RingQueue } from "../core/ring-queue.js";
import { Phase, type Simulator } from "../core/simulator.js";
import { ceilNs, type Time } from "../core/time.js";
import type { Observer } from "./observer.js";
import type { QueueView } from "./views.js";
import type { Work } from "../workload/work.js";
import type { NoiseReader, NoiseTable } from "../workload/noise-table.js";

/** Who is told when a step finishes (the executor). */
export interface StepSink {
  stepDone(work: Work): void;
  /** A work could not be queued (full queue): its request is dropped for `reason`. */
  refused(work: Work, reason: string): void;
}

/** The queue policy hooks a scheduler may supply (bound to its context by the builder). */
export interface QueuePolicy {
  /** Index of the waiting work to serve next, or -1 to hold them all for now. */
  pick?(station: number, waiting: QueueView<Work>): number;
  /** Batch size to start now (1..maxBatch), or 0 to wait for more. */
  batch?(station: number, waiting: QueueView<Work>): number;
  /** A timer set with wakeAt fired (before the station chooses). */
  onWake?(station: number): void;
}

export interface StationConfig {
  index: number;
  name: string;
  servers: number;
  maxBatch: number;
  batchTimeoutNs: Time;
  queueLimit: number;
  /** Compute-noise factors (this station's rows are read by `index`); null = no noise. */
  noise: NoiseTable | null;
  /** Per source: 1 if its requests start at this station (their end device); absent: none do. */
  originOf?: Uint8Array;
}

export class Station {
  readonly waiting = new RingQueue<Work>();
  private readonly busy: Uint8Array;
  private busyCount = 0;
  // Copied out of cfg: read on every dispatch.
  private readonly servers: number;
  private readonly maxBatch: number;
  private readonly hooks: boolean;
  /** The batch on server k is inService[k * maxBatch ..] (batchLength[k] works): no array per batch. */
  private readonly inService: Array<Work | undefined>;
  private readonly batchLength: Int32Array;
  /** This station's noise factors per source, made on first use: short rows whole, long rows by a reader of chunks. */
  private readonly noiseWhole: Array<Float64Array | undefined> = [];
  private readonly noiseReaders: Array<NoiseReader | undefined> = [];
  private readonly noisy: boolean;
  private dispatchPending = false;
  private timerId = -1;
  private timerAt = -1;
  // Handlers are the methods themselves, bound once: a wrapper closure would be one more function
  // for the JIT to compile with the method inlined, on top of the method compiled on its own.
  private readonly onDispatch: (fromTimer: number) => void = this.dispatch.bind(this);
  private readonly onServiceEnd: (server: number) => void = this.serviceEnd.bind(this);
  private readonly onWake: () => void = this.wake.bind(this);
  /** Whether an observer accounts every step (read once, so an unobserved run pays one flag test). */
  private readonly stepsObserved: boolean;
  /** Per source: 1 if this station is its end device; null when it is none's. */
  private readonly originOf: Uint8Array | null;
  private lastWakeAt = -1;

  constructor(
    readonly cfg: StationConfig,
    private readonly sim: Simulator,
    private readonly observer: Observer,
    private readonly sink: StepSink,
    private readonly policy: QueuePolicy,
  ) {
    this.busy = new Uint8Array(cfg.servers);
    this.servers = cfg.servers;
    this.maxBatch = cfg.maxBatch;
    this.hooks = policy.pick !== undefined || policy.batch !== undefined;
    this.stepsObserved = (observer.onStepStart !== undefined || observer.onStepEnd !== undefined) && (observer.observesSteps?.(cfg.index) ?? true);
    this.inService = new Array<Work | undefined>(cfg.servers * cfg.maxBatch).fill(undefined);
    this.batchLength = new Int32Array(cfg.servers);
    this.originOf = cfg.originOf !== undefined && cfg.originOf.includes(1) ? cfg.originOf : null;
    this.noisy = cfg.noise !== null;
  }

  get queueLength(): number {
    return this.waiting.length;
  }

  get busyServers(): number {
    return this.busyCount;
  }

  /** A compute step became ready here. */
  enqueue(work: Work): void {
    if (this.waiting.length >= this.cfg.queueLimit) {
      this.sink.refused(work, `queue full at '${this.cfg.name}'`);
      return;
    }
    this.waiting.push(work);
    this.observer.onQueue?.(this.cfg.index, this.waiting.length, this.sim.now);
    this.requestDispatch();
  }

  /** Schedules a dispatch at the current instant unless one is pending or every server is busy. */
  requestDispatch(): void {
    if (this.dispatchPending || this.busyCount === this.servers) return;
    this.dispatchPending = true;
    this.sim.at(this.sim.now, Phase.Dispatch, this.onDispatch);
  }

  /**
   * Asks the station to choose again at time `t` (>= now), for a policy that holds work or waits
   * for a batch: at `t` the policy's onWake runs, then the station dispatches. Asking twice for the
   * same instant sets one timer.
   */
  wakeAt(t: Time): void {
    if (t === this.lastWakeAt) return;
    this.lastWakeAt = t;
    this.sim.at(t, Phase.Dispatch, this.onWake);
  }

  private wake(): void {
    if (this.sim.now === this.lastWakeAt) this.lastWakeAt = -1;
    this.policy.onWake?.(this.cfg.index);
    this.requestDispatch();
  }

  /** Runs at the Dispatch phase; `fromTimer` is 1 when the batch timer fired. */
  private dispatch(fromTimer: number): void {
    if (fromTimer === 1) this.timerId = -1;
    this.dispatchPending = false;
    while (this.busyCount < this.servers && this.waiting.length > 0) {
      if (!this.hooks && this.maxBatch === 1) {
        this.start(0, 1);
        continue;
      }
      const first = this.policy.pick ? this.policy.pick(this.cfg.index, this.waiting) : 0;
      if (first < 0) return; // the policy holds every ready work for now
      const size = this.batchSize(first);
      if (size === 0) return; // waiting for the batch to fill (a timer is set)
      this.start(first, size);
    }
  }

  /** How many works to start now, beginning with the one at `first`; 0 means wait. */
  private batchSize(first: number): number {
    const { maxBatch, batchTimeoutNs } = this.cfg;
    if (maxBatch === 1) return 1;
    const compatible = this.countCompatible(first, maxBatch);
    if (this.policy.batch) {
      const b = this.policy.batch(this.cfg.index, this.waiting);
      return Math.max(0, Math.min(b, compatible));
    }
    if (compatible >= maxBatch || batchTimeoutNs === 0) return compatible;
    // Hold until the oldest compatible work has waited batchTimeout, then take what is there.
    const deadline = this.waiting.get(first).ready + batchTimeoutNs;
    if (this.sim.now >= deadline) return compatible;
    if (this.timerAt !== deadline) {
      if (this.timerId >= 0) this.sim.cancel(this.timerId);
      this.timerId = this.sim.at(deadline, Phase.Dispatch, this.onDispatch, 1);
      this.timerAt = deadline;
    }
    return 0;
  }

  /** Works from `first` on (in queue order) that share its cost, up to `limit`. */
  private countCompatible(first: number, limit: number): number {
    const cost = this.waiting.get(first).cost;
    let n = 0;
    for (let i = first; i < this.waiting.length && n < limit; i++) if (this.waiting.get(i).cost === cost) n++;
    return n;
  }

  private start(first: number, size: number): void {
    let server = 0;
    while (this.busy[server] === 1) server++;
    const base = server * this.maxBatch;
    const now = this.sim.now;
    const cost = this.waiting.get(first).cost!;
    let i = first;
    let taken = 0;
    let noiseSum = 0;
    while (taken < size) {
      if (this.waiting.get(i).cost === cost) {
        const w = this.waiting.removeAt(i);
        w.start = now;
        this.inService[base + taken++] = w;
        noiseSum += this.noiseOf(w);
        if (this.stepsObserved) this.stepStarted(w, server, now);
      } else i++;
    }
    this.batchLength[server] = size;
    if (this.timerId >= 0 && this.waiting.length === 0) {
      this.sim.cancel(this.timerId);
      this.timerId = -1;
      this.timerAt = -1;
    }
    this.busy[server] = 1;
    this.busyCount++;
    this.observer.onQueue?.(this.cfg.index, this.waiting.length, now);
    this.observer.onStart?.(this.cfg.index, server, now);
    // A batch's noise factor is the mean of its members' factors (one draw per request).
    const duration = ceilNs(cost.ns(size) * (noiseSum / size));
    this.sim.at(now + duration, Phase.Complete, this.onServiceEnd, server);
  }

  // Apart from start and serviceEnd, which run for every step: their bodies stay small to inline.
  private stepStarted(w: Work, server: number, now: Time): void {
    this.observer.onStepStart?.(w, this.cfg.index, server, now);
  }

  private stepEnded(w: Work, now: Time): void {
    this.observer.onStepEnd?.(w, this.cfg.index, now);
  }

  private noiseOf(w: Work): number {
    if (!this.noisy) return 1;
    // A short row is read as the array itself (the common case stays one indexed load).
    const whole = this.noiseWhole[w.req.source];
    if (whole !== undefined) return whole[w.req.index]!;
    return this.noiseRead(w);
  }

  private noiseRead(w: Work): number {
    const table = this.cfg.noise!;
    const source = w.req.source;
    let reader = this.noiseReaders[source];
    if (reader === undefined) {
      this.noiseReaders[source] = reader = table.reader(this.cfg.index, source);
      if (reader.wholeRow !== null) this.noiseWhole[source] = reader.wholeRow;
    }
    return reader.at(w.req.index);
  }

  private serviceEnd(server: number): void {
    const base = server * this.maxBatch;
    const size = this.batchLength[server]!;
    this.busy[server] = 0;
    this.busyCount--;
    const now = this.sim.now;
    this.observer.onEnd?.(this.cfg.index, server, now);
    const origin = this.originOf;
    for (let i = 0; i < size; i++) {
      const w = this.inService[base + i]!;
      this.inService[base + i] = undefined; // release the reference
      const start = w.start;
      w.req.addStepTimes(start - w.ready, now - start, 0);
      // Time on the request's own device, its equal share of the batch (what its energy is priced on).
      if (origin !== null && origin[w.req.source] === 1) w.req.addOriginComputeNs((now - start) / size);
      if (this.stepsObserved) this.stepEnded(w, now);
      this.sink.stepDone(w);
    }
    if (this.waiting.length > 0) this.requestDispatch();
  }
}
