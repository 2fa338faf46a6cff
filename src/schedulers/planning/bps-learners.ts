// BPS's learners (halp-bps.md §2.4): the interface the scheduler talks to, the ε-greedy explorer
// with its linear schedule that all three learners share, and `makeLearner`, which builds the DQN,
// the tabular Q-learner or the ε-greedy bandit. The learners take their Explorer from here rather
// than import it, so their files depend on this one for types only (no import cycle at run time).
import type { RandomStream } from "../../core/random.js";
import { BanditLearner } from "./bps-bandit.js";
import { DqnLearner, type DqnOptions } from "./bps-dqn.js";
import { BranchedDqnLearner } from "./bps-dqn-branched.js";
import { TabularLearner, type TabularOptions } from "./bps-tabular.js";

export type LearnerKind = "dqn" | "tabular" | "bandit";

/** The DQN's parameters: per layer, weights row-major (out × in) and biases. */
export interface DqnWeights {
  kind: "dqn";
  sizes: number[];
  /** Factored heads (values per knob), when the network has one head per knob. */
  heads?: number[];
  weights: number[][];
  biases: number[][];
}

/** A table learner's values, row-major (bin × action); the bandit adds its sample counts. */
export interface TableWeights {
  kind: "tabular" | "bandit";
  bins: number;
  actions: number;
  table: number[];
  counts?: number[];
}

export type LearnerWeights = DqnWeights | TableWeights;

export interface Learner {
  readonly kind: LearnerKind;
  /** Action for `state`; explores with the current ε unless `greedy`. Draws only from the learner's stream. */
  act(state: Float64Array, greedy?: boolean): number;
  /** One transition (s, a, r, s'); the learner stores and learns from it. Advances the ε schedule by one interval. */
  observe(state: Float64Array, action: number, reward: number, next: Float64Array): void;
  /** Current exploration rate. */
  readonly epsilon: number;
  /** Set a fixed ε from now on (the scheduler uses this for `evalEpsilon` once learning ends). */
  freezeEpsilon(eps: number): void;
  /** Q-values (or estimates) of every action at `state`: a fresh array the caller may keep. */
  values(state: Float64Array): Float64Array;
  /** Plain JSON of the learned parameters. */
  toJSON(): LearnerWeights;
  /** Loads weights; throws a RangeError saying expected vs got when they do not fit. */
  load(w: unknown): void;
}

export interface LearnerOptions {
  actions: number;
  rng: RandomStream;
  /** ε at interval 0 (default 1). */
  epsStart?: number;
  /** ε from `epsIntervals` on (default 0.05). */
  epsEnd?: number;
  /** Observed intervals over which ε falls linearly (default 2000). */
  epsIntervals?: number;
  /** Discount (default 0.9; the bandit ignores it). */
  gamma?: number;
}

/**
 * The ε-greedy policy over `actions` actions, with a linear schedule over observed intervals. Draws: a non-greedy choice takes
 * one `next()` to decide whether to explore and, only when it explores, a second for the action;
 * a greedy one draws nothing. So a run's draws depend only on its own choices and observations.
 */
export class Explorer {
  private intervals = 0;
  private frozen: number | null = null;

  constructor(
    /** The learner's one stream: exploration here, weight init and replay sampling in the DQN. */
    readonly rng: RandomStream,
    readonly actions: number,
    private readonly start: number,
    private readonly end: number,
    private readonly span: number,
  ) {
    checkUnit("epsStart", start);
    checkUnit("epsEnd", end);
    if (!Number.isInteger(span) || span < 0) throw new RangeError(`epsIntervals must be a whole number >= 0, got ${span}`);
  }

  get epsilon(): number {
    if (this.frozen !== null) return this.frozen;
    // Exactly `end` from `span` on, so the tail of the schedule has no rounding drift.
    return this.intervals >= this.span ? this.end : this.start + (this.end - this.start) * (this.intervals / this.span);
  }

  /** One more observed interval. */
  tick(): void {
    this.intervals++;
  }

  freeze(eps: number): void {
    checkUnit("a frozen epsilon", eps);
    this.frozen = eps;
  }

  /** An action index to explore with, or −1 to take the greedy one (computed by the caller only then). */
  explore(greedy: boolean): number {
    if (greedy) return -1;
    if (this.rng.next() >= this.epsilon) return -1;
    return Math.min(this.actions - 1, Math.floor(this.rng.next() * this.actions));
  }

  /** The greedy action among `values[from .. from + actions)`. */
  best(values: Float64Array, from = 0): number {
    return argmax(values, from, this.actions);
  }

  /** Throws when a transition's action or reward does not fit (before the learner stores anything). */
  check(action: number, reward: number): void {
    if (!Number.isInteger(action) || action < 0 || action >= this.actions) throw new RangeError(`action ${action} is outside 0..${this.actions - 1}`);
    if (!Number.isFinite(reward)) throw new RangeError(`reward must be finite, got ${reward}`);
  }
}

function checkUnit(name: string, x: number): void {
  if (!(x >= 0 && x <= 1)) throw new RangeError(`${name} must be in [0, 1], got ${x}`);
}

/** Index of the largest value; ties go to the lowest index (so a fresh table picks action 0). */
export function argmax(values: Float64Array, from = 0, count = values.length - from): number {
  let best = 0;
  let bestV = values[from]!;
  for (let i = 1; i < count; i++) {
    const v = values[from + i]!;
    if (v > bestV) {
      bestV = v;
      best = i;
    }
  }
  return best;
}

/** Bin of `value` among ascending inner `edges`: how many edges are ≤ value (edges.length + 1 bins). */
export function binsOf(value: number, edges: readonly number[]): number {
  let b = 0;
  while (b < edges.length && value >= edges[b]!) b++;
  return b;
}

export function makeLearner(kind: LearnerKind, opts: LearnerOptions & DqnOptions & TabularOptions): Learner {
  if (!Number.isInteger(opts.actions) || opts.actions < 1) throw new RangeError(`a learner needs a whole number >= 1 of actions, got ${opts.actions}`);
  const explorer = new Explorer(opts.rng, opts.actions, opts.epsStart ?? 1, opts.epsEnd ?? 0.05, opts.epsIntervals ?? 2000);
  const gamma = opts.gamma ?? 0.9;
  if (!(gamma >= 0 && gamma < 1)) throw new RangeError(`gamma must be in [0, 1), got ${gamma}`);
  switch (kind) {
    case "dqn":
      return opts.heads === undefined ? new DqnLearner(opts, gamma, explorer) : new BranchedDqnLearner(opts, opts.heads, gamma, explorer);
    case "tabular":
      return new TabularLearner(opts, gamma, explorer);
    case "bandit":
      return new BanditLearner(opts, explorer);
  }
}
