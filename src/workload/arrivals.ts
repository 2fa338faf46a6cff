// Arrival instants of one source, the same for every scheduler of a (scenario, seed). They are
// drawn one at a time as the run reaches them, not stored: a list would cost 8 bytes a request for
// the whole run (issue 15, item 4). Each run takes a fresh cursor on the source's own named stream,
// so every run replays the same instants. Closed sources have none (an arrival follows a completion).
import { createStream, type RandomStream } from "../core/random.js";
import { ms, NS_PER_SEC, type Time } from "../core/time.js";
import type { Arrivals } from "./source-spec.js";

/** The next arrival instant, in order; called at most `requests` times. */
export interface ArrivalCursor {
  next(): Time;
}

/** One source's arrival process under a seed; `cursor()` starts it from its first arrival. */
export class ArrivalSequence {
  constructor(
    private readonly arrivals: Exclude<Arrivals, { kind: "closed" }>,
    private readonly seed: number,
    private readonly stream: string,
  ) {}

  cursor(): ArrivalCursor {
    const a = this.arrivals;
    switch (a.kind) {
      case "periodic":
        return new PeriodicCursor(Math.round(NS_PER_SEC / a.fps));
      case "poisson":
        return new PoissonCursor(NS_PER_SEC / a.ratePerSec, createStream(this.seed, this.stream));
      case "batch":
        return new PeriodicCursor(0);
      case "file":
        return new FileCursor(a.timesMs);
    }
  }
}

/** The sequence of a source, or null for a closed one; `stream` names its random stream. */
export function arrivalSequence(arrivals: Arrivals, seed: number, stream: string): ArrivalSequence | null {
  return arrivals.kind === "closed" ? null : new ArrivalSequence(arrivals, seed, stream);
}

/** The first at t = 0, then every period (1/fps rounded to the ns; 0 for a batch: all at t = 0). */
class PeriodicCursor implements ArrivalCursor {
  private i = 0;
  constructor(private readonly period: Time) {}
  next(): Time {
    return this.i++ * this.period;
  }
}

/** Exponential gaps accumulated in full precision, each instant rounded to the ns. */
class PoissonCursor implements ArrivalCursor {
  private t = 0;
  constructor(private readonly mean: number, private readonly stream: RandomStream) {}
  next(): Time {
    this.t += this.stream.exponential(this.mean);
    return Math.round(this.t);
  }
}

class FileCursor implements ArrivalCursor {
  private i = 0;
  constructor(private readonly timesMs: readonly number[]) {}
  next(): Time {
    return ms(this.timesMs[this.i++]!);
  }
}

/** Think time between a completion and the next arrival of a closed source. */
export function thinkTime(arrivals: Arrivals): Time {
  return arrivals.kind === "closed" ? ms(arrivals.thinkMs) : 0;
}
