// BPS's DQN learner (halp-bps.md §2.4, after Mnih et al. 2015): Q(s, ·) from a 12 → 64 → 64 → |A|
// network, ε-greedy actions, a replay ring, one Huber-loss Adam step per observed interval once
// the replay holds a minibatch, and a target network copied every `targetSync` updates.
import type { DqnWeights, Explorer, Learner, LearnerOptions } from "./bps-learners.js";
import { checkState, DqnCore, huberGrad, type DqnOptions } from "./bps-dqn-core.js";

export { checkState, huber, huberGrad, type DqnOptions } from "./bps-dqn-core.js";

export class DqnLearner extends DqnCore implements Learner {
  private readonly actions: number;

  constructor(opts: LearnerOptions & DqnOptions, gamma: number, explorer: Explorer) {
    super(opts, opts.actions, gamma, explorer);
    this.actions = opts.actions;
  }

  act(state: Float64Array, greedy = false): number {
    checkState(this.stateSize, state);
    const explored = this.explorer.explore(greedy);
    // The network runs only when the choice is greedy: exploring needs no Q-values.
    return explored >= 0 ? explored : this.explorer.best(this.online.forward(state));
  }

  values(state: Float64Array): Float64Array {
    checkState(this.stateSize, state);
    return Float64Array.from(this.online.forward(state));
  }

  toJSON(): DqnWeights {
    return this.weights();
  }

  /** Loads into both networks and restarts Adam's moments; the replay and ε schedule are kept. */
  load(w: unknown): void {
    if (typeof w !== "object" || w === null) throw new RangeError(`weights must be an object, got ${w === null ? "null" : typeof w}`);
    const o = w as Record<string, unknown>;
    if (o["kind"] !== "dqn") throw new RangeError(`weights are for the ${String(o["kind"])} learner, this learner is dqn`);
    const sizes = o["sizes"];
    const mine = this.online.sizes;
    if (!Array.isArray(sizes) || sizes.length < 2) throw new RangeError(`weights' sizes should be a list like [${mine.join(", ")}], got ${JSON.stringify(sizes)}`);
    const got = sizes as unknown[];
    if (got[0] !== mine[0]) throw new RangeError(`weights take a state of ${String(got[0])} numbers, this learner takes ${mine[0]}`);
    if (got[got.length - 1] !== mine[mine.length - 1]) throw new RangeError(`weights have ${String(got[got.length - 1])} actions, this configuration list has ${this.actions}`);
    const hidden = (xs: readonly unknown[]): string => `[${xs.slice(1, -1).join(", ")}]`;
    if (hidden(got) !== hidden(mine)) throw new RangeError(`weights have hidden layers ${hidden(got)}, this learner has ${hidden(mine)}`);
    this.setWeights(o);
  }

  /**
   * One minibatch step: for each sampled (s, a, r, s'), target y = r + γ · max_a' Q_target(s', a'),
   * loss Huber(Q(s, a) − y) averaged over the batch, then Adam. Samples draw from the learner's
   * stream (one `next()` each). γ = 0 skips the target network, whose output would be multiplied by 0.
   */
  protected train(): void {
    const { replay, online, target, batch, dOut, stateSize: S, gamma } = this;
    replay.sample(this.explorer.rng, batch);
    online.zeroGrad();
    const scale = 1 / batch.length;
    for (let k = 0; k < batch.length; k++) {
      const i = batch[k]!;
      let y = replay.rewards[i]!;
      if (gamma !== 0) {
        const q2 = target.forward(replay.nexts, i * S);
        y += gamma * q2[this.explorer.best(q2)]!;
      }
      const a = replay.actions[i]!;
      const q = online.forward(replay.states, i * S, a);
      dOut[a] = huberGrad(q[a]! - y) * scale;
      online.backward(dOut);
      dOut[a] = 0;
    }
    this.finishStep();
  }
}
