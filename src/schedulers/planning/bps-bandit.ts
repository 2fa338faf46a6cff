// BPS's ε-greedy bandit (halp-bps.md §2.4's simplest learner): per state bin (the caller's binOf,
// bandwidth bins in the scheduler) the sample mean reward of each action, updated incrementally,
// with no bootstrapping from the next state (γ is unused).
import type { Explorer, Learner, LearnerOptions, TableWeights } from "./bps-learners.js";
import { BinnedTable, checkTable, type TabularOptions } from "./bps-tabular.js";

export class BanditLearner extends BinnedTable implements Learner {
  readonly kind = "bandit" as const;
  /** Rewards averaged into each mean (the table holds the means). */
  private readonly counts: Float64Array;

  constructor(opts: LearnerOptions & TabularOptions, explorer: Explorer) {
    super("bandit", opts, explorer);
    this.counts = new Float64Array(this.bins * this.actions);
  }

  /** mean += (r − mean) / n: the sample mean without keeping the rewards. `next` is not used. */
  observe(state: Float64Array, action: number, reward: number, _next: Float64Array): void {
    const b = this.bin(state);
    this.explorer.check(action, reward);
    const i = b * this.actions + action;
    const n = ++this.counts[i]!;
    this.table[i]! += (reward - this.table[i]!) / n;
    this.explorer.tick();
  }

  toJSON(): TableWeights {
    return { kind: "bandit", bins: this.bins, actions: this.actions, table: Array.from(this.table), counts: Array.from(this.counts) };
  }

  /**
   * Loads means and counts. Without counts (a hand-written file) each non-zero mean counts as one
   * sample, so the first new reward does not discard it yet it still adapts quickly; a 0 is untried.
   */
  load(w: unknown): void {
    const { table, counts } = checkTable(w, "bandit", this.bins, this.actions);
    if (counts?.some((c) => !Number.isInteger(c) || c < 0)) throw new RangeError("weights' counts must be whole numbers >= 0");
    this.table.set(table);
    if (counts !== undefined) this.counts.set(counts);
    else for (let i = 0; i < table.length; i++) this.counts[i] = table[i] === 0 ? 0 : 1;
  }
}
