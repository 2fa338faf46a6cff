// SharedLink: a directed link whose concurrent transfers share the bandwidth equally (processor
// sharing). Each transfer needs `bytes` of per-flow service; per-flow service grows at rate(t)/n.
// The next completion is recomputed at every start, end and (implicitly, through the trace's exact
// integral) rate change, so no event is spent on trace segments while nothing moves.
import { RingQueue } from "../core/ring-queue.js";
import { Phase, type Simulator } from "../core/simulator.js";
import type { Time } from "../core/time.js";
import type { Observer } from "../metrics/observer.js";
import type { Work } from "../workload/plan.js";
import type { BandwidthTrace } from "./bandwidth/trace.js";
import { finishOrExplain, type LinkConfig, type TransferListener } from "./link.js";
import type { StepSink } from "./station.js";

interface Flow {
  work: Work;
  /** Per-flow service level at which this transfer is complete. */
  target: number;
}

export class SharedLink {
  private readonly waiting = new RingQueue<Work>();
  private readonly inFlight = new RingQueue<Work>();
  private active: Flow[] = [];
  /** Per-flow service delivered so far (bytes), as of `lastT`. */
  private served = 0;
  private lastT: Time = 0;
  private pendingId = -1;
  private dispatchPending = false;
  private readonly onDispatch = (): void => this.dispatch();
  private readonly onFinish = (): void => this.finishDue();
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

  enqueue(work: Work): void {
    this.waiting.push(work);
    this.observer.onQueue?.(this.cfg.index, this.waiting.length, this.sim.now);
    if (!this.dispatchPending) {
      this.dispatchPending = true;
      this.sim.at(this.sim.now, Phase.Dispatch, this.onDispatch);
    }
  }

  /** Every ready transfer starts at once: sharing admits them all. */
  private dispatch(): void {
    this.dispatchPending = false;
    const now = this.sim.now;
    this.advance(now);
    if (this.active.length === 0 && this.waiting.length > 0) this.observer.onStart?.(this.cfg.index, 0, now);
    while (this.waiting.length > 0) {
      const w = this.waiting.shift();
      w.start = now;
      this.active.push({ work: w, target: this.served + w.bytes });
    }
    this.observer.onQueue?.(this.cfg.index, 0, now);
    this.finishDue();
  }

  private advance(now: Time): void {
    if (this.active.length > 0) this.served += this.trace.bytesIn(this.lastT, now) / this.active.length;
    this.lastT = now;
  }

  /** Completes every transfer whose service is reached, then schedules the next completion. */
  private finishDue(): void {
    const now = this.sim.now;
    this.advance(now);
    if (this.pendingId >= 0) {
      this.sim.cancel(this.pendingId);
      this.pendingId = -1;
    }
    // Float sums may fall a hair short of a target at its (rounded-up) finish time.
    const done = this.active.filter((f) => f.target - this.served <= 1e-9 * Math.max(1, f.target));
    if (done.length > 0) {
      this.active = this.active.filter((f) => !done.includes(f));
      if (this.active.length === 0) this.observer.onEnd?.(this.cfg.index, 0, now);
      for (const f of done) this.sent(f.work, now);
    }
    if (this.active.length === 0) return;
    let next = Infinity;
    for (const f of this.active) next = Math.min(next, f.target);
    const at = finishOrExplain(this.trace, this.cfg.name, now, (next - this.served) * this.active.length);
    this.pendingId = this.sim.at(at, Phase.Complete, this.onFinish);
  }

  private sent(w: Work, now: Time): void {
    this.listener?.onTransfer(w.bytes, w.start, now);
    if (this.cfg.latencyNs === 0) this.deliver(w);
    else {
      this.inFlight.push(w);
      this.sim.at(now + this.cfg.latencyNs, Phase.Complete, this.onDelivered);
    }
  }

  private deliver(w: Work): void {
    const req = w.inst.req;
    req.queueingNs += w.start - w.ready;
    req.transferNs += this.sim.now - w.start;
    this.sink.stepDone(w);
  }
}
