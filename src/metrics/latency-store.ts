// The latencies of a run's measured requests, and the report figures made of them: the summary,
// P(latency <= D) per deadline and, with several sources, a summary per source. Exact by default:
// one 8-byte latency per request (2 more bytes for its source with several sources), in an array
// sized once when the request count is known, and summarised in place at the end (no second
// array). With a sketch (`metrics.latencySketch`), no per-request memory: log-bucket counts per
// source, quantiles within the sketch's relative error, deadlines counted exactly as requests end.
import { LatencySketch } from "./latency-sketch.js";
import { deadlineReliability } from "./series.js";
import { summarize, summarizeInPlace, type LatencySummary } from "./stats.js";

export interface LatencyFigures {
  lat: LatencySummary;
  deadlines: Array<{ deadlineMs: number; reliability: number }> | undefined;
  /** Per source (with two or more sources): its measured count and latency summary. */
  sources: Array<{ measured: number; lat: LatencySummary }> | undefined;
}

export interface LatencyStoreOptions {
  /** Latencies to expect at most (sizes the exact array once); absent: grown by doubling. */
  expected?: number;
  /** Number of sources when a per-source summary is wanted (2 to 65,535), else 0. */
  sources: number;
  deadlinesMs?: readonly number[];
  /** Relative error of the sketch; absent: exact. */
  sketch?: number;
}

export class LatencyStore {
  private latencies: Float64Array;
  /** The source of each latency (exact, several sources). */
  private latencySources: Uint16Array | null = null;
  private readonly sketches: LatencySketch[] | null;
  /** Sketch mode: measured completions within each deadline (ns limits), counted as they come. */
  private readonly limitsNs: Float64Array;
  private readonly met: Float64Array;
  private n = 0;
  /** Made once: making them reorders the exact latencies in place. */
  private figures: LatencyFigures | null = null;

  constructor(private readonly opts: LatencyStoreOptions) {
    const sketch = opts.sketch;
    this.sketches = sketch === undefined ? null : Array.from({ length: Math.max(1, opts.sources) + (opts.sources > 1 ? 1 : 0) }, () => new LatencySketch(sketch));
    const size = sketch !== undefined ? 0 : Math.max(1, opts.expected ?? 1024);
    this.latencies = new Float64Array(size);
    if (sketch === undefined && opts.sources > 1) this.latencySources = new Uint16Array(size);
    this.limitsNs = Float64Array.from(opts.deadlinesMs ?? [], (d) => Math.round(d * 1e6)); // latencies are whole ns
    this.met = new Float64Array(this.limitsNs.length);
  }

  get count(): number {
    return this.n;
  }

  add(latencyNs: number, source: number): void {
    const sk = this.sketches;
    if (sk !== null) {
      sk[0]!.add(latencyNs);
      if (sk.length > 1) sk[1 + source]!.add(latencyNs);
      for (let d = 0; d < this.limitsNs.length; d++) if (latencyNs <= this.limitsNs[d]!) this.met[d]!++;
    } else {
      if (this.n === this.latencies.length) this.grow();
      if (this.latencySources !== null) this.latencySources[this.n] = source;
      this.latencies[this.n] = latencyNs;
    }
    this.n++;
  }

  /** The figures (once; later calls return the same): `droppedMeasured` count as missing every deadline. */
  report(droppedMeasured: number): LatencyFigures {
    if (this.figures !== null) return this.figures;
    const deadlinesMs = this.opts.deadlinesMs;
    if (this.sketches !== null) {
      const total = this.n + droppedMeasured;
      const deadlines = deadlinesMs?.map((d, k) => ({ deadlineMs: d, reliability: total > 0 ? this.met[k]! / total : 0 }));
      const sources = this.sketches.length > 1 ? this.sketches.slice(1).map((s) => ({ measured: s.count, lat: s.summary() })) : undefined;
      this.figures = { lat: this.sketches[0]!.summary(), deadlines, sources };
      return this.figures;
    }
    // Deadlines and per-source samples read the latencies in arrival order, before the summary reorders them.
    const all = this.latencies.subarray(0, this.n);
    const deadlines = deadlinesMs === undefined ? undefined : deadlineReliability(all, droppedMeasured, deadlinesMs);
    const sources = this.latencySources === null ? undefined : this.perSource(all, this.latencySources);
    this.figures = { lat: summarizeInPlace(all), deadlines, sources };
    return this.figures;
  }

  private perSource(all: Float64Array, of: Uint16Array): Array<{ measured: number; lat: LatencySummary }> {
    const n = this.opts.sources;
    const counts = new Int32Array(n);
    for (let i = 0; i < all.length; i++) counts[of[i]!]!++;
    const samples = Array.from(counts, (c) => new Float64Array(c));
    const fill = new Int32Array(n);
    for (let i = 0; i < all.length; i++) samples[of[i]!]![fill[of[i]!]!++] = all[i]!;
    return samples.map((sample) => ({ measured: sample.length, lat: summarize(sample) }));
  }

  private grow(): void {
    const grown = new Float64Array(this.latencies.length * 2);
    grown.set(this.latencies);
    this.latencies = grown;
    if (this.latencySources !== null) {
      const s = new Uint16Array(grown.length);
      s.set(this.latencySources);
      this.latencySources = s;
    }
  }
}
