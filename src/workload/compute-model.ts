// Per-layer service time (DESIGN §4): a roofline with a per-kernel overhead under the device's
// runtime (runtime.ts: which layers share a kernel), the whole batch at once, or a measured time
// from the model file when it has one for the device. Times are ms;
// computeTimeNs turns a sum of layers into the integer ns the simulator schedules with.
import { efficiencyOf, type DeviceProfile, type Precision } from "./devices.js";
import type { Model } from "./model.js";
import { usesWinograd, WINOGRAD_SAVING, winogradEligible } from "./runtime.js";

/** Bytes per tensor element at each precision; FP32 weight bytes scale by this / 4. */
export const BYTES_PER_ELEMENT: Readonly<Record<Precision, number>> = { fp32: 4, fp16: 2, int8: 1 };

/**
 * Time in ms for layer `layer` on `device` for a whole batch of `batch` inputs, with the layers it
 * fuses into (its kernel host under the device's runtime, runtime.ts) in the same run — true in a
 * prefix of the model or the whole model:
 *   own kernel: overhead + max(2·MACs'·b / (peak[p]·efficiency[p]), (weightBytes·s + b·activationBytes) / memBW)
 *   fused:      max(2·MACs'·b / (peak[p]·efficiency[p]), (weightBytes·s + b·otherInputBytes) / memBW)
 *   no kernel:  0 (a view, or a concatenation its producers write in place)
 * where FLOPs count an FMA as 2 (vendor peaks do), MACs' is the MAC count divided by the Winograd
 * saving where the device and runtime use it (runtime.ts usesWinograd), s = bytesPerElement/4 rescales the FP32 weight bytes, and
 * activationBytes = (input + output elements) · bytesPerElement. A fused layer reads only the inputs
 * its kernel did not produce (a residual add's shortcut) and writes nothing of its own. Weights are
 * read once per batch, which is where batching gains come from. A measured time overrides all this.
 */
export function layerTimeMs(model: Model, layer: number, device: DeviceProfile, batch: number, precision: Precision): number {
  if (!(Number.isInteger(layer) && layer >= 0 && layer < model.layerCount))
    throw new RangeError(`model ${model.name} has no layer ${layer}`);
  checkBatch(batch);
  return layerMs(model, layer, device, batch, precision, true);
}

function layerMs(model: Model, layer: number, device: DeviceProfile, batch: number, precision: Precision, hostHere: boolean): number {
  const measured = measuredMs(model, layer, device.name, batch);
  if (measured !== null) return measured;
  const runtime = device.runtime ?? "eager";
  const plan = model.kernels(runtime);
  const host = plan.host[layer]!;
  if (host < 0) return 0;
  const bpe = BYTES_PER_ELEMENT[precision];
  const winograd = usesWinograd(device.class, runtime, precision) && winogradEligible(model, layer);
  const macs = winograd ? model.macs[layer]! / WINOGRAD_SAVING : model.macs[layer]!;
  const computeMs = (2 * macs * batch * 1e3) / (device.peakFlops[precision] * efficiencyOf(device, precision));
  const weights = model.weightBytes[layer]! * (bpe / 4);
  if (host !== layer && hostHere) {
    let other = 0;
    for (const j of model.inputs[layer]!) if (j < 0 || plan.host[j] !== host) other += model.tensorElements(j);
    return Math.max(computeMs, ((weights + batch * other * bpe) * 1e3) / device.memBytesPerSec);
  }
  const bytes = weights + batch * (model.inputElementsOf(layer) + model.outputElements[layer]!) * bpe;
  return device.layerOverheadMs + Math.max(computeMs, (bytes * 1e3) / device.memBytesPerSec);
}

/** Time in ms for the whole model (every layer) for a batch of `batch` inputs. */
export function modelTimeMs(model: Model, device: DeviceProfile, batch: number, precision: Precision): number {
  let ms = 0;
  for (let i = 0; i < model.layerCount; i++) ms += layerTimeMs(model, i, device, batch, precision);
  return ms;
}

/**
 * Integer ns for running `layers` for a whole batch: ceil(Σ layer ms · 1e6). The ceil ignores float
 * noise below a relative 1e-12, so 0.1 + 0.2 ms is 300000 ns, not 300001.
 * `scale` is the share of each layer's work that is done — one number for every layer, or one per
 * entry of `layers` (spatial partitioning: a slab of a layer's output rows). It scales only the
 * roofline part (MACs and bytes); the per-layer overhead is paid in full by any share > 0, so a
 * half slab costs more than half the layer. A measured time is split the same way: the device's
 * overhead (at most the whole time) is fixed, the rest scales.
 */
export function computeTimeNs(
  model: Model,
  layers: ArrayLike<number>,
  device: DeviceProfile,
  batch: number,
  precision: Precision,
  scale: number | ArrayLike<number> = 1,
): number {
  const uniform = typeof scale === "number";
  if (!uniform && scale.length !== layers.length) throw new RangeError(`work shares: ${scale.length} given for ${layers.length} layers`);
  checkBatch(batch);
  const hosts = model.kernels(device.runtime ?? "eager").host;
  let ms = 0;
  for (let k = 0; k < layers.length; k++) {
    const f = uniform ? scale : scale[k]!;
    if (!(f > 0 && f <= 1)) throw new RangeError(`work fraction must be in (0, 1], got ${f}`);
    const layer = layers[k]!;
    if (!(Number.isInteger(layer) && layer >= 0 && layer < model.layerCount)) throw new RangeError(`model ${model.name} has no layer ${layer}`);
    const host = hosts[layer]!;
    // A layer fused into a kernel that does not run here (a cut between them) is a kernel of its own.
    const own = host === layer || (host >= 0 && !contains(layers, host));
    const t = layerMs(model, layer, device, batch, precision, !own);
    if (f === 1) ms += t; // the exact unscaled sum, so whole layers cost what they always did
    else {
      const fixed = own ? Math.min(device.layerOverheadMs, t) : 0;
      ms += fixed + f * (t - fixed);
    }
  }
  const ns = ms * 1e6;
  return Math.max(0, Math.ceil(ns * (1 - 1e-12)));
}

/**
 * Measured time for the device (else for "*"), or null. An exact batch key wins; otherwise the
 * per-item time of the nearest measured batch below b (else the smallest above) is scaled
 * linearly: t(b) = b · t(m) / m. So a batch-1 time alone gives b · t(1) — no batching gain is
 * assumed for measured (typically CPU-style) times beyond what the file itself shows.
 * The precision is ignored: a measured time is for whatever precision it was measured at.
 */
function measuredMs(model: Model, layer: number, device: string, batch: number): number | null {
  const times = model.timeMs[layer];
  const table = times?.[device] ?? times?.["*"];
  if (!table) return null;
  const exact = table[String(batch)];
  if (exact !== undefined) return exact;
  let below = 0;
  let above = Infinity;
  for (const key of Object.keys(table)) {
    const m = Number(key);
    if (m < batch && m > below) below = m;
    if (m > batch && m < above) above = m;
  }
  const m = below > 0 ? below : above;
  const t = table[String(m)];
  return t === undefined ? null : (batch * t) / m;
}

function contains(list: ArrayLike<number>, x: number): boolean {
  for (let k = list.length - 1; k >= 0; k--) if (list[k] === x) return true;
  return false;
}

function checkBatch(batch: number): void {
  if (!(Number.isInteger(batch) && batch >= 1)) throw new RangeError(`batch must be a positive integer, got ${batch}`);
}
