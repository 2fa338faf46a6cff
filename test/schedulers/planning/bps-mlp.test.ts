// The DQN's numerical parts against hand values: back-propagation against central finite
// differences on a tiny 3 → 4 → 4 → 2 net (Huber loss in its quadratic and its linear region),
// one and two Adam steps from known gradients, the Huber loss at hand points, and the network's
// parameter count (12 → 64 → 64 → |A|).
import { describe, expect, it } from "vitest";
import { createStream } from "../../../src/core/random.js";
import { huber, huberGrad } from "../../../src/schedulers/planning/bps-dqn.js";
import { Adam, Mlp } from "../../../src/schedulers/planning/bps-mlp.js";

/** Σ_j huber(q_j − y_j) at the net's current parameters. */
function loss(net: Mlp, x: Float64Array, y: number[]): number {
  const q = net.forward(x);
  let s = 0;
  for (let j = 0; j < y.length; j++) s += huber(q[j]! - y[j]!);
  return s;
}

/** Targets offset from the current outputs by `offsets` (so the Huber region is chosen by hand). */
function targetsAt(net: Mlp, x: Float64Array, offsets: number[]): number[] {
  const q = net.forward(x);
  return offsets.map((d, j) => q[j]! + d);
}

function checkGradient(offsets: number[]): void {
  const net = new Mlp([3, 4, 4, 2], createStream(7, "gradcheck"));
  // Non-zero biases so that the bias gradients of both hidden layers are exercised too.
  for (let i = 0; i < net.params.length; i++) if (net.params[i] === 0) net.params[i] = 0.05 * ((i % 5) - 2) + 0.01;
  const x = Float64Array.of(0.7, -1.2, 0.4);
  const y = targetsAt(net, x, offsets);
  const q = net.forward(x);
  const dOut = Float64Array.from(y, (yj, j) => huberGrad(q[j]! - yj));
  net.zeroGrad();
  net.backward(dOut);
  const h = 1e-6;
  let checked = 0;
  for (let i = 0; i < net.params.length; i++) {
    const p = net.params[i]!;
    net.params[i] = p + h;
    const up = loss(net, x, y);
    net.params[i] = p - h;
    const down = loss(net, x, y);
    net.params[i] = p;
    const fd = (up - down) / (2 * h);
    const g = net.grads[i]!;
    expect(Math.abs(g - fd)).toBeLessThanOrEqual(1e-6 * Math.max(Math.abs(g), Math.abs(fd)) + 1e-9);
    if (g !== 0) checked++;
  }
  // Most parameters carry gradient (a dead ReLU zeroes a few): the check is not vacuous.
  expect(checked).toBeGreaterThan(net.params.length / 2);
}

