// BPS's DQN learner (halp-bps.md §2.4, after Mnih et al. 2015): Q(s, ·) from a 12 → 64 → 64 → |A|
// network, ε-greedy actions, a replay ring, one Huber-loss Adam step per observed interval once
// the replay holds a minibatch, and a target network copied every `targetSync` updates.
import type { Explorer, DqnWeights, Learner, LearnerOptions } from "./bps-learners.js";
import { Adam, Mlp } from "./bps-mlp.js";
import { ReplayBuffer } from "./bps-replay.js";

export interface DqnOptions {
  /** Hidden layer widths (default [64, 64]). */
  hidden?: readonly number[];
  /** Adam's step size (default 1e-3; the tabular learner reads its own default, 0.1). */
  lr?: number;
  /** Replay capacity in transitions (default 10,000). */
  replay?: number;
  /** Transitions per training step (default 32). */
  minibatch?: number;
  /** Updates between copies of the online network into the target network (default 100). */
  targetSync?: number;
  /** Numbers in a state (default 12). */
  stateSize?: number;
  /** Minibatch steps per observed interval (default 1): more reuse of the replay per interval. */
  updatesPerStep?: number;
  /** Factored heads: values per knob of a grid of actions (bps-dqn-branched.ts); absent: one output per action. */
  heads?: readonly number[];
}

/** Huber loss with δ = 1: quadratic within ±1 (like squared error), linear outside (robust to outliers). */
export function huber(x: number): number {
  const a = Math.abs(x);
  return a <= 1 ? 0.5 * x * x : a - 0.5;
}

/** d huber / dx: x within ±1, else ±1 (the clipped error of DQN). */
export function huberGrad(x: number): number {
  return x > 1 ? 1 : x < -1 ? -1 : x;
}

export class DqnLearner implements Learner {
  readonly kind = "dqn" as const;
  private readonly online: Mlp;
  private readonly target: Mlp;
  private readonly adam: Adam;
  private readonly replay: ReplayBuffer;
  private readonly batch: Int32Array;
  /** ∂loss/∂output of one sample: zero except at its action. */
  private readonly dOut: Float64Array;
  private readonly targetSync: number;
  private readonly stateSize: number;
  private readonly actions: number;
  private updates = 0;
  private readonly updatesPerStep: number;

  constructor(
    opts: LearnerOptions & DqnOptions,
    private readonly gamma: number,
    private readonly explorer: Explorer,
  ) {
    this.actions = opts.actions;
    this.stateSize = opts.stateSize ?? 12;
    const minibatch = opts.minibatch ?? 32;
    const capacity = opts.replay ?? 10_000;
    this.targetSync = opts.targetSync ?? 100;
    this.updatesPerStep = opts.updatesPerStep ?? 1;
    if (!Number.isInteger(this.updatesPerStep) || this.updatesPerStep < 1) throw new RangeError(`updatesPerStep must be a whole number >= 1, got ${this.updatesPerStep}`);
    if (!Number.isInteger(minibatch) || minibatch < 1 || minibatch > capacity) throw new RangeError(`minibatch must be a whole number in 1..replay (${capacity}), got ${minibatch}`);
    if (!Number.isInteger(this.targetSync) || this.targetSync < 1) throw new RangeError(`targetSync must be a whole number >= 1, got ${this.targetSync}`);
    const sizes = [this.stateSize, ...(opts.hidden ?? [64, 64]), this.actions];
    this.online = new Mlp(sizes, opts.rng);
    this.target = new Mlp(sizes, null);
    this.target.copyFrom(this.online);
    this.adam = new Adam(this.online.params.length, opts.lr ?? 1e-3);
    this.replay = new ReplayBuffer(capacity, this.stateSize);
    this.batch = new Int32Array(minibatch);
    this.dOut = new Float64Array(this.actions);
  }

  get epsilon(): number {
    return this.explorer.epsilon;
  }

  freezeEpsilon(eps: number): void {
    this.explorer.freeze(eps);
  }

  act(state: Float64Array, greedy = false): number {
    checkState(this.stateSize, state);
    const explored = this.explorer.explore(greedy);
    // The network runs only when the choice is greedy: exploring needs no Q-values.
    return explored >= 0 ? explored : this.explorer.best(this.online.forward(state));
  }

  observe(state: Float64Array, action: number, reward: number, next: Float64Array): void {
    checkState(this.stateSize, state);
    checkState(this.stateSize, next);
    this.explorer.check(action, reward);
    this.replay.push(state, action, reward, next);
    this.explorer.tick();
    if (this.replay.size >= this.batch.length) for (let u = 0; u < this.updatesPerStep; u++) this.train();
  }

  values(state: Float64Array): Float64Array {
    checkState(this.stateSize, state);
    return Float64Array.from(this.online.forward(state));
  }

  toJSON(): DqnWeights {
    return { kind: "dqn", sizes: [...this.online.sizes], ...this.online.toLayers() };
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
    this.online.setLayers(o["weights"], o["biases"]);
    this.target.copyFrom(this.online);
    this.adam.reset();
  }

  /**
   * One minibatch step: for each sampled (s, a, r, s'), target y = r + γ · max_a' Q_target(s', a'),
   * loss Huber(Q(s, a) − y) averaged over the batch, then Adam. Samples draw from the learner's
   * stream (one `next()` each). γ = 0 skips the target network, whose output would be multiplied by 0.
   */
  private train(): void {
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
    this.adam.step(online.params, online.grads);
    this.updates++;
    if (this.updates % this.targetSync === 0) target.copyFrom(online);
  }
}

/** A state of the right length with finite numbers: one NaN would spread through every weight on the next update. */
export function checkState(size: number, s: Float64Array): void {
  if (s.length !== size) throw new RangeError(`a state has ${size} numbers, got ${s.length}`);
  for (let i = 0; i < s.length; i++) if (!Number.isFinite(s[i])) throw new RangeError(`state[${i}] is ${s[i]}, not a finite number`);
}
