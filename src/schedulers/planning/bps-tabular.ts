// BPS's tabular Q-learner (halp-bps.md §2.4's cheaper alternative to the DQN): a Q-table over the
// caller's discrete state bins (binOf), the one-step Q-learning update and ε-greedy actions; and
// the table checks the bandit shares when it loads weights.
import type { Explorer, Learner, LearnerKind, LearnerOptions, TableWeights } from "./bps-learners.js";

export interface TabularOptions {
  /** The bin of a state, a whole number in 0..bins−1 (tabular and bandit only). */
  binOf?: (state: Float64Array) => number;
  /** How many bins `binOf` returns (tabular and bandit only). */
  bins?: number;
  /** Q-learning step size (default 0.1 here; the DQN reads its own default, 1e-3). */
  lr?: number;
}

/** binOf and bins, required for the table learners. */
export function tableShape(kind: LearnerKind, opts: TabularOptions): { binOf: (state: Float64Array) => number; bins: number } {
  const { binOf, bins } = opts;
  if (binOf === undefined || bins === undefined) throw new RangeError(`the ${kind} learner needs binOf and bins`);
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`bins must be a whole number >= 1, got ${bins}`);
  return { binOf, bins };
}

/** The bin of `state`, checked: a bad binOf would otherwise index outside the table silently. */
export function binAt(binOf: (state: Float64Array) => number, bins: number, state: Float64Array): number {
  const b = binOf(state);
  if (!Number.isInteger(b) || b < 0 || b >= bins) throw new RangeError(`binOf returned ${b}, outside 0..${bins - 1}`);
  return b;
}

/**
 * Checks a table learner's weights against its kind and shape; returns the table (and counts,
 * when present). Throws a RangeError naming what differs; nothing is changed by a failed load.
 */
export function checkTable(w: unknown, kind: "tabular" | "bandit", bins: number, actions: number): { table: number[]; counts: number[] | undefined } {
  if (typeof w !== "object" || w === null) throw new RangeError(`weights must be an object, got ${w === null ? "null" : typeof w}`);
  const o = w as Record<string, unknown>;
  if (o["kind"] !== kind) throw new RangeError(`weights are for the ${String(o["kind"])} learner, this learner is ${kind}`);
  if (o["actions"] !== actions) throw new RangeError(`weights have ${String(o["actions"])} actions, this configuration list has ${actions}`);
  if (o["bins"] !== bins) throw new RangeError(`weights have ${String(o["bins"])} state bins, this learner has ${bins}`);
  const table = numbers("table", o["table"], bins * actions);
  const counts = o["counts"] === undefined ? undefined : numbers("counts", o["counts"], bins * actions);
  return { table, counts };
}

function numbers(name: string, xs: unknown, length: number): number[] {
  if (!Array.isArray(xs) || xs.length !== length) throw new RangeError(`weights' ${name} should hold ${length} numbers (bins x actions), got ${Array.isArray(xs) ? xs.length : typeof xs}`);
  for (const x of xs) if (typeof x !== "number" || !Number.isFinite(x)) throw new RangeError(`weights' ${name} holds a non-number or non-finite value (${String(x)})`);
  return xs as number[];
}

/** What the table learners share: one value per (bin, action), ε-greedy over the state's bin. */
export abstract class BinnedTable {
  /** Value of (bin, action) at [bin · actions + action]; starts at 0, so untried actions tie and the lowest wins. */
  protected readonly table: Float64Array;
  protected readonly binOf: (state: Float64Array) => number;
  protected readonly bins: number;
  protected readonly actions: number;

  constructor(kind: "tabular" | "bandit", opts: LearnerOptions & TabularOptions, protected readonly explorer: Explorer) {
    ({ binOf: this.binOf, bins: this.bins } = tableShape(kind, opts));
    this.actions = opts.actions;
    this.table = new Float64Array(this.bins * this.actions);
  }

  get epsilon(): number {
    return this.explorer.epsilon;
  }

  freezeEpsilon(eps: number): void {
    this.explorer.freeze(eps);
  }

  act(state: Float64Array, greedy = false): number {
    const b = this.bin(state);
    const explored = this.explorer.explore(greedy);
    return explored >= 0 ? explored : this.explorer.best(this.table, b * this.actions);
  }

  values(state: Float64Array): Float64Array {
    const from = this.bin(state) * this.actions;
    return this.table.slice(from, from + this.actions);
  }

  protected bin(state: Float64Array): number {
    return binAt(this.binOf, this.bins, state);
  }
}

export class TabularLearner extends BinnedTable implements Learner {
  readonly kind = "tabular" as const;
  private readonly lr: number;

  constructor(
    opts: LearnerOptions & TabularOptions,
    private readonly gamma: number,
    explorer: Explorer,
  ) {
    super("tabular", opts, explorer);
    this.lr = opts.lr ?? 0.1;
    if (!(this.lr > 0 && this.lr <= 1)) throw new RangeError(`lr must be in (0, 1], got ${this.lr}`);
  }

  /** Q[s, a] += lr · (r + γ · max_a' Q[s', a'] − Q[s, a]). */
  observe(state: Float64Array, action: number, reward: number, next: Float64Array): void {
    const b = this.bin(state);
    const b2 = this.bin(next);
    this.explorer.check(action, reward);
    const A = this.actions;
    const best = this.table[b2 * A + this.explorer.best(this.table, b2 * A)]!;
    const i = b * A + action;
    this.table[i]! += this.lr * (reward + this.gamma * best - this.table[i]!);
    this.explorer.tick();
  }

  toJSON(): TableWeights {
    return { kind: "tabular", bins: this.bins, actions: this.actions, table: Array.from(this.table) };
  }

  load(w: unknown): void {
    this.table.set(checkTable(w, "tabular", this.bins, this.actions).table);
  }
}
