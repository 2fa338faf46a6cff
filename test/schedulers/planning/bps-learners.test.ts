// BPS's learner interface (halp-bps.md §2.4): the ε schedule and its draws, the DQN's shape
// (16,692 parameters at |A| = 180), weights through JSON into a fresh learner of another seed,
// loads of the wrong shape refused with both shapes named, and determinism for the same seed.
import { describe, expect, it } from "vitest";
import { createStream } from "../../../src/core/random.js";
import { argmax, binsOf, Explorer, makeLearner, type DqnWeights, type Learner, type LearnerKind } from "../../../src/schedulers/planning/bps-learners.js";

const stateOf = (...xs: number[]): Float64Array => {
  const s = new Float64Array(12);
  s.set(xs);
  return s;
};
/** Two bins by state[0] (as the scheduler's binOf would bin bandwidth). */
const twoBins = { binOf: (s: Float64Array): number => (s[0]! >= 0.5 ? 1 : 0), bins: 2 };

function learnerOf(kind: LearnerKind, seed: number, actions = 5): Learner {
  return makeLearner(kind, { actions, rng: createStream(seed, "learner"), epsIntervals: 50, hidden: [8, 8], minibatch: 4, ...twoBins });
}

/** A fixed little run: 60 intervals of acts and observations with rewards from a hand rule. */
function run(l: Learner): void {
  for (let t = 0; t < 60; t++) {
    const s = stateOf(t % 2, (t % 7) / 7);
    const a = l.act(s);
    l.observe(s, a, a === 2 ? 1 : (t % 3) / 3, stateOf((t + 1) % 2, ((t + 1) % 7) / 7));
  }
}

describe("ε schedule", () => {
  it("falls linearly from 1 to 0.05 over 2000 intervals, then stays; freeze overrides it", () => {
    const e = new Explorer(createStream(1, "eps"), 4, 1, 0.05, 2000);
    expect(e.epsilon).toBe(1);
    for (let t = 0; t < 1000; t++) e.tick();
    expect(e.epsilon).toBeCloseTo(0.525, 12); // 1 − 0.95 · 1000/2000
    for (let t = 0; t < 1000; t++) e.tick();
    expect(e.epsilon).toBe(0.05);
    for (let t = 0; t < 500; t++) e.tick();
    expect(e.epsilon).toBe(0.05);
    e.freeze(0.2);
    expect(e.epsilon).toBe(0.2);
    expect(() => e.freeze(1.5)).toThrow(RangeError);
  });

  it("is the learners' default, advanced by observe (not by act)", () => {
    const l = makeLearner("tabular", { actions: 3, rng: createStream(1, "eps"), ...twoBins });
    const s = stateOf(0);
    for (let t = 0; t < 1000; t++) l.act(s);
    expect(l.epsilon).toBe(1);
    for (let t = 0; t < 1000; t++) l.observe(s, 0, 0, s);
    expect(l.epsilon).toBeCloseTo(0.525, 12);
    l.freezeEpsilon(0);
    expect(l.epsilon).toBe(0);
  });

  it("draws once per non-greedy act (twice when exploring) and never for a greedy one", () => {
    // ε = 1: each act draws u (< 1, explore) and then the action floor(v · 5), v from the same stream.
    const l = makeLearner("tabular", { actions: 5, rng: createStream(4, "draws"), ...twoBins });
    const mirror = createStream(4, "draws");
    for (let t = 0; t < 20; t++) {
      expect(l.act(stateOf(0), true)).toBe(0);
      mirror.next();
      expect(l.act(stateOf(0))).toBe(Math.floor(mirror.next() * 5));
    }
    // ε = 0: one draw (which never explores) and the greedy action; the stream stays in step.
    l.freezeEpsilon(0);
    expect(l.act(stateOf(0))).toBe(0);
    mirror.next();
    l.freezeEpsilon(1);
    mirror.next();
    expect(l.act(stateOf(0))).toBe(Math.floor(mirror.next() * 5));
  });

  it("explores uniformly at ε = 1 and takes the argmax, lowest index on ties, otherwise", () => {
    expect(argmax(Float64Array.of(0, 2, 2, 1))).toBe(1);
    expect(argmax(Float64Array.of(9, 0, 3, 3, 1), 1, 4)).toBe(1);
    const l = makeLearner("bandit", { actions: 4, rng: createStream(2, "uniform"), ...twoBins });
    const counts = [0, 0, 0, 0];
    for (let t = 0; t < 4000; t++) counts[l.act(stateOf(0))]!++;
    for (const c of counts) expect(Math.abs(c - 1000)).toBeLessThan(150);
  });
});

describe("binsOf", () => {
  it("counts the edges at or below the value", () => {
    const edges = [1, 2, 4];
    expect([0.5, 1, 1.9, 2, 3.99, 4, 100].map((v) => binsOf(v, edges))).toEqual([0, 1, 1, 2, 2, 3, 3]);
  });
});

