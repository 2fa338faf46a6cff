// Link: a directed FIFO link that moves bytes over a BandwidthTrace, one transfer at a time.
// A transfer occupies the link from its start to the exact integral end (zero-rate stalls
// included) and is delivered `latency` later, while the link already starts the next one.
import { RingQueue } from "../core/ring-queue.js";
import { Phase, type Simulator } from "../core/simulator.js";
import { toSec, type Time } from "../core/time.js";
import { SplitsimError } from "../errors.js";
import type { Observer } from "../metrics/observer.js";
import type { Work } from "../workload/plan.js";
import { NeverFinishesError, type BandwidthTrace } from "./bandwidth/trace.js";
import type { StepSink } from "./station.js";

/** Told of every finished transfer, e.g. by a bandwidth estimator. */
export interface TransferListener {
  onTransfer(bytes: number, start: Time, end: Time): void;
}

/** trace.finish, with an impossible transfer turned into an error that names the link and time. */
export function finishOrExplain(trace: BandwidthTrace, link: string, now: Time, bytes: number): Time {
  try {
    return trace.finish(now, bytes);
  } catch (e) {
    if (e instanceof NeverFinishesError) {
      throw new SplitsimError(`link '${link}': a transfer of ${bytes} bytes started at ${toSec(now)} s can never finish: ${e.message}`);
    }
    throw e;
  }
}

/** What the executor needs of a link, whatever its discipline. */
export interface LinkLike {
  enqueue(work: Work): void;
  readonly queueLength: number;
}

export interface LinkConfig {
  index: number;
  name: string;
  latencyNs: Time;
}

export class Link implements LinkLike {
  readonly waiting = new RingQueue<Work>();
  private current: Work | null = null;
  /** Transfers sent and not yet delivered, in delivery order (latency is constant). */
  private readonly inFlight = new RingQueue<Work>();
  private dispatchPending = false;
  private readonly onDispatch = (): void => this.dispatch();
  private readonly onSent = (): void => this.sent();
  private readonly onDelivered = (): void => this.deliver(this.inFlight.shift());

  constructor(
    readonly cfg: LinkConfig,
    readonly trace: BandwidthTrace,
    private readonly sim: Simulator,
    private readonly observer: Observer,
    private readonly sink: StepSink,
    private readonly listener: TransferListener | null,
  ) {}

  get queueLength(): number {
    return this.waiting.length;
  }

  get busy(): boolean {
    return this.current !== null;
  }

  /** A transfer step became ready here. */
  enqueue(work: Work): void {
    this.waiting.push(work);
    this.observer.onQueue?.(this.cfg.index, this.waiting.length, this.sim.now);
    if (!this.dispatchPending && this.current === null) {
      this.dispatchPending = true;
      this.sim.at(this.sim.now, Phase.Dispatch, this.onDispatch);
    }
  }

  private dispatch(): void {
    this.dispatchPending = false;
    if (this.current !== null || this.waiting.length === 0) return;
    const w = this.waiting.shift();
    const now = this.sim.now;
    w.start = now;
    this.current = w;
    this.observer.onQueue?.(this.cfg.index, this.waiting.length, now);
    this.observer.onStart?.(this.cfg.index, 0, now);
    this.sim.at(finishOrExplain(this.trace, this.cfg.name, now, w.bytes), Phase.Complete, this.onSent);
  }

  private sent(): void {
    const w = this.current!;
    const now = this.sim.now;
    this.current = null;
    this.observer.onEnd?.(this.cfg.index, 0, now);
    this.listener?.onTransfer(w.bytes, w.start, now);
    if (this.cfg.latencyNs === 0) this.deliver(w);
    else {
      this.inFlight.push(w);
      this.sim.at(now + this.cfg.latencyNs, Phase.Complete, this.onDelivered);
    }
    if (this.waiting.length > 0) this.dispatch();
  }

  private deliver(w: Work): void {
    const req = w.inst.req;
    req.queueingNs += w.start - w.ready;
    req.transferNs += this.sim.now - w.start;
    this.sink.stepDone(w);
  }
}
