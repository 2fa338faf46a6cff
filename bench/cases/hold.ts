// Case 1: the event queue alone, hold model. The queue keeps `pending` events; each iteration
// pops the earliest and pushes one new event Exp(1) later. Only the hold loop is timed. The two
// loops are written out separately (not behind an adapter) so each child process measures one
// monomorphic loop, as the queue is used inside the kernel.
import { EventQueue, Phase, type Handler } from "../../src/core/event-queue.js";
import { exponential, mulberry32 } from "../lib/prng.js";
import { ReferenceHeap, type RefHandler } from "../reference/heap.js";
import { peakRssMB, type CaseResult } from "../lib/result.js";

/** Iterations of the hold loop: at least 2e6, and every initial event popped about twice. */
export function holdIterations(pending: number): number {
  return Math.max(2e6, 2 * pending);
}

export function holdSplitsim(pending: number, iterations = holdIterations(pending)): CaseResult {
  const u = mulberry32(1);
  const q = new EventQueue();
  let sum = 0;
  const h: Handler = (arg) => {
    sum += arg;
  };
  for (let i = 0; i < pending; i++) q.push(exponential(u, 1), Phase.Arrive, h, i);
  const t0 = performance.now();
  for (let i = 0; i < iterations; i++) {
    q.pop()!(q.poppedArg);
    q.push(q.poppedTime + exponential(u, 1), Phase.Arrive, h, i);
  }
  const seconds = (performance.now() - t0) / 1e3;
  // The checksum (last time, sum of popped args) is the same for both queues: same pop order.
  return { case: "hold-splitsim", size: pending, events: iterations, seconds, rssMB: peakRssMB(), extra: { lastTime: q.poppedTime, argSum: sum } };
}

export function holdReference(pending: number, iterations = holdIterations(pending)): CaseResult {
  const u = mulberry32(1);
  const q = new ReferenceHeap();
  let sum = 0;
  const h: RefHandler = (arg) => {
    sum += arg;
  };
  for (let i = 0; i < pending; i++) q.push(exponential(u, 1), h, i);
  const t0 = performance.now();
  for (let i = 0; i < iterations; i++) {
    q.pop()!(q.poppedArg);
    q.push(q.poppedTime + exponential(u, 1), h, i);
  }
  const seconds = (performance.now() - t0) / 1e3;
  return { case: "hold-reference", size: pending, events: iterations, seconds, rssMB: peakRssMB(), extra: { lastTime: q.poppedTime, argSum: sum } };
}
