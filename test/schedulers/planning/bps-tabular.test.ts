// BPS's table learners on problems with a closed-form answer: tabular Q-learning on a 2-state,
// 4-action contextual bandit (γ 0; each Q exactly 1 − 0.9ⁿ after n rewarded tries) and on a
// 1-state, 1-action loop (Q_n = 10 (1 − 0.99ⁿ) → 1/(1 − γ)); the bandit's per-bin sample means.
import { describe, expect, it } from "vitest";
import { createStream } from "../../../src/core/random.js";
import { makeLearner } from "../../../src/schedulers/planning/bps-learners.js";

const stateOf = (x: number): Float64Array => {
  const s = new Float64Array(12);
  s[0] = x;
  return s;
};
const twoBins = { binOf: (s: Float64Array): number => (s[0]! >= 0.5 ? 1 : 0), bins: 2 };

describe("tabular Q-learning", () => {
  it("learns the contextual bandit exactly: Q = 1 − 0.9ⁿ for the rewarded action, 0 for the rest", () => {
    const l = makeLearner("tabular", { actions: 4, rng: createStream(3, "tab"), gamma: 0, epsIntervals: 500, ...twoBins });
    const env = createStream(3, "env");
    const states = [stateOf(0), stateOf(1)];
    const right = [1, 3];
    const tries = [0, 0];
    for (let t = 0; t < 3000; t++) {
      const k = env.next() < 0.5 ? 0 : 1;
      const a = l.act(states[k]!);
      if (a === right[k]) tries[k]!++;
      l.observe(states[k]!, a, a === right[k] ? 1 : 0, states[1 - k]!);
    }
    // With γ 0 and lr 0.1: Q ← Q + 0.1 (1 − Q) per rewarded try, so 1 − Q = 0.9ⁿ; unrewarded stay 0.
    for (const k of [0, 1]) {
      const q = l.values(states[k]!);
      expect(tries[k]).toBeGreaterThan(100);
      expect(q[right[k]!]).toBeCloseTo(1 - 0.9 ** tries[k]!, 12);
      for (let a = 0; a < 4; a++) if (a !== right[k]) expect(q[a]).toBe(0);
      expect(l.act(states[k]!, true)).toBe(right[k]);
    }
  });

  it("converges to 1/(1 − γ) = 10 on a 1-state, 1-action loop with reward 1", () => {
    // Q_{n+1} = Q_n + 0.1 (1 + 0.9 Q_n − Q_n) = 0.99 Q_n + 0.1, so Q_n = 10 (1 − 0.99ⁿ).
    const l = makeLearner("tabular", { actions: 1, rng: createStream(1, "loop"), binOf: () => 0, bins: 1 });
    const s = stateOf(0);
    for (let n = 1; n <= 2000; n++) {
      l.observe(s, 0, 1, s);
      if (n === 10) expect(l.values(s)[0]).toBeCloseTo(10 * (1 - 0.99 ** 10), 12);
    }
    expect(l.values(s)[0]).toBeCloseTo(10 * (1 - 0.99 ** 2000), 9);
    expect(Math.abs(l.values(s)[0]! - 10) / 10).toBeLessThan(0.01);
  });
});

describe("ε-greedy bandit", () => {
  it("keeps the sample mean reward of each (bin, action), ignoring the next state", () => {
    const l = makeLearner("bandit", { actions: 3, rng: createStream(1, "bandit"), ...twoBins });
    const [s0, s1] = [stateOf(0), stateOf(1)];
    // Bin 0, action 1: (1 + 2 + 6) / 3 = 3; bin 1, action 1: (4 + 5) / 2 = 4.5; bin 0, action 2: −1.
    for (const r of [1, 2, 6]) l.observe(s0, 1, r, s1);
    for (const r of [4, 5]) l.observe(s1, 1, r, s0);
    l.observe(s0, 2, -1, s0);
    expect(Array.from(l.values(s0))).toEqual([0, 3, -1]);
    expect(Array.from(l.values(s1))).toEqual([0, 4.5, 0]);
    expect(l.act(s0, true)).toBe(1);
    // A tie between actions 0 and 2 in bin 1 after action 1 falls below them: the lowest index.
    for (let i = 0; i < 7; i++) l.observe(s1, 1, -9, s1);
    expect(l.values(s1)[1]).toBeCloseTo((4 + 5 - 63) / 9, 12);
    expect(l.act(s1, true)).toBe(0);
  });

  it("loads a table without counts, counting each non-zero mean as one sample", () => {
    const l = makeLearner("bandit", { actions: 2, rng: createStream(1, "bandit"), binOf: () => 0, bins: 1 });
    l.load({ kind: "bandit", bins: 1, actions: 2, table: [4, 0] });
    l.observe(stateOf(0), 0, 2, stateOf(0));
    l.observe(stateOf(0), 1, 2, stateOf(0));
    expect(Array.from(l.values(stateOf(0)))).toEqual([3, 2]);
  });
});
