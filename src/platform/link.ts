// Link: a directed FIFO link that moves bytes over a BandwidthTrace, one transfer at a time.
// A transfer occupies the link from its start to the exact integral end (zero-rate stalls
// included) and is delivered `latency` later, while the link already starts the next one.
import { Phase } from "../core/simulator.js";
import type { Work } from "../workload/work.js";
import { finishOrExplain, LinkBase } from "./link-base.js";

export { finishOrExplain, type LinkConfig, type TransferListener, type TransferPick } from "./link-base.js";

/** What the executor and the scheduler's context need of a link, whatever its discipline. */
export interface LinkLike {
  enqueue(work: Work): void;
  readonly queueLength: number;
  /** Transfers in progress. */
  readonly busyCount: number;
  /** Asks the link to choose again now (after a policy that held its queue changed its mind). */
  requestDispatch(): void;
}

export class Link extends LinkBase implements LinkLike {
  private current: Work | null = null;
  private readonly onSent: () => void = this.finishCurrent.bind(this);

  protected canStart(): boolean {
    return this.current === null;
  }

  get busyCount(): number {
    return this.current === null ? 0 : 1;
  }

  protected dispatch(): void {
    if (this.current !== null || this.waiting.length === 0) return;
    let w: Work;
    if (this.pick === null) w = this.waiting.shift();
    else {
      const i = this.pick(this.cfg.link, this.waiting);
      if (i < 0) return; // the policy holds every ready transfer for now
      w = this.waiting.removeAt(i);
    }
    const now = this.sim.now;
    this.begin(w, now);
    this.current = w;
    this.observer.onQueue?.(this.cfg.index, this.waiting.length, now);
    this.observer.onStart?.(this.cfg.index, 0, now);
    this.sim.at(finishOrExplain(this.trace, this.cfg, now, w.bytes), Phase.Complete, this.onSent);
  }

  private finishCurrent(): void {
    const w = this.current!;
    const now = this.sim.now;
    this.current = null;
    this.observer.onEnd?.(this.cfg.index, 0, now);
    this.sent(w, now);
    // FIFO has no choice to make, so the next transfer starts at the instant the link frees; a
    // policy chooses in the Dispatch phase, once all that becomes ready at this instant is queued.
    if (this.waiting.length > 0) {
      if (this.pick === null) this.dispatch();
      else this.requestDispatch();
    }
  }
}
