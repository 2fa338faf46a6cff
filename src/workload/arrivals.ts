// Arrival times of one source, generated once per (scenario, seed) and replayed for every
// scheduler. Closed sources have no fixed times (each arrival follows a completion).
import type { RandomStream } from "../core/random.js";
import { ms, NS_PER_SEC, type Time } from "../core/time.js";
import type { Arrivals } from "./source-spec.js";

/** Absolute arrival times in ns for `n` requests, or null for a closed source. */
export function arrivalTimes(arrivals: Arrivals, n: number, stream: RandomStream): Float64Array | null {
  const times = new Float64Array(n);
  switch (arrivals.kind) {
    case "periodic": {
      // The first at t = 0, then every 1/fps rounded to the nanosecond.
      const period = Math.round(NS_PER_SEC / arrivals.fps);
      for (let i = 0; i < n; i++) times[i] = i * period;
      return times;
    }
    case "poisson": {
      // Exponential gaps accumulated in full precision, each instant rounded to the ns.
      const mean = NS_PER_SEC / arrivals.ratePerSec;
      let t = 0;
      for (let i = 0; i < n; i++) {
        t += stream.exponential(mean);
        times[i] = Math.round(t);
      }
      return times;
    }
    case "batch":
      return times; // all at t = 0
    case "file":
      for (let i = 0; i < n; i++) times[i] = ms(arrivals.timesMs[i]!);
      return times;
    case "closed":
      return null;
  }
}

/** Think time between a completion and the next arrival of a closed source. */
export function thinkTime(arrivals: Arrivals): Time {
  return arrivals.kind === "closed" ? ms(arrivals.thinkMs) : 0;
}
