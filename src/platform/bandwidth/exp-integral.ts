// The exponential integral E₁(x) = ∫_x^∞ e^{−t}/t dt for x > 0, and the scaled e^x·E₁(x) that
// stays finite where e^x overflows. Power series below 1, continued fraction from 1 on (both to
// double precision, about 1e-15 relative); no dependency, so the closed forms it serves are exact.

/** Euler–Mascheroni constant γ. */
const EULER_GAMMA = 0.5772156649015329;
const EPS = Number.EPSILON;
const MAX_TERMS = 1000;

/** E₁(x) for x > 0: +∞ at 0, NaN below 0 or for NaN (E₁ is complex there). */
export function e1(x: number): number {
  if (!(x >= 0)) return NaN;
  if (x === 0) return Infinity;
  if (x < 1) return series(x);
  // e^{−x} underflows to 0 past x ≈ 745, and so does E₁; the product keeps the tiny values above.
  return continuedFraction(x) * Math.exp(-x);
}

/** e^x·E₁(x) for x > 0 (≈ 1/x for large x, where e^x alone would overflow). */
export function expE1(x: number): number {
  if (!(x >= 0)) return NaN;
  if (x === 0) return Infinity;
  return x < 1 ? Math.exp(x) * series(x) : continuedFraction(x);
}

/**
 * E₁(x) = −γ − ln x − Σ_{k≥1} (−x)^k / (k·k!) (A&S 5.1.11). For x < 1 the terms fall at least
 * as fast as 1/k!, and the sum is at most 0.8 against a result of at least 0.22, so little is
 * lost to cancellation.
 */
function series(x: number): number {
  let sum = 0;
  let term = 1; // (−x)^k / k!
  for (let k = 1; k <= MAX_TERMS; k++) {
    term *= -x / k;
    const add = term / k;
    sum += add;
    if (Math.abs(add) < Math.abs(sum) * EPS) return -EULER_GAMMA - Math.log(x) - sum;
  }
  throw new Error(`E₁(${x}): series did not converge`);
}

/**
 * e^x·E₁(x) as the even continued fraction 1/(x+1− 1²/(x+3− 2²/(x+5− …))) (A&S 5.1.22),
 * evaluated forward with the modified Lentz method (Numerical Recipes §6.3). From x = 1 it
 * converges in under ~40 steps, faster as x grows.
 */
function continuedFraction(x: number): number {
  const tiny = 1e-300;
  let b = x + 1;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i <= MAX_TERMS; i++) {
    const a = -i * i;
    b += 2;
    d = 1 / (a * d + b);
    c = b + a / c;
    const step = c * d;
    h *= step;
    if (Math.abs(step - 1) <= EPS) return h;
  }
  throw new Error(`E₁(${x}): continued fraction did not converge`);
}
