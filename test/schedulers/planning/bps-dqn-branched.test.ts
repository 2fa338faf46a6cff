// The DQN with factored heads: action indices decode as mixed radix (the last knob fastest, as
// bps-actions lays out the grid), an additive 2-knob bandit is learned head by head, weights
// round-trip and refuse another shape, and heads that do not make the action count are refused.
import { describe, expect, it } from "vitest";
import { createStream } from "../../../src/core/random.js";
import { makeLearner } from "../../../src/schedulers/planning/bps-learners.js";

const state = new Float64Array(12);

describe("DQN with factored heads", () => {
  it("learns an additive 2-knob bandit: knob A (3 values) pays 1 at value 2, knob B (4 values) pays 1 at value 1", () => {
    // Reward = [a = 2] + [b = 1]; the best action is a = 2, b = 1: index 2 · 4 + 1 = 9 of 12.
    const learner = makeLearner("dqn", { actions: 12, heads: [3, 4], rng: createStream(3, "branched"), gamma: 0, epsIntervals: 400 });
    for (let t = 0; t < 2500; t++) {
      const a = learner.act(state);
      const r = (Math.floor(a / 4) === 2 ? 1 : 0) + (a % 4 === 1 ? 1 : 0);
      learner.observe(state, a, r, state);
    }
    expect(learner.act(state, true)).toBe(9);
    // Each head regresses on the whole reward, so its values mix in the other knob's average; only
    // the ranking is asserted: action 9's mean of head values is the largest.
    const q = learner.values(state);
    expect(q.indexOf(Math.max(...q))).toBe(9);
  });

  it("weights round-trip into a fresh learner (same greedy action), and another shape is refused", () => {
    const a = makeLearner("dqn", { actions: 12, heads: [3, 4], rng: createStream(4, "w"), gamma: 0 });
    for (let t = 0; t < 200; t++) a.observe(state, t % 12, t % 12 === 5 ? 1 : 0, state);
    const w = a.toJSON();
    expect(w).toMatchObject({ kind: "dqn", heads: [3, 4], sizes: [12, 64, 64, 7] });
    const b = makeLearner("dqn", { actions: 12, heads: [3, 4], rng: createStream(99, "other"), gamma: 0 });
    b.load(JSON.parse(JSON.stringify(w)));
    expect(Array.from(b.values(state))).toEqual(Array.from(a.values(state)));
    const c = makeLearner("dqn", { actions: 12, heads: [4, 3], rng: createStream(1, "c"), gamma: 0 });
    expect(() => c.load(w)).toThrow(/weights have heads \[3, 4\], this learner has factored heads \[4, 3\]/);
    const single = makeLearner("dqn", { actions: 12, rng: createStream(1, "s"), gamma: 0 });
    expect(() => single.load(w)).toThrow(/7 actions, this configuration list has 12/);
  });

  it("heads whose product is not the action count are refused", () => {
    expect(() => makeLearner("dqn", { actions: 12, heads: [5, 2], rng: createStream(1, "x") })).toThrow(/factored heads \[5, 2\] do not make the 12 actions/);
  });
});
