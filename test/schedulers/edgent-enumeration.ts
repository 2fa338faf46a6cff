// The tests' own enumeration of Edgent's static rule, written apart from src/schedulers: every
// (exit, cut) pair's unloaded latency from per-layer times, tensor sizes and link rates, then the
// most accurate pair within the deadline (then the fastest). Shared by the edgent tests.
import { computeTimeNs } from "../../src/workload/compute-model.js";
import { getDevice } from "../../src/workload/devices.js";
import { Model } from "../../src/workload/model.js";

export interface Setting {
  device: string;
  target: string;
  mbps: number;
  /** One-way propagation of each link, ms. */
  latencyMs: number;
  headerBytes: number;
}

export interface Pair {
  exit: string;
  accuracy: number;
  /** Index of the layer the exit reads (the last layer for "final"): deeper wins ties. */
  depth: number;
  /** Option order within the exit: k = 0, 1, … then all on the device. */
  order: number;
  /** The last layer run on the device, as requests.csv's `cut` names it. */
  cut: string;
  bytes: number;
  latencyNs: number;
}

/** ns of a compute step, as docs/compute-model.md charges it: ⌈Σ layer ms · 10⁶⌉. */
function stepNs(model: Model, layers: number[], device: string): number {
  return layers.length === 0 ? 0 : computeTimeNs(model, layers, getDevice(device)!, 1, "fp32");
}

const span = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

/** Transmission at a constant rate, rounded up to the ns (a float hair above an integer is that integer). */
function sendNs(bytes: number, mbps: number): number {
  const x = (bytes * 1e9) / (mbps * 125_000);
  return Math.abs(x - Math.round(x)) < 1e-6 ? Math.round(x) : Math.ceil(x);
}

function tensorBytes(model: Model, t: number, headerBytes: number): number {
  return (t < 0 ? model.inputElements : model.outputElements[t]! * 4) + headerBytes;
}

/** Every pair of every exit (the final classifier first), with its unloaded latency. */
export function allPairs(model: Model, s: Setting): Pair[] {
  const L = model.layerCount;
  const exits = [
    { name: "final", after: L - 1, accuracy: model.accuracy!, head: null as Model | null },
    ...model.exits.map((e) => ({ name: e.name, after: e.afterIndex, accuracy: e.accuracy, head: e.head })),
  ];
  const pairs: Pair[] = [];
  const back = (m: Model): number => sendNs(m.finalOutputElements * 4 + s.headerBytes, s.mbps) + s.latencyMs * 1e6;
  for (const e of exits) {
    const headLayers = e.head === null ? [] : span(0, e.head.layerCount);
    const headOn = (dev: string): number => (e.head === null ? 0 : stepNs(e.head, headLayers, dev));
    // Remote: layers [0, k) on the device, the rest of the path and the head on the target.
    const lastK = e.head === null ? e.after : e.after + 1;
    for (let k = 0; k <= lastK; k++) {
      const sent = new Set<number>();
      if (k === e.after + 1) sent.add(e.after);
      for (let j = k; j <= e.after; j++) for (const t of model.inputs[j]!) if (t < k) sent.add(t);
      const bytes = [...sent].reduce((a, t) => a + tensorBytes(model, t, s.headerBytes), 0);
      const latencyNs = stepNs(model, span(0, k), s.device) + sendNs(bytes, s.mbps) + s.latencyMs * 1e6 +
        stepNs(model, span(k, e.after + 1), s.target) + headOn(s.target) + back(e.head ?? model);
      pairs.push({ exit: e.name, accuracy: e.accuracy, depth: e.after, order: k, cut: k === 0 ? "input" : model.names[k - 1]!, bytes, latencyNs });
    }
    const local = stepNs(model, span(0, e.after + 1), s.device) + headOn(s.device);
    const cut = e.head === null ? model.names[L - 1]! : e.head.names[e.head.layerCount - 1]!;
    pairs.push({ exit: e.name, accuracy: e.accuracy, depth: e.after, order: lastK + 1, cut, bytes: 0, latencyNs: local });
  }
  return pairs;
}

/** Best accuracy within the deadline, then lowest latency, then the deeper exit, then fewer device layers; null: none. */
export function edgentChoice(pairs: readonly Pair[], deadlineMs: number): Pair | null {
  const ok = pairs.filter((p) => p.latencyNs <= deadlineMs * 1e6);
  ok.sort((p, q) => q.accuracy - p.accuracy || p.latencyNs - q.latencyNs || q.depth - p.depth || p.order - q.order);
  return ok[0] ?? null;
}

/** The fastest pair (then the more accurate, the deeper, fewer device layers). */
export function fastestPair(pairs: readonly Pair[]): Pair {
  return [...pairs].sort((p, q) => p.latencyNs - q.latencyNs || q.accuracy - p.accuracy || q.depth - p.depth || p.order - q.order)[0]!;
}
