// What every link discipline shares: a queue of ready transfers, a Dispatch-phase event when
// work arrives and the link can take it, and delivery `latency` after a transfer is sent (in
// order, since the latency is constant), with the request's queueing and transfer time recorded.
import { RingQueue } from "../core/ring-queue.js";
import { Phase, type Simulator } from "../core/simulator.js";
import { toSec, type Time } from "../core/time.js";
import { SplitsimError } from "../errors.js";
import type { Observer } from "./observer.js";
import type { Work } from "../workload/work.js";
import type { QueueView } from "./views.js";
import { NeverFinishesError, type BandwidthTrace } from "./bandwidth/trace.js";
import type { StepSink } from "./station.js";

/** Told of every finished transfer, e.g. by a bandwidth estimator. */
export interface TransferListener {
  onTransfer(bytes: number, start: Time, end: Time): void;
}

export interface LinkConfig {
  /** Resource index for the observer (stations come first). */
  index: number;
  /** Index among the links (what schedulers and plans use). */
  link: number;
  name: string;
  latencyNs: Time;
  /** True when this server is a shared medium (`media.<name>`) carrying links, not one link. */
  medium?: boolean;
}

/** A scheduler's choice of the next transfer: an index into `waiting`, or -1 to hold them all for now. */
export type TransferPick = (link: number, waiting: QueueView<Work>) => number;

/** How errors name a link server: `link 'up'`, or `medium 'air'` for a shared medium. */
export function serverLabel(cfg: Pick<LinkConfig, "name" | "medium">): string {
  return `${cfg.medium === true ? "medium" : "link"} '${cfg.name}'`;
}

/** trace.finish, with an impossible transfer turned into an error that names the link (or medium) and time. */
export function finishOrExplain(trace: BandwidthTrace, cfg: Pick<LinkConfig, "name" | "medium">, now: Time, bytes: number): Time {
  try {
    return trace.finish(now, bytes);
  } catch (e) {
    if (e instanceof NeverFinishesError) {
      throw new SplitsimError(`${serverLabel(cfg)}: a transfer of ${bytes} bytes started at ${toSec(now)} s can never finish: ${e.message}`);
    }
    throw e;
  }
}

export abstract class LinkBase {
  protected readonly waiting = new RingQueue<Work>();
  /** Transfers sent and not yet delivered, in delivery order. */
  private readonly inFlight = new RingQueue<Work>();
  private dispatchPending = false;
  // Bound methods rather than wrapper closures: one function per handler for the JIT to compile.
  private readonly onDispatch: () => void = this.dispatchNow.bind(this);
  private readonly onDelivered: () => void = this.deliverNext.bind(this);
  /** Whether an observer accounts every step (read once: an unobserved run pays one flag test). */
  protected readonly stepsObserved: boolean;

  constructor(
    readonly cfg: LinkConfig,
    readonly trace: BandwidthTrace,
    protected readonly sim: Simulator,
    protected readonly observer: Observer,
    private readonly sink: StepSink,
    private readonly listener: TransferListener | null,
    /** The scheduler's transfer order, or null for FIFO. */
    protected readonly pick: TransferPick | null = null,
  ) {
    this.stepsObserved = (observer.onStepStart !== undefined || observer.onStepEnd !== undefined) && (observer.observesSteps?.(cfg.index) ?? true);
  }

  get queueLength(): number {
    return this.waiting.length;
  }

  /** A transfer step became ready here. */
  enqueue(work: Work): void {
    this.waiting.push(work);
    this.observer.onQueue?.(this.cfg.index, this.waiting.length, this.sim.now);
    this.requestDispatch();
  }

  /** Schedules a choice at the current instant (Dispatch phase) unless one is pending or none can start. */
  requestDispatch(): void {
    if (!this.dispatchPending && this.canStart()) {
      this.dispatchPending = true;
      this.sim.at(this.sim.now, Phase.Dispatch, this.onDispatch);
    }
  }

  /** Transfers in progress (0 or 1 on a FIFO link). */
  abstract get busyCount(): number;

  /** Marks a transfer as started now and tells a step observer. */
  protected begin(w: Work, now: Time): void {
    w.start = now;
    if (this.stepsObserved) this.observer.onStepStart?.(w, this.cfg.index, 0, now);
  }

  /** Whether newly ready work could start now (a FIFO link must be idle). */
  protected abstract canStart(): boolean;
  /** Starts what the discipline allows, at the current instant. */
  protected abstract dispatch(): void;

  /** A transfer has left the link at `now`: tell the listener, deliver after the latency. */
  protected sent(w: Work, now: Time): void {
    this.listener?.onTransfer(w.bytes, w.start, now);
    if (this.cfg.latencyNs === 0) this.deliver(w);
    else {
      this.inFlight.push(w);
      this.sim.at(now + this.cfg.latencyNs, Phase.Complete, this.onDelivered);
    }
  }

  private dispatchNow(): void {
    this.dispatchPending = false;
    this.dispatch();
  }

  private deliverNext(): void {
    this.deliver(this.inFlight.shift());
  }

  private deliver(w: Work): void {
    const start = w.start;
    w.req.addStepTimes(start - w.ready, 0, this.sim.now - start);
    if (this.stepsObserved) this.observer.onStepEnd?.(w, this.cfg.index, this.sim.now);
    this.sink.stepDone(w);
  }
}
