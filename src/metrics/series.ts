// Time series of a run: completions, drops, throughput and latency per bin of `binNs`, from the
// first arrival T0 to the last completion T1 (the report's window). Every request counts, warm-up
// included, since the series is there to show how a run evolves. A bin holds the requests that
// completed (or were dropped) in [start, end); the last bin, whose end is T1, also holds what happens
// at or after T1 (a completion at T1, a drop after it), so the bins add up to the run's counts. Each
// bin's throughput is over its own width.
import { SplitsimError } from "../errors.js";
import type { Observer } from "../platform/observer.js";
import type { Request } from "../workload/request.js";
import { summarize } from "./stats.js";

/** More bins than this is a mistake in binMs, not a series anyone can read. */
export const MAX_BINS = 1_000_000;

export interface SeriesBin {
  startMs: number;
  endMs: number;
  completed: number;
  dropped: number;
  throughputPerSec: number;
  latencyMeanMs: number;
  latencyP95Ms: number;
  latencyMaxMs: number;
}

export interface TimeSeries {
  binMs: number;
  bins: SeriesBin[];
}

/** Records completions and drops as an observer beside the collector (see Collector.companions). */
export class SeriesRecorder implements Observer {
  private done = new Float64Array(1024);
  private latency = new Float64Array(1024);
  private count = 0;
  private readonly drops: number[] = [];

  constructor(private readonly binNs: number) {}

  complete(t: number, latencyNs: number): void {
    if (this.count === this.done.length) {
      this.done = grow(this.done);
      this.latency = grow(this.latency);
    }
    this.done[this.count] = t;
    this.latency[this.count++] = latencyNs;
  }

  drop(t: number): void {
    this.drops.push(t);
  }

  onComplete(req: Request, t: number): void {
    this.complete(t, req.completion - req.arrival);
  }

  onDrop(_req: Request, t: number): void {
    this.drop(t);
  }

  series(t0: number, t1: number): TimeSeries {
    const bin = this.binNs;
    const n = Math.max(1, Math.ceil((t1 - t0) / bin));
    if (n > MAX_BINS) {
      throw new SplitsimError(`metrics.binMs: ${bin / 1e6} ms bins would cut the run's ${(t1 - t0) / 1e6} ms into ${n} bins (at most ${MAX_BINS}): use a larger bin`);
    }
    const index = (t: number): number => Math.min(n - 1, Math.max(0, Math.floor((t - t0) / bin)));
    const lat: number[][] = Array.from({ length: n }, () => []);
    const dropped = new Int32Array(n);
    for (let i = 0; i < this.count; i++) lat[index(this.done[i]!)]!.push(this.latency[i]!);
    for (const t of this.drops) dropped[index(t)]!++;
    const bins = lat.map((ls, k): SeriesBin => {
      const start = t0 + k * bin;
      const end = k === n - 1 ? Math.max(t1, start) : start + bin;
      const s = summarize(Float64Array.from(ls));
      return {
        startMs: start / 1e6,
        endMs: end / 1e6,
        completed: ls.length,
        dropped: dropped[k]!,
        throughputPerSec: end > start ? (ls.length * 1e9) / (end - start) : 0,
        latencyMeanMs: s.mean / 1e6,
        latencyP95Ms: s.p95 / 1e6,
        latencyMaxMs: s.max / 1e6,
      };
    });
    return { binMs: bin / 1e6, bins };
  }
}

function grow(a: Float64Array): Float64Array<ArrayBuffer> {
  const out = new Float64Array(a.length * 2);
  out.set(a);
  return out;
}

/** P(latency <= D) for each deadline: completed measured requests within D over all measured ones (drops miss). */
export function deadlineReliability(latenciesNs: Float64Array, droppedMeasured: number, deadlinesMs: readonly number[]): Array<{ deadlineMs: number; reliability: number }> {
  const total = latenciesNs.length + droppedMeasured;
  return deadlinesMs.map((d) => {
    const limit = Math.round(d * 1e6); // latencies are whole ns
    let met = 0;
    for (let i = 0; i < latenciesNs.length; i++) if (latenciesNs[i]! <= limit) met++;
    return { deadlineMs: d, reliability: total > 0 ? met / total : 0 };
  });
}
