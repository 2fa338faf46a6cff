// What BPS's two DQNs share (bps-dqn.ts: one output per action; bps-dqn-branched.ts: one head per
// knob): the online and target networks, Adam, the replay ring and its minibatch, the ε schedule's
// wrappers and `observe`, which stores a transition and trains once the replay holds a minibatch.
// A subclass says how many outputs the network has, how it acts and how one minibatch step trains.
import type { DqnWeights, Explorer, LearnerOptions } from "./bps-learners.js";
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

export abstract class DqnCore {
  readonly kind = "dqn" as const;
  protected readonly online: Mlp;
  protected readonly target: Mlp;
  protected readonly adam: Adam;
  protected readonly replay: ReplayBuffer;
  protected readonly batch: Int32Array;
  /** ∂loss/∂output of one sample: zero except where the sample's action reads. */
  protected readonly dOut: Float64Array;
  protected readonly stateSize: number;
  private readonly targetSync: number;
  private readonly updatesPerStep: number;
  private updates = 0;

  constructor(
    opts: LearnerOptions & DqnOptions,
    /** Outputs of the network (its last layer's width). */
    outputs: number,
    protected readonly gamma: number,
    protected readonly explorer: Explorer,
  ) {
    this.stateSize = opts.stateSize ?? 12;
    const minibatch = opts.minibatch ?? 32;
    const capacity = opts.replay ?? 10_000;
    this.targetSync = opts.targetSync ?? 100;
    this.updatesPerStep = opts.updatesPerStep ?? 1;
    if (!Number.isInteger(this.updatesPerStep) || this.updatesPerStep < 1) throw new RangeError(`updatesPerStep must be a whole number >= 1, got ${this.updatesPerStep}`);
    if (!Number.isInteger(minibatch) || minibatch < 1 || minibatch > capacity) throw new RangeError(`minibatch must be a whole number in 1..replay (${capacity}), got ${minibatch}`);
    if (!Number.isInteger(this.targetSync) || this.targetSync < 1) throw new RangeError(`targetSync must be a whole number >= 1, got ${this.targetSync}`);
    const sizes = [this.stateSize, ...(opts.hidden ?? [64, 64]), outputs];
    // The online network's initial weights are the only draws made here (from the learner's stream).
    this.online = new Mlp(sizes, opts.rng);
    this.target = new Mlp(sizes, null);
    this.target.copyFrom(this.online);
    this.adam = new Adam(this.online.params.length, opts.lr ?? 1e-3);
    this.replay = new ReplayBuffer(capacity, this.stateSize);
    this.batch = new Int32Array(minibatch);
    this.dOut = new Float64Array(outputs);
  }

  get epsilon(): number {
    return this.explorer.epsilon;
  }

  freezeEpsilon(eps: number): void {
    this.explorer.freeze(eps);
  }

  observe(state: Float64Array, action: number, reward: number, next: Float64Array): void {
    checkState(this.stateSize, state);
    checkState(this.stateSize, next);
    this.explorer.check(action, reward);
    this.replay.push(state, action, reward, next);
    this.explorer.tick();
    if (this.replay.size >= this.batch.length) for (let u = 0; u < this.updatesPerStep; u++) this.train();
  }

  /** The weights as plain JSON (`extra`: what a subclass adds, such as its heads). */
  protected weights(extra: Partial<DqnWeights> = {}): DqnWeights {
    return { kind: "dqn", sizes: [...this.online.sizes], ...extra, ...this.online.toLayers() };
  }

  /** Checked weights into both networks; Adam's moments restart, the replay and ε schedule are kept. */
  protected setWeights(o: Record<string, unknown>): void {
    this.online.setLayers(o["weights"], o["biases"]);
    this.target.copyFrom(this.online);
    this.adam.reset();
  }

  /** One minibatch step's gradient into `online.grads` (the replay sampled into `batch`); `finishStep` applies it. */
  protected abstract train(): void;

  /** Adam on the accumulated gradient, and the target network's copy every `targetSync` updates. */
  protected finishStep(): void {
    this.adam.step(this.online.params, this.online.grads);
    if (++this.updates % this.targetSync === 0) this.target.copyFrom(this.online);
  }
}

/** A state of the right length with finite numbers: one NaN would spread through every weight on the next update. */
export function checkState(size: number, s: Float64Array): void {
  if (s.length !== size) throw new RangeError(`a state has ${size} numbers, got ${s.length}`);
  for (let i = 0; i < s.length; i++) if (!Number.isFinite(s[i])) throw new RangeError(`state[${i}] is ${s[i]}, not a finite number`);
}
