// SharedLink: a directed link whose concurrent transfers share the bandwidth equally (processor
// sharing). Each transfer needs `bytes` of per-flow service; per-flow service grows at rate(t)/n.
// The next completion is recomputed at every start, end and (implicitly, through the trace's exact
// integral) rate change, so no event is spent on trace segments while nothing moves.
// A recomputed completion does not cancel the previous one: each scheduled completion carries the
// generation it was computed in, and one from an older generation does nothing when it fires.
// That keeps the kernel's cancelled-event set (a hash look-up on every pop) out of the busiest
// sharing runs.
import { Phase } from "../core/simulator.js";
import type { Time } from "../core/time.js";
import type { Work } from "../workload/work.js";
import { finishOrExplain, LinkBase } from "./link-base.js";
import type { LinkLike } from "./link.js";

interface Flow {
  work: Work;
  /** Per-flow service level at which this transfer is complete. */
  target: number;
}

export class SharedLink extends LinkBase implements LinkLike {
  private readonly active: Flow[] = [];
  /** Scratch list of the flows finishing at this instant (reused, so finishDue allocates nothing). */
  private readonly done: Flow[] = [];
  /** Per-flow service delivered so far (bytes), as of `lastT`. */
  private served = 0;
  private lastT: Time = 0;
  /** Generation of the live scheduled completion, and its time (-1: none scheduled). */
  private generation = 0;
  private pendingAt: Time = -1;
  private readonly onFinish = (generation: number): void => {
    if (generation !== this.generation) {
      this.sim.discardCurrent(); // superseded by a later recomputation
      return;
    }
    this.pendingAt = -1;
    this.finishDue();
  };

  /** Sharing admits every ready transfer at once (or those a policy picks, one by one). */
  protected canStart(): boolean {
    return true;
  }

  get busyCount(): number {
    return this.active.length;
  }

  protected dispatch(): void {
    const now = this.sim.now;
    this.advance(now);
    const wasIdle = this.active.length === 0;
    while (this.waiting.length > 0) {
      let w: Work;
      if (this.pick === null) w = this.waiting.shift();
      else {
        const i = this.pick(this.cfg.link, this.waiting);
        if (i < 0) break; // the policy holds the rest for now
        w = this.waiting.removeAt(i);
      }
      if (wasIdle && this.active.length === 0) this.observer.onStart?.(this.cfg.index, 0, now);
      this.begin(w, now);
      this.active.push({ work: w, target: this.served + w.bytes });
    }
    this.observer.onQueue?.(this.cfg.index, this.waiting.length, now);
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
    // One pass splits the flows into finished and still active, keeping their order.
    // Float sums may fall a hair short of a target at its (rounded-up) finish time.
    const active = this.active;
    const done = this.done;
    let kept = 0;
    for (let i = 0; i < active.length; i++) {
      const f = active[i]!;
      if (f.target - this.served <= 1e-9 * Math.max(1, f.target)) done.push(f);
      else active[kept++] = f;
    }
    if (done.length > 0) {
      active.length = kept;
      if (kept === 0) this.observer.onEnd?.(this.cfg.index, 0, now);
      for (let i = 0; i < done.length; i++) this.sent(done[i]!.work, now);
      done.length = 0;
    }
    if (this.active.length === 0) {
      this.supersede();
      return;
    }
    let next = Infinity;
    for (const f of this.active) next = Math.min(next, f.target);
    const at = finishOrExplain(this.trace, this.cfg, now, (next - this.served) * this.active.length);
    if (at === this.pendingAt) return; // the scheduled completion still holds
    this.supersede();
    this.pendingAt = at;
    this.sim.at(at, Phase.Complete, this.onFinish, this.generation);
  }

  /** Makes any scheduled completion stale. */
  private supersede(): void {
    this.generation++;
    this.pendingAt = -1;
  }
}
