// The DQN's experience replay (halp-bps.md §2.4): a ring of (s, a, r, s') transitions in flat typed
// arrays, the oldest overwritten once full, and uniform minibatch sampling from a RandomStream.
// States are copied in, so the caller may reuse its buffers.
import type { RandomStream } from "../../core/random.js";

export class ReplayBuffer {
  /** Slot i's state is states[i·stateSize .. (i+1)·stateSize); same for nexts. */
  readonly states: Float64Array;
  readonly nexts: Float64Array;
  readonly actions: Int32Array;
  readonly rewards: Float64Array;
  /** Slot the next push writes (the oldest once full). */
  private head = 0;
  private count = 0;

  constructor(
    readonly capacity: number,
    readonly stateSize: number,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`replay capacity must be a whole number >= 1, got ${capacity}`);
    this.states = new Float64Array(capacity * stateSize);
    this.nexts = new Float64Array(capacity * stateSize);
    this.actions = new Int32Array(capacity);
    this.rewards = new Float64Array(capacity);
  }

  /** Transitions held (at most `capacity`). */
  get size(): number {
    return this.count;
  }

  push(state: Float64Array, action: number, reward: number, next: Float64Array): void {
    const S = this.stateSize;
    if (state.length !== S || next.length !== S) throw new RangeError(`a state has ${S} numbers, got ${state.length} and ${next.length}`);
    const at = this.head * S;
    this.states.set(state, at);
    this.nexts.set(next, at);
    this.actions[this.head] = action;
    this.rewards[this.head] = reward;
    this.head = (this.head + 1) % this.capacity;
    if (this.count < this.capacity) this.count++;
  }

  /** Fills `out` with slot indices drawn uniformly with replacement: one `next()` per index. */
  sample(rng: RandomStream, out: Int32Array): void {
    if (this.count === 0) throw new RangeError("cannot sample an empty replay buffer");
    for (let k = 0; k < out.length; k++) out[k] = Math.min(this.count - 1, Math.floor(rng.next() * this.count));
  }
}
