// TEMPORARY stub until bps-learners.ts lands (greedy-first, never learns).
import type { RandomStream } from "../../core/random.js";
export interface Learner { readonly kind: string; act(s: Float64Array, greedy?: boolean): number; observe(s: Float64Array, a: number, r: number, n: Float64Array): void; readonly epsilon: number; freezeEpsilon(e: number): void; values(s: Float64Array): Float64Array; toJSON(): unknown; load(w: unknown): void }
export function makeLearner(kind: string, o: { actions: number; rng: RandomStream; epsIntervals?: number; binOf?: (s: Float64Array) => number; bins?: number }): Learner {
  return { kind, act: () => Math.floor(o.rng.next() * o.actions), observe() {}, epsilon: 1, freezeEpsilon() {}, values: () => new Float64Array(o.actions), toJSON: () => ({}), load() {} };
}
