// The workload of a (scenario, seed): arrival times, the model of every request, the compute
// noise draws and the trace offsets, generated once from named streams and shared by all schedulers so that results
// differ by policy alone.
import { createStream } from "../core/random.js";
import type { ComputeNoise, ResolvedSource } from "./source-spec.js";
import { arrivalSequence, type ArrivalSequence } from "./arrivals.js";
import { drawContent, type SourceContent } from "./content.js";
import { NoiseTable, type NoiseLayout } from "./noise-table.js";

/** Where simulation time 0 reads a link's trace: a fixed point, or drawn per seed over a span. */
export type TraceOffset = { fixedNs: number } | { randomOverNs: number };

/** What the workload is generated from (the scenario layer derives it from a ResolvedScenario). */
export interface WorkloadSpec {
  seed: number;
  sources: readonly ResolvedSource[];
  noise: ComputeNoise;
  /** Station names, in index order: noise streams are named after them. */
  stationNames: readonly string[];
  /**
   * Per link resource (a link of its own, or a shared medium, in the platform's order): its name
   * (the offset's stream is named after it) and its offset rule.
   */
  links: ReadonlyArray<{ name: string; offset: TraceOffset }>;
}

export interface SourceWorkload {
  /** Arrival instants, drawn as a run reaches them; null for a closed source. */
  arrivals: ArrivalSequence | null;
  /** Model names in use by this source, and the index into it for each request (null: one model, all use it). */
  modelNames: string[];
  modelOf: Uint16Array | null;
  /** Scene labels and closeness per request, or null when the source has no content process. */
  content: SourceContent | null;
}

export interface Workload {
  sources: SourceWorkload[];
  /** Multiplicative compute-noise factors, or null without noise. */
  noise: NoiseTable | null;
  /** Per link resource (WorkloadSpec.links): where simulation time 0 reads its trace, ns (0 for constant links and profiles). */
  traceOffsetsNs: Float64Array;
}

/** `noiseLayout` only changes how the noise rows are kept, never a factor (tests shrink it). */
export function createWorkload(spec: WorkloadSpec, noiseLayout?: NoiseLayout): Workload {
  const seed = spec.seed;
  const sources = spec.sources.map((src, i): SourceWorkload => {
    const arrivals = arrivalSequence(src.arrivals, seed, `arrivals/${i}`);
    const modelNames = Object.keys(src.models);
    let modelOf: Uint16Array | null = null;
    if (modelNames.length > 1) {
      modelOf = new Uint16Array(src.requests);
      const weights = modelNames.map((m) => src.models[m]!);
      const total = weights.reduce((a, b) => a + b, 0);
      const mix = createStream(seed, `model-mix/${i}`);
      for (let r = 0; r < src.requests; r++) {
        let u = mix.next() * total;
        let k = 0;
        while (k < weights.length - 1 && u >= weights[k]!) u -= weights[k++]!;
        modelOf[r] = k;
      }
    }
    const content = src.content === undefined ? null : drawContent(src.content, src.requests, createStream(seed, `content/${i}`));
    return { arrivals, modelNames, modelOf, content };
  });
  const kind = spec.noise;
  const noise = kind.kind === "none" ? null : new NoiseTable(kind, seed, spec.stationNames, spec.sources.map((src) => src.requests), noiseLayout);
  // Uniform over one period (or over the data of a trace that does not loop), per seed.
  const traceOffsetsNs = Float64Array.from(spec.links, (l) =>
    "fixedNs" in l.offset ? l.offset.fixedNs : Math.floor(createStream(seed, `trace-offset/${l.name}`).next() * l.offset.randomOverNs));
  return { sources, noise, traceOffsetsNs };
}