describe("DQN shape", () => {
  it("has 16,692 parameters for |A| = 180 (12 → 64 → 64 → 180) and 8,892 for |A| = 60", () => {
    const count = (actions: number): number => {
      const w = makeLearner("dqn", { actions, rng: createStream(1, "shape") }).toJSON();
      if (w.kind !== "dqn") throw new Error("not a dqn");
      expect(w.sizes).toEqual([12, 64, 64, actions]);
      expect(w.weights.map((x) => x.length)).toEqual([12 * 64, 64 * 64, 64 * actions]);
      return [...w.weights, ...w.biases].reduce((n, x) => n + x.length, 0);
    };
    expect(count(180)).toBe(832 + 4160 + 11_700);
    expect(count(180)).toBe(16_692);
    expect(count(60)).toBe(832 + 4160 + 64 * 60 + 60);
  });
});

describe("weights", () => {
  for (const kind of ["dqn", "tabular", "bandit"] as const) {
    it(`${kind}: toJSON → JSON → load into a learner of another seed gives the same values and greedy actions`, () => {
      const a = learnerOf(kind, 1);
      run(a);
      const b = learnerOf(kind, 2);
      b.load(JSON.parse(JSON.stringify(a)));
      for (const s of [stateOf(0, 0), stateOf(1, 0.5), stateOf(0, 6 / 7), stateOf(1, 0.2, 0.3)]) {
        expect(b.values(s)).toEqual(a.values(s));
        expect(b.act(s, true)).toBe(a.act(s, true));
      }
      expect(b.toJSON()).toEqual(a.toJSON());
    });
  }

  it("dqn: a load of another shape throws naming both, and changes nothing", () => {
    const l = learnerOf("dqn", 1, 60);
    const before = l.values(stateOf(1));
    expect(() => l.load(learnerOf("dqn", 1, 180).toJSON())).toThrow(/weights have 180 actions, this configuration list has 60/);
    const w = makeLearner("dqn", { actions: 60, rng: createStream(1, "x"), hidden: [32, 32] }).toJSON();
    expect(() => l.load(w)).toThrow(/hidden layers \[32, 32\], this learner has \[8, 8\]/);
    const short = learnerOf("dqn", 3, 60).toJSON() as DqnWeights;
    short.biases[1]!.pop();
    expect(() => l.load(short)).toThrow(/layer 2's biases should hold 8 numbers, got 7/);
    expect(() => l.load(learnerOf("tabular", 1, 60).toJSON())).toThrow(/weights are for the tabular learner, this learner is dqn/);
    expect(() => l.load({ ...short, sizes: [11, 8, 8, 60] })).toThrow(/state of 11 numbers, this learner takes 12/);
    expect(() => l.load(null)).toThrow(RangeError);
    expect(l.values(stateOf(1))).toEqual(before);
  });

  it("tabular and bandit: a load of another shape throws naming both", () => {
    const t = learnerOf("tabular", 1, 60);
    expect(() => t.load(learnerOf("tabular", 1, 180).toJSON())).toThrow(/weights have 180 actions, this configuration list has 60/);
    const other = makeLearner("tabular", { actions: 60, rng: createStream(1, "x"), binOf: () => 0, bins: 256 }).toJSON();
    expect(() => t.load(other)).toThrow(/weights have 256 state bins, this learner has 2/);
    expect(() => t.load({ ...other, bins: 2 })).toThrow(/table should hold 120 numbers \(bins x actions\), got 15360/);
    expect(() => learnerOf("bandit", 1).load(learnerOf("tabular", 1).toJSON())).toThrow(/for the tabular learner, this learner is bandit/);
  });
});

describe("determinism", () => {
  for (const kind of ["dqn", "tabular", "bandit"] as const) {
    it(`${kind}: the same seed and observations give identical weights`, () => {
      const a = learnerOf(kind, 9);
      const b = learnerOf(kind, 9);
      run(a);
      run(b);
      expect(b.toJSON()).toEqual(a.toJSON());
    });
  }

  it("dqn: another seed gives other initial weights", () => {
    expect(learnerOf("dqn", 2).toJSON()).not.toEqual(learnerOf("dqn", 9).toJSON());
  });
});

describe("makeLearner", () => {
  it("refuses a table learner without binOf and bins, and a bad action count or γ", () => {
    expect(() => makeLearner("tabular", { actions: 3, rng: createStream(1, "x") })).toThrow(/needs binOf and bins/);
    expect(() => makeLearner("dqn", { actions: 0, rng: createStream(1, "x") })).toThrow(/whole number >= 1 of actions/);
    expect(() => makeLearner("dqn", { actions: 2, rng: createStream(1, "x"), gamma: 1 })).toThrow(/gamma/);
    const l = makeLearner("tabular", { actions: 2, rng: createStream(1, "x"), binOf: () => 2, bins: 2 });
    expect(() => l.act(stateOf(0))).toThrow(/binOf returned 2, outside 0..1/);
  });
});
