// BPS's DQN with factored heads (the issue's option; action branching after Tavakoli et al.,
// AAAI 2018): one shared 12 → 64 → 64 body and one output head per knob of the configuration grid
// (cut, batches, α, codec, pipelining), so each knob value is learned from every interval that used
// it instead of each of the |A| combinations from its own few. Greedy = each head's argmax; a
// head's target is r + γ · (the mean over heads of max Q_target); the loss is Huber, averaged.
import type { DqnWeights, Explorer, Learner, LearnerOptions } from "./bps-learners.js";
import { checkState, DqnCore, huberGrad, type DqnOptions } from "./bps-dqn-core.js";

/** Outputs of a network with these heads (their sum), once they are checked to make `actions`. */
function headOutputs(heads: readonly number[], actions: number): number {
  const product = heads.reduce((a, h) => a * h, 1);
  if (heads.some((h) => !Number.isInteger(h) || h < 1) || product !== actions) {
    throw new RangeError(`factored heads [${heads.join(", ")}] do not make the ${actions} actions (their product must)`);
  }
  return heads.reduce((a, h) => a + h, 0);
}

export class BranchedDqnLearner extends DqnCore implements Learner {
  /** First output of each head. */
  private readonly offsets: number[] = [];
  private readonly parts: Int32Array;

  constructor(
    opts: LearnerOptions & DqnOptions,
    /** Values per knob, in the grid's order (the last varies fastest in the action index). */
    private readonly heads: readonly number[],
    gamma: number,
    explorer: Explorer,
  ) {
    super(opts, headOutputs(heads, opts.actions), gamma, explorer);
    let o = 0;
    for (const h of heads) {
      this.offsets.push(o);
      o += h;
    }
    this.parts = new Int32Array(heads.length);
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
    return this.weights({ heads: [...this.heads] });
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
    this.setWeights(o);
  }

  /** The knob values of flat action `a` into `parts` (mixed radix, the last head fastest). */
  private split(a: number): void {
    for (let d = this.heads.length - 1; d >= 0; d--) {
      const h = this.heads[d]!;
      this.parts[d] = a % h;
      a = Math.floor(a / h);
    }
  }

  protected train(): void {
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
    this.finishStep();
  }
}
