// What a resolved scenario says about the workload: each source's arrivals, models and deadline,
// and the compute noise. Plain JSON data; the scenario layer resolves files into it.

export type ComputeNoise =
  | { kind: "none" }
  | { kind: "lognormal"; cv: number }
  | { kind: "exponential" };

export type Arrivals =
  | { kind: "periodic"; fps: number }
  | { kind: "poisson"; ratePerSec: number }
  | { kind: "batch" }
  | { kind: "closed"; k: number; thinkMs: number }
  | { kind: "file"; timesMs: number[] };

export interface ResolvedSource {
  /** Node the requests enter at (an end device). */
  at: string;
  /** Model name -> weight; a single model has weight 1. Keys index `ResolvedScenario.models`. */
  models: Record<string, number>;
  arrivals: Arrivals;
  requests: number;
  /** Relative deadline per request, or null for none. */
  deadlineMs: number | null;
  /** The scene-label process of its frames; absent when the source has none. */
  content?: ContentSpec;
}

/**
 * A Markov scene-label process (for cache and early-exit policies, reference coach-decc.md §1.5.3):
 * the first frame's label is uniform; each next frame keeps the previous label with probability
 * `stayProb`, else moves to one of the other labels, uniformly. Each frame also has a closeness
 * s in [0, 1] to its label's centre, drawn independently from `closeness`.
 */
export interface ContentSpec {
  labels: string[];
  stayProb: number;
  closeness: Closeness;
}

export type Closeness =
  | { kind: "beta"; a: number; b: number }
  | { kind: "uniform" }
  | { kind: "constant"; value: number };
