// Link: a directed FIFO link that moves bytes over a BandwidthTrace, one transfer at a time.
// A transfer occupies the link from its start to the exact integral end (zero-rate stalls
// included) and is delivered `latency` later, while the link already starts the next one.
import { Phase } from "../core/simulator.js";
import type { Work } from "../workload/work.js";
import { finishOrExplain, LinkBase } from "./link-base.js";

export { finishOrExplain, type LinkConfig, type TransferListener } from "./link-base.js";

/** What the executor needs of a link, whatever its discipline. */
export interface LinkLike {
  enqueue(work: Work): void;
  readonly queueLength: number;
}

export class Link extends LinkBase implements LinkLike {
  private current: Work | null = null;
  private readonly onSent: () => void = this.finishCurrent.bind(this);

  protected canStart(): boolean {
    return this.current === null;
  }

  protected dispatch(): void {
    if (this.current !== null || this.waiting.length === 0) return;
    const w = this.waiting.shift();
    const now = this.sim.now;
    w.start = now;
    this.current = w;
    this.observer.onQueue?.(this.cfg.index, this.waiting.length, now);
    this.observer.onStart?.(this.cfg.index, 0, now);
    this.sim.at(finishOrExplain(this.trace, this.cfg.name, now, w.bytes), Phase.Complete, this.onSent);
  }

  private finishCurrent(): void {
    const w = this.current!;
    const now = this.sim.now;
    this.current = null;
    this.observer.onEnd?.(this.cfg.index, 0, now);
    this.sent(w, now);
    // FIFO has no choice to make, so the next transfer starts at the instant the link frees.
    if (this.waiting.length > 0) this.dispatch();
  }
}
