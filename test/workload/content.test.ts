// The content process of a source (workload/content.ts): a Markov chain of scene labels and an
// independent closeness per frame, checked against closed forms. Every statistical check uses a
// fixed seed and a tolerance of 4 standard errors (a false alarm about once in 16,000 seeds),
// with the standard error worked out by hand in a comment.
import { describe, expect, it } from "vitest";
import { createStream } from "../../src/core/random.js";
import { drawContent, gamma } from "../../src/workload/content.js";
import type { Closeness, ContentSpec } from "../../src/workload/source-spec.js";

const N = 200_000;

function spec(k: number, stayProb: number, closeness: Closeness = { kind: "uniform" }): ContentSpec {
  return { labels: Array.from({ length: k }, (_, i) => `l${i}`), stayProb, closeness };
}

const draw = (s: ContentSpec, n = N, seed = 11) => drawContent(s, n, createStream(seed, "content/0"));

/** Sample mean and (n − 1) variance. */
function moments(xs: ArrayLike<number>): { mean: number; variance: number } {
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += xs[i]!;
  const mean = sum / xs.length;
  let ss = 0;
  for (let i = 0; i < xs.length; i++) ss += (xs[i]! - mean) ** 2;
  return { mean, variance: ss / (xs.length - 1) };
}

/**
 * Checks the sample mean and variance of n i.i.d. draws against a distribution's mean μ, variance
 * σ² and excess kurtosis κ: SE(mean) = σ/√n, SE(s²) = σ²·√((2 + κ)/n) (since Var(s²) ≈ (μ4 − σ⁴)/n
 * and μ4 = (3 + κ)σ⁴).
 */
function expectMoments(xs: ArrayLike<number>, mu: number, sigma2: number, kurtosis: number): void {
  const n = xs.length;
  const { mean, variance } = moments(xs);
  expect(Math.abs(mean - mu)).toBeLessThan(4 * Math.sqrt(sigma2 / n));
  expect(Math.abs(variance - sigma2)).toBeLessThan(4 * sigma2 * Math.sqrt((2 + kurtosis) / n));
}

/** Beta(a, b): mean a/(a+b), variance ab/((a+b)²(a+b+1)), excess kurtosis 6[(a−b)²(a+b+1) − ab(a+b+2)] / [ab(a+b+2)(a+b+3)]. */
function betaMoments(a: number, b: number): [number, number, number] {
  const s = a + b;
  return [a / s, (a * b) / (s * s * (s + 1)), (6 * ((a - b) ** 2 * (s + 1) - a * b * (s + 2))) / (a * b * (s + 2) * (s + 3))];
}

describe("the label chain", () => {
  // k = 4, stayProb 0.8 throughout.
  const { label } = draw(spec(4, 0.8));

  it("keeps the previous label in a fraction stayProb of the frames", () => {
    // Each step stays with probability 0.8 whatever the state, so the N − 1 stays are binomial:
    // SE = √(0.8 · 0.2 / 199,999) ≈ 8.94e-4.
    let stays = 0;
    for (let i = 1; i < N; i++) if (label[i] === label[i - 1]) stays++;
    expect(Math.abs(stays / (N - 1) - 0.8)).toBeLessThan(4 * Math.sqrt((0.8 * 0.2) / (N - 1)));
  });

  it("a change never keeps the same label (stayProb 0 changes the label every frame)", () => {
    const l = draw(spec(3, 0)).label;
    let same = 0;
    for (let i = 1; i < N; i++) if (l[i] === l[i - 1]) same++;
    expect(same).toBe(0);
  });

  it("a change moves to each of the other k − 1 labels with probability 1/(k − 1)", () => {
    // k = 3, stayProb 0: from label 0 the next is 1 or 2, each with probability 1/2. About N/3
    // steps leave label 0 (m of them); the count to 1 is binomial(m, 1/2), SE = √(m/4)/m.
    const l = draw(spec(3, 0)).label;
    let from0 = 0;
    let to1 = 0;
    for (let i = 1; i < N; i++) {
      if (l[i - 1] !== 0) continue;
      from0++;
      if (l[i] === 1) to1++;
    }
    expect(Math.abs(to1 / from0 - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / from0));
  });

  it("visits every label equally often in the long run (the chain is doubly stochastic)", () => {
    // Transition matrix P = p·I + (1 − p)/(k − 1)·(J − I): its rows and columns sum to 1, so the
    // stationary law is uniform, 1/4. Its other eigenvalues all equal λ = p − (1 − p)/(k − 1)
    // = 0.8 − 0.2/3 = 11/15, so a label's indicator has asymptotic variance
    // π(1 − π)·(1 + λ)/(1 − λ) = 3/16 · (26/15)/(4/15) = 3/16 · 6.5, and
    // SE = √(3/16 · 6.5 / N) ≈ 2.47e-3.
    const se = Math.sqrt(((3 / 16) * 6.5) / N);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < N; i++) counts[label[i]!]!++;
    for (const c of counts) expect(Math.abs(c / N - 0.25)).toBeLessThan(4 * se);
  });

  it("has mean run length 1/(1 − stayProb)", () => {
    // A run ends at each step with probability 0.2, independently: run lengths are geometric,
    // mean 1/0.2 = 5, variance p/(1 − p)² = 0.8/0.04 = 20. The last run is cut off by the end of
    // the draw, so it is left out. With R ≈ 40,000 runs, SE = √(20/R) ≈ 0.022.
    const runs: number[] = [];
    let len = 1;
    for (let i = 1; i < N; i++) {
      if (label[i] === label[i - 1]) len++;
      else {
        runs.push(len);
        len = 1;
      }
    }
    const { mean } = moments(runs);
    expect(Math.abs(mean - 5)).toBeLessThan(4 * Math.sqrt(20 / runs.length));
  });

  it("with one label always stays on it, whatever stayProb", () => {
    expect(Array.from(draw(spec(1, 0), 1000).label).every((x) => x === 0)).toBe(true);
  });

  it("starts on each label with probability 1/k", () => {
    // The first label of 4,000 seeds: binomial(4000, 1/4) per label, SE = √(3/16/4000) ≈ 6.8e-3.
    const counts = [0, 0, 0, 0];
    for (let seed = 0; seed < 4000; seed++) counts[draw(spec(4, 0.8), 1, seed).label[0]!]!++;
    for (const c of counts) expect(Math.abs(c / 4000 - 0.25)).toBeLessThan(4 * Math.sqrt(3 / 16 / 4000));
  });

  it("gives identical labels and closeness for the same seed and stream", () => {
    const s = spec(5, 0.7, { kind: "beta", a: 2, b: 5 });
    const [a, b] = [draw(s, 1000, 3), draw(s, 1000, 3)];
    expect(Array.from(b.label)).toEqual(Array.from(a.label));
    expect(Array.from(b.closeness)).toEqual(Array.from(a.closeness));
  });
});

