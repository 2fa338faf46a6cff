// BPS's DQN with factored heads (the issue's option; action branching after Tavakoli et al.,
// AAAI 2018): one shared 12 → 64 → 64 body and one output head per knob of the configuration grid
// (cut, batches, α, codec, pipelining), so each knob value is learned from every interval that used
// it instead of each of the |A| combinations from its own few. Greedy = each head's argmax; a
// head's target is r + γ · (the mean over heads of max Q_target); the loss is Huber, averaged.
import type { DqnWeights, Explorer, Learner, LearnerOptions } from "./bps-learners.js";
import { checkState, huberGrad, type DqnOptions } from "./bps-dqn.js";
import { Adam, Mlp } from "./bps-mlp.js";
import { ReplayBuffer } from "./bps-replay.js";

export class BranchedDqnLearner implements Learner {
  readonly kind = "dqn" as const;
  private readonly online: Mlp;
  private readonly target: Mlp;
  private readonly adam: Adam;
  private readonly replay: ReplayBuffer;
  private readonly batch: Int32Array;
  private readonly dOut: Float64Array;
  /** First output of each head. */
  private readonly offsets: number[];
  private readonly parts: Int32Array;
  private readonly stateSize: number;
  private readonly targetSync: number;
  private readonly updatesPerStep: number;
  private updates = 0;

  constructor(
    opts: LearnerOptions & DqnOptions,
    /** Values per knob, in the grid's order (the last varies fastest in the action index). */
    private readonly heads: readonly number[],
    private readonly gamma: number,
    private readonly explorer: Explorer,
  ) {
    const product = heads.reduce((a, h) => a * h, 1);
    if (heads.some((h) => !Number.isInteger(h) || h < 1) || product !== opts.actions) {
      throw new RangeError(`factored heads [${heads.join(", ")}] do not make the ${opts.actions} actions (their product must)`);
    }
    this.stateSize = opts.stateSize ?? 12;
    this.targetSync = opts.targetSync ?? 100;
    this.updatesPerStep = opts.updatesPerStep ?? 1;
    this.offsets = [];
    let o = 0;
    for (const h of heads) {
      this.offsets.push(o);
      o += h;
    }
    const sizes = [this.stateSize, ...(opts.hidden ?? [64, 64]), o];
    this.online = new Mlp(sizes, opts.rng);
    this.target = new Mlp(sizes, null);
    this.target.copyFrom(this.online);
    this.adam = new Adam(this.online.params.length, opts.lr ?? 1e-3);
    this.replay = new ReplayBuffer(opts.replay ?? 10_000, this.stateSize);
    this.batch = new Int32Array(opts.minibatch ?? 32);
    this.dOut = new Float64Array(o);
    this.parts = new Int32Array(heads.length);
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
    if (explored >= 0) return explored;
    const q = this.online.forward(state);
    let index = 0;
    this.heads.forEach((h, d) => {
      const from = this.offsets[d]!;
      let best = 0;
      for (let k = 1; k < h; k++) if (q[from + k]! > q[from + best]!) best = k;
      index = index * h + best;
    });
    return index;
  }

  observe(state: Float64Array, action: number, reward: number, next: Float64Array): void {
    checkState(this.stateSize, state);
    checkState(this.stateSize, next);
    this.explorer.check(action, reward);
    this.replay.push(state, action, reward, next);
    this.explorer.tick();
    if (this.replay.size >= this.batch.length) for (let u = 0; u < this.updatesPerStep; u++) this.train();
  }

  /** Q of every action: the mean of its knobs' head values. */
  values(state: Float64Array): Float64Array {
    const q = Float64Array.from(this.online.forward(state));
    const out = new Float64Array(this.explorer.actions);
    for (let a = 0; a < out.length; a++) {
      this.split(a);
      let s = 0;
      for (let d = 0; d < this.heads.length; d++) s += q[this.offsets[d]! + this.parts[d]!]!;
      out[a] = s / this.heads.length;
    }
    return out;
  }

  toJSON(): DqnWeights {
    return { kind: "dqn", sizes: [...this.online.sizes], heads: [...this.heads], ...this.online.toLayers() };
  }

  load(w: unknown): void {
    if (typeof w !== "object" || w === null) throw new RangeError("weights must be an object");
    const o = w as Record<string, unknown>;
    const heads = o["heads"];
    if (o["kind"] !== "dqn" || !Array.isArray(heads) || heads.join(",") !== this.heads.join(",")) {
      throw new RangeError(`weights have heads ${Array.isArray(heads) ? `[${heads.join(", ")}]` : "none"}, this learner has factored heads [${this.heads.join(", ")}]`);
    }
    const sizes = o["sizes"];
    if (!Array.isArray(sizes) || sizes.join(",") !== this.online.sizes.join(",")) {
      throw new RangeError(`weights have sizes ${JSON.stringify(sizes)}, this learner has [${this.online.sizes.join(", ")}]`);
    }
    this.online.setLayers(o["weights"], o["biases"]);
    this.target.copyFrom(this.online);
    this.adam.reset();
  }

  /** The knob values of flat action `a` into `parts` (mixed radix, the last head fastest). */
  private split(a: number): void {
    for (let d = this.heads.length - 1; d >= 0; d--) {
      const h = this.heads[d]!;
      this.parts[d] = a % h;
      a = Math.floor(a / h);
    }
  }

  private train(): void {
    const { replay, online, target, batch, dOut, stateSize: S, heads, offsets } = this;
    replay.sample(this.explorer.rng, batch);
    online.zeroGrad();
    const scale = 1 / (batch.length * heads.length);
    for (let k = 0; k < batch.length; k++) {
      const i = batch[k]!;
      let y = replay.rewards[i]!;
      if (this.gamma !== 0) {
        const q2 = target.forward(replay.nexts, i * S);
        let mean = 0;
        heads.forEach((h, d) => {
          let m = -Infinity;
          for (let j = 0; j < h; j++) m = Math.max(m, q2[offsets[d]! + j]!);
          mean += m / heads.length;
        });
        y += this.gamma * mean;
      }
      this.split(replay.actions[i]!);
      const q = online.forward(replay.states, i * S);
      for (let d = 0; d < heads.length; d++) {
        const at = offsets[d]! + this.parts[d]!;
        dOut[at] = huberGrad(q[at]! - y) * scale;
      }
      online.backward(dOut);
      dOut.fill(0);
    }
    this.adam.step(online.params, online.grads);
    if (++this.updates % this.targetSync === 0) target.copyFrom(online);
  }
}
