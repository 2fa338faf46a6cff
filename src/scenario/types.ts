// The resolved scenario: what a validated file becomes once every default is filled in.
// Units are in the names; everything here is plain JSON data (hashable, printable).
import type { TraceData } from "../platform/bandwidth/trace-data.js";
import type { AccuracyTable } from "../workload/accuracy.js";
import type { DeviceProfile } from "../workload/devices.js";
import type { ModelSpec } from "../workload/model-spec.js";

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

export interface ResolvedNode {
  name: string;
  device: string;
  servers: number;
  maxBatch: number;
  /** Longest wait for a batch to fill; 0 = start at once with what is waiting. */
  batchTimeoutMs: number;
  /** Most works waiting at once; further arrivals drop their request. null = unbounded. */
  queueLimit: number | null;
  precision: "fp32" | "fp16" | "int8";
  /** end (requests may enter here), edge or cloud; defaults to the device's class. */
  role: "end" | "edge" | "cloud";
}

/** Piecewise-constant bandwidth: [t_s, mbps] points, each rate holding until the next point. */
export type Bandwidth =
  | { kind: "constant"; mbps: number }
  | { kind: "profile"; points: Array<[number, number]>; loop: boolean; periodS: number | null }
  | ResolvedTrace;

/** A trace file or synthetic trace, read at load time (its data is hashed by content). */
export interface ResolvedTrace {
  kind: "trace";
  /** The file as written in the scenario, or "synthetic:<kind>". */
  source: string;
  /** The format it was read as (detected when the scenario said auto). */
  format: string;
  /** Rates already scaled and floored, in bit/s. */
  data: TraceData;
  /** Where simulation time 0 reads the trace, s; "random" draws it per seed (stream trace-offset/<link>). */
  offsetS: number | "random";
  loop: boolean;
}

export interface ResolvedLink {
  name: string;
  from: string;
  to: string;
  bandwidth: Bandwidth;
  latencyMs: number;
  discipline: "fifo" | "shared";
}

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

export interface ResolvedScenario {
  name: string;
  /** Directory of the scenario file; relative paths in it resolve against this. */
  baseDir: string;
  seed: number;
  nodes: ResolvedNode[];
  links: ResolvedLink[];
  sources: ResolvedSource[];
  /** Every model the sources use, by the name the sources refer to it with. */
  models: Record<string, ModelSpec>;
  warmupRequests: number;
  noise: { compute: ComputeNoise };
  /** Bytes on the wire per tensor on top of its payload (shape and dtype header). */
  wire: { headerBytes: number; resultBytes: number | null };
  /** Default bandwidth estimator for schedulers (a scheduler's own `estimator` option wins). */
  estimator: EstimatorSpec;
  schedulers: string[];
  options: Record<string, Record<string, unknown>>;
  /** Device profiles the scenario defines (nodes look here before the built-in ones). */
  devices: Record<string, DeviceProfile>;
  /** Measured accuracy-loss tables by model name (models without one use the default curve). */
  accuracy: Record<string, AccuracyTable>;
}

export type EstimatorSpec =
  | { kind: "oracle" }
  | { kind: "last" }
  | { kind: "ewma"; alpha: number }
  | { kind: "harmonic"; window: number };
