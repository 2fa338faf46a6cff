// Bytes on the wire for a boundary whose tensors each have their own bit width (COACH's "precision
// for each partitioned layer", coach-decc.md §1.4.3): each tensor once with its own header.
import { RAW_INPUT, type Model } from "../../workload/model.js";
import { rawInputBytes, tensorBytes } from "../../workload/quantization.js";

/**
 * Σ over boundary[k] of ⌈elements·bitsPerTensor[k]/8⌉ + headerBytes. The raw input always goes as
 * a uint8 image, so its bitsPerTensor entry is ignored (the two arrays stay aligned). A tensor
 * listed twice is an error rather than deduplicated: with two bit widths, which would be meant?
 */
export function boundaryBytesPerTensor(
  model: Model,
  boundary: ArrayLike<number>,
  bitsPerTensor: ArrayLike<number>,
  headerBytes: number,
): number {
  if (bitsPerTensor.length !== boundary.length)
    throw new RangeError(`model ${model.name}: ${boundary.length} boundary tensors but ${bitsPerTensor.length} bit widths`);
  const seen = new Set<number>();
  let bytes = 0;
  for (let k = 0; k < boundary.length; k++) {
    const t = boundary[k]!;
    if (!(Number.isInteger(t) && t >= RAW_INPUT && t < model.layerCount))
      throw new RangeError(`model ${model.name} has no tensor ${t}`);
    if (seen.has(t)) throw new RangeError(`model ${model.name}: tensor ${t} is listed twice; a boundary sends each tensor once`);
    seen.add(t);
    bytes += t === RAW_INPUT
      ? rawInputBytes(model.inputElements, headerBytes)
      : tensorBytes(model.outputElements[t]!, bitsPerTensor[k]!, headerBytes);
  }
  return bytes;
}
