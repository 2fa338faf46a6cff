// BPS's ε-greedy bandit (halp-bps.md §2.4's simplest learner): per state bin (the caller's binOf,
// bandwidth bins in the scheduler) the sample mean reward of each action, updated incrementally,
// with no bootstrapping from the next state (γ is unused).
import type { Explorer, Learner, LearnerOptions, TableWeights } from "./bps-learners.js";
import { binAt, checkTable, tableShape, type TabularOptions } from "./bps-tabular.js";

export class BanditLearner implements Learner {
  readonly kind = "bandit" as const;
  /** Mean reward of (bin, action) at [bin · actions + action]; 0 until tried. */
  private readonly means: Float64Array;
  /** Rewards averaged into each mean. */
  private readonly counts: Float64Array;
  private readonly binOf: (state: Float64Array) => number;
  private readonly bins: number;
  private readonly actions: number;

  constructor(
    opts: LearnerOptions & TabularOptions,
    private readonly explorer: Explorer,
  ) {
    ({ binOf: this.binOf, bins: this.bins } = tableShape("bandit", opts));
    this.actions = opts.actions;
    this.means = new Float64Array(this.bins * this.actions);
    this.counts = new Float64Array(this.bins * this.actions);
  }

  get epsilon(): number {
    return this.explorer.epsilon;
  }

  freezeEpsilon(eps: number): void {
    this.explorer.freeze(eps);
  }

  act(state: Float64Array, greedy = false): number {
    const b = binAt(this.binOf, this.bins, state);
    const explored = this.explorer.explore(greedy);
    return explored >= 0 ? explored : this.explorer.best(this.means, b * this.actions);
  }

  /** mean += (r − mean) / n: the sample mean without keeping the rewards. `next` is not used. */
  observe(state: Float64Array, action: number, reward: number, _next: Float64Array): void {
    const b = binAt(this.binOf, this.bins, state);
    this.explorer.check(action, reward);
    const i = b * this.actions + action;
    const n = ++this.counts[i]!;
    this.means[i]! += (reward - this.means[i]!) / n;
    this.explorer.tick();
  }

  values(state: Float64Array): Float64Array {
    const from = binAt(this.binOf, this.bins, state) * this.actions;
    return this.means.slice(from, from + this.actions);
  }

  toJSON(): TableWeights {
    return { kind: "bandit", bins: this.bins, actions: this.actions, table: Array.from(this.means), counts: Array.from(this.counts) };
  }

  /**
   * Loads means and counts. Without counts (a hand-written file) each non-zero mean counts as one
   * sample, so the first new reward does not discard it yet it still adapts quickly; a 0 is untried.
   */
  load(w: unknown): void {
    const { table, counts } = checkTable(w, "bandit", this.bins, this.actions);
    if (counts?.some((c) => !Number.isInteger(c) || c < 0)) throw new RangeError("weights' counts must be whole numbers >= 0");
    this.means.set(table);
    if (counts !== undefined) this.counts.set(counts);
    else for (let i = 0; i < table.length; i++) this.counts[i] = table[i] === 0 ? 0 : 1;
  }
}
