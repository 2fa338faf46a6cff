// Case 2, hand-written side: bench/reference/mm1.ts with the rates of the splitsim scenario
// (Poisson arrivals at 50/s, exponential service with mean 10 ms; time unit ms, like its report).
import { runReferenceMm1 } from "../reference/mm1.js";
import { peakRssMB, type CaseResult } from "../lib/result.js";

export const MM1_LAMBDA_PER_SEC = 50;
export const MM1_SERVICE_MS = 10;
/** 1/(mu - lambda) in ms: 1/(0.1 - 0.05) = 20 ms. */
export const MM1_SOJOURN_MS = 1 / (1 / MM1_SERVICE_MS - MM1_LAMBDA_PER_SEC / 1e3);

export function mm1Reference(requests: number): CaseResult {
  const r = runReferenceMm1({ customers: requests, lambda: MM1_LAMBDA_PER_SEC / 1e3, mu: 1 / MM1_SERVICE_MS });
  return {
    case: "mm1-reference",
    size: requests,
    events: r.events,
    seconds: r.seconds,
    requests: r.customers,
    wallSeconds: r.seconds,
    rssMB: peakRssMB(),
    extra: { meanSojournMs: r.meanSojourn },
  };
}
