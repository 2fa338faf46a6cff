// Mean queueing delay of a stream through a tandem of stages, for planners that weigh latency
// under load (neurosurgeon's `latency-load`): each stage a G/G/c queue by the Allen–Cunneen
// approximation, arrival variability passed on by Whitt's QNA linking equation. Exact for M/M/1
// and for M/G/1 (the Pollaczek–Khinchine mean); an approximation elsewhere.

/** Erlang's C: the probability of waiting in an M/M/c queue with offered load `a` = λ/μ erlangs (a < c). */
export function erlangC(c: number, a: number): number {
  if (!(Number.isInteger(c) && c >= 1)) throw new RangeError(`erlangC: servers must be a whole number >= 1, got ${c}`);
  if (!(a >= 0 && a < c)) throw new RangeError(`erlangC: offered load must be in [0, c), got ${a} for c = ${c}`);
  // Erlang B by its stable recurrence, then C = B / (1 − ρ(1 − B)).
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  const rho = a / c;
  return b / (1 - rho * (1 - b));
}

/** One stage: mean service time (any unit), its servers, and the SCV (variance / mean²) of service. */
export interface Stage {
  readonly service: number;
  readonly servers: number;
  readonly scv: number;
}

/**
 * Mean wait before service (Allen–Cunneen): Wq = C(c, λs) · s / (c − λs) · (ca² + cs²) / 2, in the
 * unit of `service`, with λ per that unit. Infinity when the stage is saturated (λs ≥ c).
 */
export function stageWait(lambda: number, st: Stage, ca2: number): number {
  if (st.service <= 0 || lambda <= 0) return 0;
  const a = lambda * st.service;
  if (a >= st.servers) return Infinity;
  return ((erlangC(st.servers, a) * st.service) / (st.servers - a)) * ((ca2 + st.scv) / 2);
}

/** Whitt's linking equation: the SCV of a G/G/c stage's departures, the next stage's arrivals. */
export function departureScv(lambda: number, st: Stage, ca2: number): number {
  if (st.service <= 0) return ca2;
  const rho = (lambda * st.service) / st.servers;
  return 1 + (1 - rho * rho) * (ca2 - 1) + ((rho * rho) / Math.sqrt(st.servers)) * (st.scv - 1);
}

/** Summed mean wait through the stages in order (zero-time stages pass the stream on unchanged). */
export function tandemWait(lambda: number, stages: readonly Stage[], arrivalScv: number): number {
  let ca2 = arrivalScv;
  let total = 0;
  for (const st of stages) {
    total += stageWait(lambda, st, ca2);
    if (total === Infinity) return Infinity;
    ca2 = departureScv(lambda, st, ca2);
  }
  return total;
}

/** SCV of the gaps between arrival times (ms, ascending); periodic gives 0, Poisson about 1. */
export function gapScv(timesMs: readonly number[]): number {
  const n = timesMs.length - 1;
  if (n < 2) return 0;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += timesMs[i + 1]! - timesMs[i]!;
  const mean = sum / n;
  if (mean <= 0) return 0;
  let sq = 0;
  for (let i = 0; i < n; i++) sq += (timesMs[i + 1]! - timesMs[i]! - mean) ** 2;
  return sq / n / (mean * mean);
}
