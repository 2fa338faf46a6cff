// Issue 15, item 6: js-sdsl's PriorityQueue against splitsim's EventQueue in the hold model.
// The queue keeps `pending` events; each iteration pops the earliest, calls its handler and pushes
// one event an exponential delay later. Times are integer ns (as in the kernel) and each event has
// a phase, so equal times are common at large sizes and the (time, phase, seq) tie order matters;
// js-sdsl gets that order from a comparator over (time, phase · 2^48 + seq), the key EventQueue
// itself uses. Delays and phases are drawn before the clock starts, so the timed loop holds only
// the queue's work and the handler call: shared overhead in both loops would pull the ratio
// towards 1 and blur the 10 % rule the decision uses.
// Sides: "eventqueue" (ours), "pq" (js-sdsl, a new entry object per push, as a plain switch would
// do) and "pq-pooled" (js-sdsl, the popped entry reused for the push: its best case, no allocation).
// The three loops are written out separately so each child process measures one monomorphic loop.
// The checksum hashes the popped args in pop order (args are unique), so equal checksums mean the
// same pop sequence.
import { PriorityQueue } from "js-sdsl";
import { EventQueue, PHASE_SHIFT, type Handler, type Phase } from "../../src/core/event-queue.js";
import { exponential, mulberry32 } from "../lib/prng.js";
import { peakRssMB, type CaseResult } from "../lib/result.js";

export const HOLD_SIDES = ["eventqueue", "pq", "pq-pooled"] as const;
export type HoldSide = (typeof HOLD_SIDES)[number];

/** Mean delay, ns: 1 ms, a service time's order. Tests pass a few ns to force ties. */
export const HOLD_MEAN_NS = 1e6;

/** Iterations of the hold loop, as in bench/cases/hold.ts: at least 2e6, each event popped ~twice. */
export function sdslHoldIterations(pending: number): number {
  return Math.max(2e6, 2 * pending);
}

/** One event as js-sdsl holds it: an object per entry (its heap is an Array of elements). */
interface Entry {
  time: number;
  /** phase · 2^48 + seq, as in EventQueue. */
  key: number;
  handler: Handler;
  arg: number;
}

/** (time, phase, seq) order; times and keys are exact integers, so the differences are exact. */
const byTimePhaseSeq = (a: Entry, b: Entry): number => a.time - b.time || a.key - b.key;

/** The same draws for every side: integer delays (≥ 0 ns, 0 gives same-instant ties) and phases. */
function draws(count: number, meanNs: number): { delays: Float64Array; phases: Uint8Array } {
  const u = mulberry32(1);
  const delays = new Float64Array(count);
  const phases = new Uint8Array(count);
  // Phases 0..4 are EventQueue's Trace..Observe.
  for (let i = 0; i < count; i++) {
    delays[i] = Math.round(exponential(u, meanNs));
    phases[i] = Math.floor(u() * 5);
  }
  return { delays, phases };
}

/** Order-sensitive 32-bit hash of the popped args (FNV-1a style step). */
function mix(hash: number, arg: number): number {
  return Math.imul(hash ^ arg, 0x01000193);
}

export function sdslHold(side: HoldSide, pending: number, iterations = sdslHoldIterations(pending), meanNs = HOLD_MEAN_NS): CaseResult {
  const { delays, phases } = draws(pending + iterations, meanNs);
  const run = side === "eventqueue" ? holdEventQueue : side === "pq" ? holdPq : holdPqPooled;
  const { seconds, hash, lastTime } = run(pending, iterations, delays, phases);
  return {
    case: `sdsl-hold-${side}`,
    size: pending,
    events: iterations,
    seconds,
    rssMB: peakRssMB(),
    extra: { checksum: hash >>> 0, lastTime },
  };
}

interface Timed {
  seconds: number;
  hash: number;
  lastTime: number;
}

function holdEventQueue(pending: number, iterations: number, delays: Float64Array, phases: Uint8Array): Timed {
  const q = new EventQueue();
  let hash = 0x811c9dc5;
  const h: Handler = (arg) => {
    hash = mix(hash, arg);
  };
  for (let i = 0; i < pending; i++) q.push(delays[i]!, phases[i]! as Phase, h, i);
  const t0 = performance.now();
  for (let i = pending; i < pending + iterations; i++) {
    q.pop()!(q.poppedArg);
    q.push(q.poppedTime + delays[i]!, phases[i]! as Phase, h, i);
  }
  const seconds = (performance.now() - t0) / 1e3;
  return { seconds, hash, lastTime: q.poppedTime };
}

function holdPq(pending: number, iterations: number, delays: Float64Array, phases: Uint8Array): Timed {
  const q = new PriorityQueue<Entry>([], byTimePhaseSeq, false);
  let hash = 0x811c9dc5;
  const h: Handler = (arg) => {
    hash = mix(hash, arg);
  };
  let seq = 0;
  for (let i = 0; i < pending; i++) q.push({ time: delays[i]!, key: phases[i]! * PHASE_SHIFT + seq++, handler: h, arg: i });
  let now = 0;
  const t0 = performance.now();
  for (let i = pending; i < pending + iterations; i++) {
    const e = q.pop()!;
    now = e.time;
    e.handler(e.arg);
    q.push({ time: now + delays[i]!, key: phases[i]! * PHASE_SHIFT + seq++, handler: h, arg: i });
  }
  const seconds = (performance.now() - t0) / 1e3;
  return { seconds, hash, lastTime: now };
}

function holdPqPooled(pending: number, iterations: number, delays: Float64Array, phases: Uint8Array): Timed {
  const q = new PriorityQueue<Entry>([], byTimePhaseSeq, false);
  let hash = 0x811c9dc5;
  const h: Handler = (arg) => {
    hash = mix(hash, arg);
  };
  let seq = 0;
  for (let i = 0; i < pending; i++) q.push({ time: delays[i]!, key: phases[i]! * PHASE_SHIFT + seq++, handler: h, arg: i });
  let now = 0;
  const t0 = performance.now();
  for (let i = pending; i < pending + iterations; i++) {
    const e = q.pop()!;
    now = e.time;
    e.handler(e.arg);
    // The entry is off the heap once popped, so it can carry the next event (a kernel would keep
    // a free list; in the hold model the pushed event always follows a pop).
    e.time = now + delays[i]!;
    e.key = phases[i]! * PHASE_SHIFT + seq++;
    e.handler = h;
    e.arg = i;
    q.push(e);
  }
  const seconds = (performance.now() - t0) / 1e3;
  return { seconds, hash, lastTime: now };
}
