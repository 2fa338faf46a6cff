// Seeded PRNG for the benches: mulberry32 (32-bit state). The benches must be deterministic and
// the hand-written references must not depend on splitsim's own streams, so they use this one.

/** A uniform stream in [0, 1) with 32 bits of resolution. */
export type Uniform = () => number;

export function mulberry32(seed: number): Uniform {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Exponential with the given mean; 1 - u lies in (0, 1], so the log is finite. */
export function exponential(u: Uniform, mean: number): number {
  return -mean * Math.log(1 - u());
}