describe("Mlp back-propagation", () => {
  it("has (in + 1) · out parameters per layer: 12 → 64 → 64 → 180 is 16,692", () => {
    // 13·64 + 65·64 + 65·180 = 832 + 4160 + 11700.
    expect(new Mlp([12, 64, 64, 180], null).params.length).toBe(16_692);
    expect(new Mlp([3, 4, 4, 2], null).params.length).toBe(16 + 20 + 10);
  });

  it("equals central finite differences with the Huber loss in its quadratic region (|q − y| < 1)", () => {
    checkGradient([0.4, -0.7]);
  });

  it("equals central finite differences with the Huber loss in its linear region (|q − y| > 1)", () => {
    checkGradient([3, -2.5]);
  });

  it("computes just one output when asked (the training step's Q(s, a)), equal to the full pass's", () => {
    const net = new Mlp([3, 4, 4, 2], createStream(7, "gradcheck"));
    const x = Float64Array.of(0, 0.5, -0.5, 1, 2, 3);
    const full = Array.from(net.forward(x, 3));
    expect(net.forward(x, 3, 1)[1]).toBe(full[1]);
    expect(net.forward(x, 3, 0)[0]).toBe(full[0]);
    // The input is read at the offset: x[3..6) = (1, 2, 3).
    expect(Array.from(net.forward(Float64Array.of(1, 2, 3)))).toEqual(full);
  });

  it("skips output rows with zero gradient (a loss on one action touches only that row's weights)", () => {
    const net = new Mlp([3, 4, 4, 2], createStream(7, "gradcheck"));
    net.forward(Float64Array.of(1, 2, 3));
    net.zeroGrad();
    net.backward(Float64Array.of(0, 1));
    // Layer 3's row for output 0: weights at 16 + 20 .. 16 + 20 + 4, its bias at 16 + 20 + 8.
    for (let i = 36; i < 40; i++) expect(net.grads[i]).toBe(0);
    expect(net.grads[44]).toBe(0);
    expect(net.grads[45]).toBe(1);
  });

  it("initialises weights He-uniform within ±√(6/fan_in) and biases at 0, the same for the same seed", () => {
    const a = new Mlp([12, 64, 3], createStream(1, "init"));
    const b = new Mlp([12, 64, 3], createStream(1, "init"));
    expect(a.params).toEqual(b.params);
    const w1 = a.params.subarray(0, 12 * 64);
    expect(Math.max(...w1.map(Math.abs))).toBeLessThanOrEqual(Math.sqrt(6 / 12));
    expect(a.params.subarray(12 * 64, 13 * 64).every((x) => x === 0)).toBe(true);
    // Variance of U(−c, c) is c²/3 = 2/fan_in = 1/6 for fan_in 12; 768 draws give it within ~15 %.
    const variance = w1.reduce((s, x) => s + x * x, 0) / w1.length;
    expect(variance).toBeGreaterThan(0.85 / 6);
    expect(variance).toBeLessThan(1.15 / 6);
  });
});

describe("Adam", () => {
  it("moves each parameter by lr · g / (|g| + ε) on the first step, ≈ lr · sign(g)", () => {
    const p = Float64Array.of(1, -2, 0.5, 3);
    const g = Float64Array.of(0.3, -4, 1e-3, 0);
    new Adam(4).step(p, g);
    // m̂ = g and v̂ = g² after one step (bias correction divides by 1 − β), so Δ = lr · g / (|g| + ε).
    expect(p[0]).toBeCloseTo(1 - 1e-3 * (0.3 / (0.3 + 1e-8)), 15);
    expect(p[1]).toBeCloseTo(-2 + 1e-3 * (4 / (4 + 1e-8)), 15);
    expect(p[2]).toBeCloseTo(0.5 - 1e-3 * (1e-3 / (1e-3 + 1e-8)), 15);
    expect(p[3]).toBe(3);
    expect(p[0]).toBeCloseTo(0.999, 10);
    expect(p[1]).toBeCloseTo(-1.999, 10);
  });

  it("keeps the step at lr · sign(g) for a constant gradient (bias correction is exact)", () => {
    // Step 2: m = (0.9·0.1 + 0.1) g = 0.19 g and 1 − 0.9² = 0.19; v = 0.001999 g² and 1 − 0.999² = 0.001999.
    const p = Float64Array.of(0);
    const g = Float64Array.of(2);
    const adam = new Adam(1, 0.01);
    adam.step(p, g);
    adam.step(p, g);
    expect(p[0]).toBeCloseTo(-2 * 0.01 * (2 / (2 + 1e-8)), 14);
    adam.reset();
    adam.step(p, Float64Array.of(-5));
    expect(p[0]).toBeCloseTo(-0.02 + 0.01, 7);
  });
});

describe("Huber loss (δ = 1)", () => {
  it("is x²/2 within ±1 and |x| − 1/2 outside, with derivative x or ±1", () => {
    expect(huber(0)).toBe(0);
    expect(huber(0.5)).toBe(0.125);
    expect(huber(-1)).toBe(0.5);
    expect(huber(3)).toBe(2.5);
    expect(huber(-2)).toBe(1.5);
    expect(huberGrad(0.5)).toBe(0.5);
    expect(huberGrad(-0.25)).toBe(-0.25);
    expect(huberGrad(1)).toBe(1);
    expect(huberGrad(3)).toBe(1);
    expect(huberGrad(-2)).toBe(-1);
  });
});
