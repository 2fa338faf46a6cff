// The DQN learns (halp-bps.md §2.4's learner on problems with a known answer): a 2-state, 4-action
// contextual bandit (γ 0) whose greedy action must come out right in both states, and a 2-state
// deterministic chain (γ 0.9) whose Q-values must reach the closed form within 2 %.
import { describe, expect, it } from "vitest";
import { createStream } from "../../../src/core/random.js";
import { makeLearner } from "../../../src/schedulers/planning/bps-learners.js";

/** State of the 12-number layout with only state[0] set (the other features fixed at 0). */
const stateOf = (x: number): Float64Array => {
  const s = new Float64Array(12);
  s[0] = x;
  return s;
};

describe("DQN", () => {
  it("learns a contextual bandit: reward 1 only for action 3 in state 1 and action 1 in state 0", () => {
    const learner = makeLearner("dqn", { actions: 4, rng: createStream(11, "dqn-bandit"), gamma: 0, epsIntervals: 500 });
    const env = createStream(11, "env");
    const states = [stateOf(0), stateOf(1)];
    let s = states[0]!;
    for (let t = 0; t < 3000; t++) {
      const a = learner.act(s);
      const r = a === (s[0] === 1 ? 3 : 1) ? 1 : 0;
      const next = states[env.next() < 0.5 ? 0 : 1]!;
      learner.observe(s, a, r, next);
      s = next;
    }
    expect(learner.act(states[0]!, true)).toBe(1);
    expect(learner.act(states[1]!, true)).toBe(3);
    // With γ 0 the Q-values are the expected rewards: ≈ 1 for the right action, ≈ 0 for the rest.
    const q1 = learner.values(states[1]!);
    expect(q1[3]).toBeGreaterThan(0.8);
    expect(q1[3]).toBeLessThan(1.2);
    for (const a of [0, 1, 2]) expect(Math.abs(q1[a]!)).toBeLessThan(0.2);
  });

  it("learns the values of a 2-state chain A → B → A (reward 1 on leaving A) with γ 0.9", () => {
    // Q_A = 1 + γ Q_B and Q_B = γ Q_A, so Q_A = 1 / (1 − γ²) = 5.263… and Q_B = γ / (1 − γ²) = 4.737….
    const learner = makeLearner("dqn", { actions: 1, rng: createStream(5, "dqn-chain"), gamma: 0.9, targetSync: 10 });
    const A = stateOf(0);
    const B = stateOf(1);
    // A target sync every 10 updates: each sync is one value-iteration sweep, and 0.9^200 is nothing.
    for (let t = 0; t < 1000; t++) {
      learner.observe(A, 0, 1, B);
      learner.observe(B, 0, 0, A);
    }
    const qa = learner.values(A)[0]!;
    const qb = learner.values(B)[0]!;
    expect(Math.abs(qa - 1 / (1 - 0.81)) / (1 / (1 - 0.81))).toBeLessThan(0.02);
    expect(Math.abs(qb - 0.9 / (1 - 0.81)) / (0.9 / (1 - 0.81))).toBeLessThan(0.02);
  });

  it("trains only once the replay holds a minibatch, and rejects states of the wrong length", () => {
    const learner = makeLearner("dqn", { actions: 3, rng: createStream(2, "dqn-warmup"), minibatch: 4 });
    const before = learner.values(stateOf(1));
    for (let t = 0; t < 3; t++) learner.observe(stateOf(1), 0, 5, stateOf(1));
    expect(learner.values(stateOf(1))).toEqual(before);
    learner.observe(stateOf(1), 0, 5, stateOf(1));
    expect(learner.values(stateOf(1))[0]).not.toBe(before[0]);
    expect(() => learner.act(new Float64Array(11))).toThrow(/12 numbers, got 11/);
    expect(() => learner.observe(stateOf(0), 3, 0, stateOf(0))).toThrow(/action 3 is outside 0..2/);
    expect(() => learner.observe(stateOf(0), 0, 0, stateOf(NaN))).toThrow(/state\[0\] is NaN/);
    expect(() => learner.observe(stateOf(0), 0, Infinity, stateOf(0))).toThrow(/reward must be finite/);
  });
});
