// Compute-noise factors per (station, source, request index), from one named stream per
// (station, source). Work reaches a station out of request order (queues, schedulers that reorder,
// requests that never reach it), so a factor is read by index, and the draws must not depend on
// the order of the reads. Short rows are drawn whole and shared by every scheduler of a run;
// long rows are kept as the stream's saved state every CHUNK draws, and each station regenerates
// the few chunks it is reading: memory stays flat in the run length with the very same factors.
import { createResumableStream, resumeStream, type RandomStream, type StreamState } from "../core/random.js";
import type { ComputeNoise } from "./source-spec.js";

/** How rows are kept; the defaults suit any run, tests shrink them to exercise the chunked path. */
export interface NoiseLayout {
  /** Rows of at most this many requests are drawn whole (8 bytes a request). */
  wholeUpTo: number;
  /** Draws per chunk of a long row; a saved state (~1 kB) per chunk is kept for the run. */
  chunk: number;
  /** Chunks a station keeps regenerated per source. */
  cached: number;
  /** Chunks regenerated a second time by one reader before it draws its row whole instead (bounds the cost of a scattered read order). */
  redrawLimit: number;
}

export const DEFAULT_NOISE_LAYOUT: NoiseLayout = { wholeUpTo: 1 << 20, chunk: 4096, cached: 8, redrawLimit: 64 };

/**
 * One (station, source)'s factors: whole, or the saved stream state at the start of each chunk
 * (filled in order as reads reach further; shared by every reader of the row).
 */
class NoiseRow {
  whole: Float64Array | null = null;
  readonly starts: StreamState[] = [];

  constructor(
    readonly kind: ComputeNoise,
    readonly length: number,
    readonly seed: number,
    readonly streamName: string,
    readonly layout: NoiseLayout,
  ) {}

  /** The whole row, drawn on first call. */
  drawWhole(): Float64Array {
    if (this.whole === null) {
      this.whole = new Float64Array(this.length);
      fillNoise(this.kind, this.whole, this.length, createResumableStream(this.seed, this.streamName));
    }
    return this.whole;
  }

  /** Fills `out` with chunk `c` (the last chunk of a row is short: only its part of `out`). */
  drawChunk(c: number, out: Float64Array): void {
    const size = this.layout.chunk;
    if (this.starts.length === 0) this.starts.push(createResumableStream(this.seed, this.streamName).save());
    // Chunks not reached before are drawn in order from the furthest saved state, saving each start.
    let k = Math.min(c, this.starts.length - 1);
    const stream = resumeStream(this.starts[k]!);
    for (; k < c; k++) {
      fillNoise(this.kind, out, size, stream);
      if (this.starts.length === k + 1) this.starts.push(stream.save());
    }
    fillNoise(this.kind, out, Math.min(size, this.length - c * size), stream);
    if (this.starts.length === c + 1 && (c + 1) * size < this.length) this.starts.push(stream.save());
  }
}

/**
 * A station's reader of one row: `at(index)` in O(1) for a whole row; for a chunked row, from a
 * few regenerated chunks (most reads hit the chunk of the last read). Not shared between runs,
 * because each run reads in its own order.
 */
export class NoiseReader {
  private whole: Float64Array | null;
  private readonly ids: Int32Array;
  private readonly data: Float64Array[] = [];
  private readonly shift: number;
  private last = 0;
  private victim = 0;
  private redraws = 0;
  /** Chunks regenerated at least once (a second regeneration counts against redrawLimit). */
  private readonly drawn: Uint8Array;

  /** The whole row when it is short (callers may index it directly), else null. */
  readonly wholeRow: Float64Array | null;

  constructor(private readonly row: NoiseRow) {
    const layout = row.layout;
    this.whole = this.wholeRow = row.length <= layout.wholeUpTo ? row.drawWhole() : null;
    this.ids = new Int32Array(this.whole === null ? layout.cached : 0).fill(-1);
    this.shift = Math.log2(layout.chunk);
    this.drawn = new Uint8Array(this.whole === null ? Math.ceil(row.length / layout.chunk) : 0);
  }

  /** The factor of request `index` of this row's source at this row's station. */
  at(index: number): number {
    const whole = this.whole;
    if (whole !== null) return whole[index]!;
    const c = index >>> this.shift;
    if (this.ids[this.last] !== c) {
      const s = this.slotOf(c);
      if (s < 0) return this.whole![index]!;
      this.last = s;
    }
    return this.data[this.last]![index & (this.row.layout.chunk - 1)]!;
  }

  /** The slot holding chunk c, regenerated into the oldest slot if none does; −1 once the row is read whole. */
  private slotOf(c: number): number {
    const ids = this.ids;
    for (let s = 0; s < ids.length; s++) if (ids[s] === c) return s;
    if (this.drawn[c] === 1 && ++this.redraws > this.row.layout.redrawLimit) {
      // A read order scattered over more chunks than are kept: draw the row whole from now on.
      this.whole = this.row.drawWhole();
      ids.fill(-1);
      this.data.length = 0;
      return -1;
    }
    const s = this.victim;
    this.victim = (s + 1) % ids.length;
    const out = this.data[s] ?? (this.data[s] = new Float64Array(this.row.layout.chunk));
    this.row.drawChunk(c, out);
    ids[s] = c;
    this.drawn[c] = 1;
    return s;
  }
}

/** The rows of a workload, created on first use: a station a policy never uses costs nothing. */
export class NoiseTable {
  private readonly rows: Array<NoiseRow | undefined> = [];

  constructor(
    private readonly kind: ComputeNoise,
    private readonly seed: number,
    private readonly stationNames: readonly string[],
    private readonly requestsPerSource: readonly number[],
    private readonly layout: NoiseLayout = DEFAULT_NOISE_LAYOUT,
  ) {
    if (!Number.isInteger(Math.log2(layout.chunk))) throw new Error(`noise chunk ${layout.chunk} is not a power of two`);
  }

  /** A new reader of (station, source)'s factors, for one run. */
  reader(station: number, source: number): NoiseReader {
    const key = station * this.requestsPerSource.length + source;
    let row = this.rows[key];
    if (row === undefined) {
      const name = `noise/${this.stationNames[station]!}/${source}`;
      this.rows[key] = row = new NoiseRow(this.kind, this.requestsPerSource[source]!, this.seed, name, this.layout);
    }
    return new NoiseReader(row);
  }

  /** Every factor of (station, source), drawn whole (tests and tools; runs use `reader`). */
  factors(station: number, source: number): Float64Array {
    const r = this.reader(station, source);
    const n = this.requestsPerSource[source]!;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = r.at(i);
    return out;
  }
}

/** The first n entries of `out`: multiplicative factors with mean 1 (lognormal with cv, or exponential). */
function fillNoise(noise: ComputeNoise, out: Float64Array, n: number, stream: RandomStream): void {
  if (noise.kind === "exponential") {
    for (let i = 0; i < n; i++) out[i] = stream.exponential(1);
  } else if (noise.kind === "lognormal") {
    // mean exp(mu + sigma^2/2) = 1 and cv^2 = exp(sigma^2) - 1.
    const sigma2 = Math.log(1 + noise.cv * noise.cv);
    const mu = -sigma2 / 2;
    const sigma = Math.sqrt(sigma2);
    for (let i = 0; i < n; i++) out[i] = Math.exp(mu + sigma * stream.normal());
  } else out.fill(1, 0, n);
}
