// Issue 15, item 6: js-sdsl's Deque against splitsim's RingQueue in a station's FIFO workload.
// The queue is filled to `length` items; each iteration pushes one at the back and takes one, so
// the length stays steady, as a station's waiting queue does under a steady load. Two workloads:
//   fifo: every take is a shift (the common path of stations and links);
//   pick: every 64th take is removeAt(i) with i in 1..4 instead, as a batching station or a link
//         pick policy takes a work near the front (the index follows a fixed pattern: no draws).
// Items are preallocated objects (Work records are pooled in the kernel too), so neither side
// allocates in the timed loop except for its own storage.
// js-sdsl 4.4.2's Deque.eraseElementByPos is wrong for a middle position: it copies element
// pos + 1 into pos and drops the *last* element (see docs/decisions.md), so the Deque side removes
// with the same tail shift RingQueue.removeAt does, through getElementByPos/setElementByPos and
// popBack: the fix a user of the library would write.
// The checksum hashes the ids of the taken items in order: equal checksums, same sequence.
import { Deque } from "js-sdsl";
import { RingQueue } from "../../src/core/ring-queue.js";
import { peakRssMB, type CaseResult } from "../lib/result.js";

export const FIFO_SIDES = ["ringqueue", "deque"] as const;
export type FifoSide = (typeof FIFO_SIDES)[number];
export type FifoWorkload = "fifo" | "pick";

/**
 * Iterations (one push + one take each), whatever the length: the per-op cost is what is compared.
 * 2e7 because an iteration takes about 10 ns: fewer would time mostly the JIT's warm-up.
 */
export const FIFO_ITERATIONS = 2e7;
/** Every PICK_EVERY-th take is a removeAt in the pick workload. */
export const PICK_EVERY = 64;

interface Item {
  id: number;
}

/** Index of the take in iteration `k`: 0 (shift) or, every PICK_EVERY-th one, 1..4. */
function pickIndex(workload: FifoWorkload, k: number, length: number): number {
  if (workload === "fifo" || k % PICK_EVERY !== PICK_EVERY - 1) return 0;
  return Math.min(1 + ((k / PICK_EVERY) & 3), length - 1);
}

/** More items than can wait at once (a pick can keep an item a few takes longer), so none is queued twice. */
function items(length: number): Item[] {
  const out: Item[] = [];
  for (let i = 0; i < 2 * length + 64; i++) out.push({ id: i });
  return out;
}

export function sdslFifo(side: FifoSide, workload: FifoWorkload, length: number, iterations = FIFO_ITERATIONS): CaseResult {
  // The pattern of take indexes is computed before the clock starts, the same for both sides.
  const picks = new Uint8Array(iterations);
  for (let k = 0; k < iterations; k++) picks[k] = pickIndex(workload, k, length + 1);
  const pool = items(length);
  const { seconds, hash, picked } = side === "ringqueue" ? runRing(length, iterations, picks, pool) : runDeque(length, iterations, picks, pool);
  return {
    case: `sdsl-${workload}-${side}`,
    size: length,
    events: iterations,
    seconds,
    rssMB: peakRssMB(),
    extra: { checksum: hash >>> 0, picked },
  };
}

interface Timed {
  seconds: number;
  hash: number;
  picked: number;
}

function runRing(length: number, iterations: number, picks: Uint8Array, pool: Item[]): Timed {
  const q = new RingQueue<Item>();
  const p = pool.length;
  for (let i = 0; i < length; i++) q.push(pool[i]!);
  let hash = 0x811c9dc5;
  let picked = 0;
  const t0 = performance.now();
  for (let k = 0; k < iterations; k++) {
    q.push(pool[(length + k) % p]!);
    const i = picks[k]!;
    let item: Item;
    if (i === 0) item = q.shift();
    else {
      item = q.removeAt(i);
      picked++;
    }
    hash = Math.imul(hash ^ item.id, 0x01000193);
  }
  const seconds = (performance.now() - t0) / 1e3;
  return { seconds, hash, picked };
}

/** removeAt(i) for a js-sdsl Deque: the tail moves down one place, as in RingQueue.removeAt. */
function dequeRemoveAt(d: Deque<Item>, i: number): Item {
  const item = d.getElementByPos(i);
  const last = d.size() - 1;
  for (let j = i; j < last; j++) d.setElementByPos(j, d.getElementByPos(j + 1));
  d.popBack();
  return item;
}

function runDeque(length: number, iterations: number, picks: Uint8Array, pool: Item[]): Timed {
  const q = new Deque<Item>();
  const p = pool.length;
  for (let i = 0; i < length; i++) q.pushBack(pool[i]!);
  let hash = 0x811c9dc5;
  let picked = 0;
  const t0 = performance.now();
  for (let k = 0; k < iterations; k++) {
    q.pushBack(pool[(length + k) % p]!);
    const i = picks[k]!;
    let item: Item;
    if (i === 0) item = q.popFront()!;
    else {
      item = dequeRemoveAt(q, i);
      picked++;
    }
    hash = Math.imul(hash ^ item.id, 0x01000193);
  }
  const seconds = (performance.now() - t0) / 1e3;
  return { seconds, hash, picked };
}
