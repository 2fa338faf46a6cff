// Device memory a model part needs (docs/memory.md): its weights at the precision, plus the peak of
// the tensors live at once while its layers run in file (topological) order, per batch item. Pure;
// called once per compute cost and per scenario build, never per event.
import { BYTES_PER_ELEMENT } from "./compute-model.js";
import { USABLE_MEMORY_FRACTION, type DeviceProfile, type Precision } from "./devices.js";
import { RAW_INPUT, type Model } from "./model.js";

/** What a part needs: bytes(b) = weightBytes + b · activationBytesPerItem. */
export interface MemoryNeed {
  /** Weights of the part's layers at the precision (read once, shared by a batch). */
  readonly weightBytes: number;
  /** Peak bytes of live tensors for one batch item. */
  readonly activationBytesPerItem: number;
}

/** Bytes a part needs for a batch of b on one server. */
export function bytesAt(need: MemoryNeed, batch: number): number {
  return need.weightBytes + batch * need.activationBytesPerItem;
}

/** Sum of the layers' weight bytes at `precision` (the model stores FP32 bytes). */
export function partWeightBytes(model: Model, layers: ArrayLike<number>, precision: Precision): number {
  let sum = 0;
  for (const l of distinctSorted(model, layers)) sum += model.weightBytes[l]!;
  return sum * (BYTES_PER_ELEMENT[precision] / 4);
}

/**
 * Peak elements of tensors live at once for one item while `layers` run in file order. A tensor is
 * live from its producer's step (or from the start, for an input from outside the part: the raw
 * input or another part's output) until the step of its last consumer within the part; an output
 * that leaves the part (read by a layer outside it, or read by none: the model's result) stays live
 * to the end, since it is sent or returned after the part. At each step the layer's inputs and its
 * output are live together (no in-place layers); the peak is taken over the steps.
 */
export function peakActivationElements(model: Model, layers: ArrayLike<number>): number {
  const list = distinctSorted(model, layers);
  if (list.length === 0) return 0;
  const inPart = new Uint8Array(model.layerCount);
  for (const l of list) inPart[l] = 1;
  const END = model.layerCount; // "live to the end of the part"
  // lastUse per tensor slot (0 = raw input, i + 1 = layer i's output); -1 = not live in this part.
  const lastUse = new Int32Array(model.layerCount + 1).fill(-1);
  for (const l of list) {
    for (const t of model.inputs[l]!) lastUse[t + 1] = Math.max(lastUse[t + 1]!, l);
    const leaves = model.consumers[l]!.length === 0 || model.consumers[l]!.some((c) => !inPart[c]);
    if (leaves) lastUse[l + 1] = END;
  }
  // Inputs from outside the part are live from the start.
  let live = 0;
  for (let t = RAW_INPUT; t < model.layerCount; t++) {
    if (lastUse[t + 1]! >= 0 && (t === RAW_INPUT || !inPart[t])) live += model.tensorElements(t);
  }
  let peak = live;
  for (const l of list) {
    live += model.outputElements[l]!;
    if (live > peak) peak = live;
    // Free what this step read last (each tensor once, even if read twice); an unread output at once.
    const ins = model.inputs[l]!;
    for (let k = 0; k < ins.length; k++) {
      const t = ins[k]!;
      if (lastUse[t + 1] === l && ins.indexOf(t) === k) live -= model.tensorElements(t);
    }
    if (lastUse[l + 1] === -1) live -= model.outputElements[l]!;
  }
  return peak;
}

/** Weights and peak activations of `layers` of `model` at `precision`. */
export function memoryNeed(model: Model, layers: ArrayLike<number>, precision: Precision): MemoryNeed {
  return {
    weightBytes: partWeightBytes(model, layers, precision),
    activationBytesPerItem: peakActivationElements(model, layers) * BYTES_PER_ELEMENT[precision],
  };
}

/** The fraction of the device's memory inference may use: its own, or its class default. */
export function usableFraction(device: DeviceProfile): number {
  return device.usableMemoryFraction ?? USABLE_MEMORY_FRACTION[device.class];
}

/** Bytes inference may use on `device`; Infinity for a device that gives no capacity. */
export function usableMemoryBytes(device: DeviceProfile): number {
  return device.memoryBytes === undefined ? Infinity : device.memoryBytes * usableFraction(device);
}

/**
 * The largest batch b with weightBytes + servers · b · activationBytesPerItem ≤ usable (each of a
 * node's servers holds its own batch; the weights are held once): 0 when not even b = 1 fits,
 * Infinity when activations take nothing or memory is unlimited.
 */
export function largestBatch(need: MemoryNeed, usable: number, servers = 1): number {
  if (need.weightBytes + servers * need.activationBytesPerItem > usable) return 0;
  if (!Number.isFinite(usable) || need.activationBytesPerItem === 0) return Infinity;
  return Math.floor((usable - need.weightBytes) / (servers * need.activationBytesPerItem));
}

/** Bytes with their MB figure, for messages: "111,861,920 bytes (111.9 MB)". */
export function bytesText(bytes: number): string {
  return `${Math.round(bytes).toLocaleString("en-US")} bytes (${(bytes / 1e6).toFixed(1)} MB)`;
}

/** Layers of a part, each once, in file order (a checked copy). */
function distinctSorted(model: Model, layers: ArrayLike<number>): number[] {
  const out = [...new Set(Array.from(layers))].sort((a, b) => a - b);
  for (const l of out) if (!(Number.isInteger(l) && l >= 0 && l < model.layerCount)) throw new RangeError(`model ${model.name} has no layer ${l}`);
  return out;
}
