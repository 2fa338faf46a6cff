// The small fully connected network BPS's DQN uses (ReLU hidden layers, linear output), with
// back-propagation into a gradient buffer and the Adam optimiser. Plain Float64Array math; every
// buffer is allocated once, so a training step allocates nothing.
import type { RandomStream } from "../../core/random.js";

/**
 * A multilayer perceptron of layer sizes `sizes` (input, hidden…, output). All parameters live in
 * one flat `params` array (per layer: weights row-major out × in, then biases) so that Adam and
 * the target-network copy are single loops over it.
 */
export class Mlp {
  readonly sizes: readonly number[];
  readonly params: Float64Array;
  /** ∂loss/∂params, accumulated by `backward` until `zeroGrad`. */
  readonly grads: Float64Array;
  private readonly wOff: number[] = [];
  private readonly bOff: number[] = [];
  /** acts[0] is the input, acts[l] layer l's output (after ReLU for hidden layers). */
  private readonly acts: Float64Array[] = [];
  /** deltas[l]: ∂loss/∂(pre-activation of layer l's output); deltas[0] is scratch for ∂/∂input. */
  private readonly deltas: Float64Array[] = [];

  /**
   * With `rng`, weights are He (Kaiming) uniform — U(−√(6/fan_in), √(6/fan_in)), variance 2/fan_in,
   * which keeps ReLU activations' scale through the layers — drawn layer by layer in row-major
   * order; biases start at 0. Without `rng` every parameter is 0 (a network about to be loaded).
   */
  constructor(sizes: readonly number[], rng: RandomStream | null) {
    if (sizes.length < 2 || sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new RangeError(`layer sizes must be >= 2 whole numbers >= 1, got [${sizes.join(", ")}]`);
    this.sizes = [...sizes];
    let n = 0;
    for (let l = 0; l + 1 < sizes.length; l++) {
      this.wOff.push(n);
      n += sizes[l]! * sizes[l + 1]!;
      this.bOff.push(n);
      n += sizes[l + 1]!;
    }
    this.params = new Float64Array(n);
    this.grads = new Float64Array(n);
    for (const size of sizes) {
      this.acts.push(new Float64Array(size));
      this.deltas.push(new Float64Array(size));
    }
    if (rng === null) return;
    for (let l = 0; l + 1 < sizes.length; l++) {
      const bound = Math.sqrt(6 / sizes[l]!);
      const end = this.bOff[l]!;
      for (let i = this.wOff[l]!; i < end; i++) this.params[i] = (2 * rng.next() - 1) * bound;
    }
  }

  get layers(): number {
    return this.sizes.length - 1;
  }

  /**
   * Output for the input `x[at .. at + sizes[0])`; the returned buffer is reused by the next call.
   * With `only` ≥ 0 just that output is computed (the rest are stale): a training step needs
   * Q(s, a) of one action, and with |A| = 180 the output layer is most of the network's work.
   */
  forward(x: Float64Array, at = 0, only = -1): Float64Array {
    const a0 = this.acts[0]!;
    for (let i = 0; i < a0.length; i++) a0[i] = x[at + i]!;
    const p = this.params;
    const last = this.layers - 1;
    for (let l = 0; l <= last; l++) {
      const inp = this.acts[l]!;
      const out = this.acts[l + 1]!;
      const nIn = inp.length;
      let w = this.wOff[l]!;
      const b = this.bOff[l]!;
      const first = l === last && only >= 0 ? only : 0;
      const end = l === last && only >= 0 ? only + 1 : out.length;
      w += first * nIn;
      for (let o = first; o < end; o++, w += nIn) {
        let z = p[b + o]!;
        for (let i = 0; i < nIn; i++) z += p[w + i]! * inp[i]!;
        out[o] = l < last && z < 0 ? 0 : z;
      }
    }
    return this.acts[this.layers]!;
  }

  /**
   * Adds ∂loss/∂params to `grads`, given ∂loss/∂output `dOut`, at the input of the last `forward`.
   * Output rows whose gradient is 0 are skipped, so a loss on one action costs O(hidden) there.
   */
  backward(dOut: Float64Array): void {
    const p = this.params;
    const g = this.grads;
    this.deltas[this.layers]!.set(dOut);
    for (let l = this.layers - 1; l >= 0; l--) {
      const inp = this.acts[l]!;
      const d = this.deltas[l + 1]!;
      const dIn = this.deltas[l]!;
      const nIn = inp.length;
      dIn.fill(0);
      let w = this.wOff[l]!;
      const b = this.bOff[l]!;
      for (let o = 0; o < d.length; o++, w += nIn) {
        const dz = d[o]!;
        if (dz === 0) continue;
        g[b + o]! += dz;
        for (let i = 0; i < nIn; i++) {
          g[w + i]! += dz * inp[i]!;
          dIn[i]! += dz * p[w + i]!;
        }
      }
      // Through the ReLU below: a hidden unit passed gradient only where its output was positive.
      if (l > 0) for (let i = 0; i < nIn; i++) if (!(inp[i]! > 0)) dIn[i] = 0;
    }
  }

  zeroGrad(): void {
    this.grads.fill(0);
  }

  copyFrom(other: Mlp): void {
    this.params.set(other.params);
  }

  /** Per layer: weights row-major (out × in) and biases, as plain arrays for JSON. */
  toLayers(): { weights: number[][]; biases: number[][] } {
    const weights: number[][] = [];
    const biases: number[][] = [];
    for (let l = 0; l < this.layers; l++) {
      weights.push(Array.from(this.params.subarray(this.wOff[l]!, this.bOff[l]!)));
      biases.push(Array.from(this.params.subarray(this.bOff[l]!, this.bOff[l]! + this.sizes[l + 1]!)));
    }
    return { weights, biases };
  }

  /**
   * Sets every parameter from per-layer arrays, after checking each shape; throws a RangeError
   * naming the layer and the expected vs given length, and changes nothing then.
   */
  setLayers(weights: unknown, biases: unknown): void {
    if (!Array.isArray(weights) || weights.length !== this.layers) throw new RangeError(`weights must list ${this.layers} layers, got ${describe(weights)}`);
    if (!Array.isArray(biases) || biases.length !== this.layers) throw new RangeError(`biases must list ${this.layers} layers, got ${describe(biases)}`);
    for (let l = 0; l < this.layers; l++) {
      const nIn = this.sizes[l]!;
      const nOut = this.sizes[l + 1]!;
      checkNumbers(`layer ${l + 1}'s weights (${nOut} x ${nIn})`, weights[l], nOut * nIn);
      checkNumbers(`layer ${l + 1}'s biases`, biases[l], nOut);
    }
    for (let l = 0; l < this.layers; l++) {
      this.params.set(weights[l] as number[], this.wOff[l]!);
      this.params.set(biases[l] as number[], this.bOff[l]!);
    }
  }
}

function describe(x: unknown): string {
  return Array.isArray(x) ? `${x.length}` : typeof x;
}

function checkNumbers(what: string, xs: unknown, length: number): void {
  if (!Array.isArray(xs) || xs.length !== length) throw new RangeError(`${what} should hold ${length} numbers, got ${describe(xs)}`);
  for (const x of xs) if (typeof x !== "number" || !Number.isFinite(x)) throw new RangeError(`${what} hold a non-number or non-finite value (${String(x)})`);
}

/**
 * Adam (Kingma & Ba 2015) with bias-corrected moments: m ← β1 m + (1−β1) g, v ← β2 v + (1−β2) g²,
 * p ← p − lr · m̂ / (√v̂ + ε). The first step therefore moves each parameter by lr · g / (|g| + ε).
 */
export class Adam {
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  private t = 0;

  constructor(
    size: number,
    private readonly lr = 1e-3,
    private readonly beta1 = 0.9,
    private readonly beta2 = 0.999,
    private readonly eps = 1e-8,
  ) {
    if (!(lr > 0 && Number.isFinite(lr))) throw new RangeError(`lr must be a finite number > 0, got ${lr}`);
    this.m = new Float64Array(size);
    this.v = new Float64Array(size);
  }

  step(params: Float64Array, grads: Float64Array): void {
    this.t++;
    const c1 = 1 - Math.pow(this.beta1, this.t);
    const c2 = 1 - Math.pow(this.beta2, this.t);
    const { m, v, beta1, beta2 } = this;
    for (let i = 0; i < params.length; i++) {
      const g = grads[i]!;
      const mi = (m[i] = beta1 * m[i]! + (1 - beta1) * g);
      const vi = (v[i] = beta2 * v[i]! + (1 - beta2) * g * g);
      params[i]! -= (this.lr * (mi / c1)) / (Math.sqrt(vi / c2) + this.eps);
    }
  }

  /** Forget the moments (after loading weights: old moments belong to other parameters). */
  reset(): void {
    this.m.fill(0);
    this.v.fill(0);
    this.t = 0;
  }
}