describe("closeness", () => {
  const closeness = (c: Closeness) => draw(spec(3, 0.5, c)).closeness;

  it("Beta(2, 5) has mean 2/7 and variance 10/392", () => {
    // 2·5 / (7² · 8) = 10/392 ≈ 0.02551; excess kurtosis 6(9·8 − 10·9)/(10·9·10) = −0.12.
    const [mu, sigma2, kurtosis] = betaMoments(2, 5);
    expect([mu, sigma2, kurtosis]).toEqual([2 / 7, 10 / 392, expect.closeTo(-0.12, 12)]);
    expectMoments(closeness({ kind: "beta", a: 2, b: 5 }), mu, sigma2, kurtosis);
  });

  it("Beta(0.5, 0.5) (shapes below 1) has mean 1/2 and variance 1/8", () => {
    // 0.25 / (1 · 2) = 1/8; excess kurtosis 6(0 − 0.25·3)/(0.25·3·4) = −1.5.
    const [mu, sigma2, kurtosis] = betaMoments(0.5, 0.5);
    expect([mu, sigma2, kurtosis]).toEqual([0.5, 0.125, -1.5]);
    expectMoments(closeness({ kind: "beta", a: 0.5, b: 0.5 }), mu, sigma2, kurtosis);
  });

  it("a Beta draw is X/(X + Y) of two gamma() draws from the source's stream, after the frame's label draw", () => {
    // One label: the first frame draws its label (one uniform), later frames draw no label.
    const xs = draw(spec(1, 0.5, { kind: "beta", a: 2, b: 5 }), 50).closeness;
    const s = createStream(11, "content/0");
    s.next();
    const expected = Array.from({ length: 50 }, () => {
      const x = gamma(2, s);
      return x / (x + gamma(5, s));
    });
    expect(Array.from(xs)).toEqual(expected);
  });

  it("uniform has mean 1/2 and variance 1/12", () => {
    // Excess kurtosis of a uniform: −6/5.
    expectMoments(closeness({ kind: "uniform" }), 0.5, 1 / 12, -1.2);
  });

  it("constant gives its value on every frame", () => {
    expect(new Set(draw(spec(3, 0.5, { kind: "constant", value: 0.3 }), 1000).closeness)).toEqual(new Set([0.3]));
  });

  it("every draw lies in [0, 1], also for Beta shapes far below 1", () => {
    // Beta(0.001, 0.001) puts almost all its mass next to 0 and 1 (half each, by symmetry); the
    // Gamma(0.001) variates behind it underflow to 0 in plain arithmetic.
    for (const c of [{ kind: "beta", a: 2, b: 5 }, { kind: "beta", a: 0.5, b: 0.5 }, { kind: "beta", a: 0.001, b: 0.001 }, { kind: "uniform" }] as const) {
      const xs = draw(spec(2, 0.5, c), 20_000).closeness;
      expect(xs.every((x) => x >= 0 && x <= 1)).toBe(true);
    }
  });

  it("Beta(0.001, 0.001) falls below 1/2 about half the time", () => {
    // Symmetric: P(X < 1/2) = 1/2, binomial SE over 20,000 draws = √(1/4/20000) ≈ 3.5e-3.
    const xs = draw(spec(2, 0.5, { kind: "beta", a: 0.001, b: 0.001 }), 20_000).closeness;
    const below = xs.filter((x) => x < 0.5).length / xs.length;
    expect(Math.abs(below - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / xs.length));
  });
});

describe("gamma(shape)", () => {
  // Gamma(k, 1): mean k, variance k, excess kurtosis 6/k.
  for (const shape of [0.5, 1, 3.7]) {
    it(`Gamma(${shape}) has mean and variance ${shape}`, () => {
      const s = createStream(5, `gamma/${shape}`);
      const xs = Float64Array.from({ length: N }, () => gamma(shape, s));
      expectMoments(xs, shape, shape, 6 / shape);
    });
  }
});
