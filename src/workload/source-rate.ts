// The mean arrival rate of a source, as schedulers see it (SourceView.ratePerSec) and as
// `schedulers: all` checks what a scheduler needs: periodic fps, Poisson's rate, a file's
// measured rate; a batch and a closed loop have none.
import { ms, NS_PER_SEC } from "../core/time.js";
import type { ResolvedSource } from "./source-spec.js";

/** Mean arrivals per second; null where the process has no rate (a batch, a closed loop). */
export function meanRate(src: ResolvedSource): number | null {
  const a = src.arrivals;
  switch (a.kind) {
    case "periodic":
      return a.fps;
    case "poisson":
      return a.ratePerSec;
    case "file": {
      const n = Math.min(src.requests, a.timesMs.length);
      const spanMs = n > 1 ? a.timesMs[n - 1]! - a.timesMs[0]! : 0;
      return spanMs > 0 ? ((n - 1) * NS_PER_SEC) / ms(spanMs) : null;
    }
    default:
      return null;
  }
}
