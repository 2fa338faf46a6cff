// E₁(x) against published values (Abramowitz & Stegun table 5.1, the Gompertz constant) and
// against expansions evaluated here, on both sides of the series / continued-fraction switch at 1.
import { describe, expect, it } from "vitest";
import { e1, expE1 } from "../../src/platform/bandwidth/exp-integral.js";

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);
const EULER_GAMMA = 0.57721566490153286061;
/** Gompertz constant δ = e·E₁(1) (OEIS A073003). */
const GOMPERTZ = 0.59634736232319407434;

describe("E₁(x)", () => {
  it("matches A&S table 5.1 to its 10 significant digits", () => {
    // E₁(x) for x <= 2, tabulated directly.
    for (const [x, v] of [[0.1, 1.8229239584], [0.5, 0.5597735948], [1, 0.2193839344], [2, 0.04890051071]] as const) {
      expect(rel(e1(x), v), `E₁(${x})`).toBeLessThan(1e-9);
    }
    // For x >= 2 the table gives x·e^x·E₁(x).
    for (const [x, v] of [[5, 0.8521108814], [10, 0.9156333394]] as const) {
      expect(rel(x * expE1(x), v), `${x}·e^x·E₁(${x})`).toBeLessThan(1e-9);
    }
  });

  it("gives e·E₁(1) = the Gompertz constant to 1e-14, and meets it from below 1 (series) too", () => {
    expect(rel(expE1(1), GOMPERTZ)).toBeLessThan(1e-14);
    expect(rel(e1(1), GOMPERTZ / Math.E)).toBeLessThan(1e-14);
    // E₁(1 − h) = E₁(1) + h/e + h²/e + O(h³) (E₁' = −e^{−x}/x, E₁'' = e^{−x}(1/x + 1/x²)).
    const h = 1e-7;
    expect(rel(e1(1 - h), GOMPERTZ / Math.E + h / Math.E + (h * h) / Math.E)).toBeLessThan(1e-13);
  });

  it("follows −γ − ln x + x − x²/4 for small x", () => {
    for (const x of [1e-6, 1e-10, 1e-300]) {
      expect(rel(e1(x), -EULER_GAMMA - Math.log(x) + x - (x * x) / 4), `E₁(${x})`).toBeLessThan(1e-14);
    }
  });

  it("follows the asymptotic series x·e^x·E₁(x) ~ Σ (−1)^k k!/x^k for large x, where e^x overflows", () => {
    const asymptotic = (x: number): number => {
      // 30 terms: the error is below the first left out, 30!/40^30 ≈ 2e-16 for x = 40.
      let sum = 0;
      let term = 1;
      for (let k = 0; k < 30; k++) {
        sum += term;
        term *= -(k + 1) / x;
      }
      return sum;
    };
    for (const x of [40, 1e3, 1e8]) expect(rel(x * expE1(x), asymptotic(x)), `x = ${x}`).toBeLessThan(1e-13);
    expect(rel(e1(40), (asymptotic(40) * Math.exp(-40)) / 40)).toBeLessThan(1e-13);
  });

  it("is +∞ at 0 and NaN below it", () => {
    expect([e1(0), expE1(0)]).toEqual([Infinity, Infinity]);
    expect([e1(-1), expE1(-1), e1(NaN)]).toEqual([NaN, NaN, NaN]);
  });
});
