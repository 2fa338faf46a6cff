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
}
