// Reference M/M/1 with no framework: event scheduling on the reference heap, a switch on the
// event kind, a ring buffer for the waiting line. It is what splitsim's M/M/1 (through the
// public API) is compared with: the same model written as fast as plain TypeScript allows.
import { exponential, mulberry32 } from "../lib/prng.js";
import { ReferenceHeap, type RefHandler } from "./heap.js";

export interface Mm1Options {
  customers: number;
  /** Arrival rate and service rate, per unit of time (the caller picks the unit). */
  lambda: number;
  mu: number;
  seed?: number;
}

export interface Mm1Result {
  customers: number;
  /** Events the loop handled: one arrival and one departure per customer. */
  events: number;
  /** Mean time in system (wait + service); 1/(mu - lambda) in steady state. */
  meanSojourn: number;
  seconds: number;
}

const ARRIVE = 0;
const DEPART = 1;

export function runReferenceMm1(o: Mm1Options): Mm1Result {
  const seed = o.seed ?? 1;
  // Separate streams for interarrival and service times, as a simulator with named streams has.
  const ua = mulberry32(seed * 2 + 1);
  const us = mulberry32(seed * 2 + 2);
  const meanA = 1 / o.lambda;
  const meanS = 1 / o.mu;
  const heap = new ReferenceHeap(16);
  // The kind travels as the arg; one shared no-op handler keeps the payload shape the same as
  // in the hold bench (a real kernel would call it; the switch below is the dispatch).
  const noop: RefHandler = () => {};
  let cap = 1024;
  let line = new Float64Array(cap); // arrival times of customers waiting or in service
  let head = 0;
  let count = 0;
  let busy = false;
  let arrived = 0;
  let events = 0;
  let sojournSum = 0;
  let now = 0;

  const t0 = performance.now();
  heap.push(exponential(ua, meanA), noop, ARRIVE);
  while (heap.pop() !== undefined) {
    now = heap.poppedTime;
    events++;
    switch (heap.poppedArg) {
      case ARRIVE: {
        arrived++;
        if (arrived < o.customers) heap.push(now + exponential(ua, meanA), noop, ARRIVE);
        if (count === cap) {
          // Grow the ring buffer, unrolling it from head.
          const bigger = new Float64Array(cap * 2);
          for (let i = 0; i < count; i++) bigger[i] = line[(head + i) % cap]!;
          line = bigger;
          head = 0;
          cap *= 2;
        }
        line[(head + count) % cap] = now;
        count++;
        if (!busy) {
          busy = true;
          heap.push(now + exponential(us, meanS), noop, DEPART);
        }
        break;
      }
      case DEPART: {
        sojournSum += now - line[head]!;
        head = (head + 1) % cap;
        count--;
        if (count > 0) heap.push(now + exponential(us, meanS), noop, DEPART);
        else busy = false;
        break;
      }
    }
  }
  const seconds = (performance.now() - t0) / 1e3;
  return { customers: arrived, events, meanSojourn: sojournSum / arrived, seconds };
}
