// Bytes on the wire for quantized boundary tensors (DESIGN §4) and a default accuracy-loss curve.
// Every tensor is sent once with its own header; the raw input always travels as a uint8 image.
import type { Model } from "./model.js";
import { RAW_INPUT } from "./model.js";

/** Bit widths a boundary tensor may be sent with (COACH's ordered levels, coach-decc.md §1.3.4). */
export const WIRE_BITS = [2, 3, 4, 5, 6, 7, 8, 16, 32] as const;
export type WireBits = (typeof WIRE_BITS)[number];

export function isWireBits(bits: number): bits is WireBits {
  return (WIRE_BITS as readonly number[]).includes(bits);
}

/** ⌈elements·bits/8⌉ + header: packed b-bit values, then per-tensor scale / zero point / shape. */
export function tensorBytes(elements: number, bits: number, headerBytes: number): number {
  if (!isWireBits(bits)) throw new RangeError(`cannot send a tensor with ${bits} bits; allowed: ${WIRE_BITS.join(", ")}`);
  checkCount(elements, "elements");
  checkCount(headerBytes, "headerBytes");
  return Math.ceil((elements * bits) / 8) + headerBytes;
}

/** The raw input as a uint8 image: one byte per element, plus the header. */
export function rawInputBytes(elements: number, headerBytes: number): number {
  checkCount(elements, "elements");
  checkCount(headerBytes, "headerBytes");
  return elements + headerBytes;
}

/** Bytes to send a cut's boundary: each tensor once, at `bits`, except the raw input (uint8). */
export function boundaryBytes(model: Model, boundary: ArrayLike<number>, bits: number, headerBytes: number): number {
  const seen = new Set<number>();
  let bytes = 0;
  for (let k = 0; k < boundary.length; k++) {
    const t = boundary[k]!;
    if (seen.has(t)) continue;
    seen.add(t);
    if (!(Number.isInteger(t) && t >= RAW_INPUT && t < model.layerCount))
      throw new RangeError(`model ${model.name} has no tensor ${t}`);
    bytes += t === RAW_INPUT ? rawInputBytes(model.inputElements, headerBytes) : tensorBytes(model.outputElements[t]!, bits, headerBytes);
  }
  return bytes;
}

/**
 * PLACEHOLDER default, in accuracy points lost when the boundary is quantized to `bits`, the same
 * for every model and cut. No usable published per-bit figures exist in the references: COACH
 * only states a 0.5 % loss budget met by per-layer uniform affine quantization (coach-decc.md
 * §0.1, §1.3.4, [S]), and its placeholder shape is "≈0 at 8 bits and above, small at 6, larger at
 * 4, severe at 2" [R]; BPS/HALP give none (halp-bps.md). The values below follow that shape so
 * that a 0.5 % budget admits 6 bits and above. A later issue replaces this with measured
 * (model, cut, bits) tables; all schedulers rely on is that it never increases with bits.
 */
const LOSS_PCT: Readonly<Record<WireBits, number>> = { 2: 20, 3: 6, 4: 2, 5: 0.8, 6: 0.3, 7: 0.1, 8: 0.05, 16: 0, 32: 0 };

export function accuracyLossPct(bits: number): number {
  if (!isWireBits(bits)) throw new RangeError(`no accuracy estimate for ${bits} bits; allowed: ${WIRE_BITS.join(", ")}`);
  return LOSS_PCT[bits];
}

function checkCount(n: number, what: string): void {
  if (!(Number.isInteger(n) && n >= 0)) throw new RangeError(`${what} must be a non-negative integer, got ${n}`);
}
