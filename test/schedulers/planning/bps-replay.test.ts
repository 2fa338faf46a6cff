// The DQN's replay ring: the oldest transition is overwritten once it is full, states are copied
// in, and minibatch sampling is uniform over the held slots and the same for the same seed.
import { describe, expect, it } from "vitest";
import { createStream } from "../../../src/core/random.js";
import { ReplayBuffer } from "../../../src/schedulers/planning/bps-replay.js";

describe("ReplayBuffer", () => {
  it("overwrites the oldest transition once it holds `capacity`", () => {
    const r = new ReplayBuffer(3, 2);
    const s = new Float64Array(2);
    for (let k = 1; k <= 5; k++) {
      s[0] = k;
      s[1] = -k;
      r.push(s, k, 10 * k, s);
    }
    // Pushes 1, 2, 3 fill slots 0, 1, 2; push 4 replaces 1 in slot 0 and push 5 replaces 2 in slot 1.
    expect(r.size).toBe(3);
    expect(Array.from(r.rewards)).toEqual([40, 50, 30]);
    expect(Array.from(r.actions)).toEqual([4, 5, 3]);
    expect(Array.from(r.states)).toEqual([4, -4, 5, -5, 3, -3]);
    // The caller's buffer was copied: changing it now changes nothing stored.
    s[0] = 99;
    expect(r.states[2]).toBe(5);
  });

  it("samples slot indices below size, uniformly, the same for the same seed", () => {
    const r = new ReplayBuffer(100, 1);
    for (let k = 0; k < 4; k++) r.push(Float64Array.of(k), 0, 0, Float64Array.of(k));
    const a = new Int32Array(4000);
    const b = new Int32Array(4000);
    r.sample(createStream(3, "replay"), a);
    r.sample(createStream(3, "replay"), b);
    expect(b).toEqual(a);
    const counts = [0, 0, 0, 0];
    for (const i of a) counts[i]!++;
    // Each of the 4 held slots gets ~1000 of 4000 (binomial sd ≈ 27); none beyond slot 3.
    for (const c of counts) expect(Math.abs(c - 1000)).toBeLessThan(150);
    expect(counts.reduce((x, y) => x + y)).toBe(4000);
  });

  it("rejects a state of the wrong length and sampling an empty buffer", () => {
    const r = new ReplayBuffer(2, 3);
    expect(() => r.sample(createStream(1, "x"), new Int32Array(1))).toThrow(RangeError);
    expect(() => r.push(new Float64Array(2), 0, 0, new Float64Array(3))).toThrow(/3 numbers, got 2 and 3/);
  });
});
