// Simulation time: an integer number of nanoseconds held in a JS number (exact up to ~104 days).
// Converters round to the nearest ns; durations derived from rates use ceilNs (always up).

/** Integer nanoseconds. */
export type Time = number;

export const NS_PER_MS = 1_000_000;
export const NS_PER_SEC = 1_000_000_000;

/** Milliseconds to Time, rounded to the nearest nanosecond. */
export function ms(milliseconds: number): Time {
  return Math.round(milliseconds * NS_PER_MS);
}

/** Seconds to Time, rounded to the nearest nanosecond. */
export function sec(seconds: number): Time {
  return Math.round(seconds * NS_PER_SEC);
}

/** Time to (fractional) milliseconds. */
export function toMs(t: Time): number {
  return t / NS_PER_MS;
}

/** Time to (fractional) seconds. */
export function toSec(t: Time): number {
  return t / NS_PER_SEC;
}

/**
 * A duration computed from a rate, rounded up to the next nanosecond so that work is never
 * reported done before it is. The tiny epsilon absorbs float noise such as 3.0000000000000004.
 */
export function ceilNs(ns: number): Time {
  const r = Math.round(ns);
  return Math.abs(ns - r) < 1e-6 ? r : Math.ceil(ns);
}
