// The resolved scenario: what a validated file becomes once every default is filled in.
// Units are in the names; everything here is plain JSON data (hashable, printable).
import type { AccuracyTable } from "../workload/accuracy.js";
import type { SlabRow } from "../workload/slab-table.js";
import type { DeviceProfile } from "../workload/devices.js";
import type { ModelSpec } from "../workload/model-spec.js";
import type { ResolvedLink, ResolvedNode } from "../platform/platform-spec.js";
import type { ComputeNoise, ResolvedSource } from "../workload/source-spec.js";
import type { EstimatorSpec } from "../schedulers/estimators.js";

export type { Bandwidth, ResolvedLink, ResolvedNode, ResolvedTrace } from "../platform/platform-spec.js";
export type { Arrivals, ComputeNoise, ResolvedSource } from "../workload/source-spec.js";
export type { EstimatorSpec } from "../schedulers/estimators.js";

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
  /** Measured slab times (`slabTable`), replacing the roofline for the layers they measure; absent when not given. */
  slabTable?: SlabRow[];
  /** Extra report figures; absent when the file asks for none (so older scenarios hash as before). */
  metrics?: ResolvedMetrics;
  /**
   * Plug-in schedulers named by file, by their name (the file name without its extension): the
   * path as written (relative to baseDir) and a hash of the file's text, so that a changed policy
   * changes the scenario's hash. Absent without plug-ins.
   */
  plugins?: Record<string, { file: string; sha256: string }>;
  /**
   * Named instances (`{ name, use, options }` entries of `schedulers`): instance name -> the
   * built-in or plug-in it runs; its options are `options[name]`. Absent without instances.
   */
  instances?: Record<string, string>;
  /** Where each instance's options are written in the file (for problems found when plug-ins load). */
  instanceOptionsAt?: Record<string, Array<string | number>>;
}

export interface ResolvedMetrics {
  /** Deadlines (ms, ascending) at which the report gives P(latency <= D). */
  deadlinesMs?: number[];
  /** Relative error of the latency sketch (no memory per request); absent: every latency kept, exact quantiles. */
  latencySketch?: number;
  /** Width of the time-series bins, ms. */
  binMs?: number;
}
