// Bits per boundary tensor within an accuracy budget (coach-decc.md §1.4.3 `minBits`): the fewest
// wire levels whose combined loss stays within the budget, found by dichotomous search over the
// ordered levels, which is valid because a tensor's loss never grows with its bits. The raw input
// always goes as a uint8 image and loses nothing.
import { RAW_INPUT } from "../../workload/model.js";
import { WIRE_BITS } from "../../workload/quantization.js";

/** The wire levels, fewest bits first. */
export const LEVELS: readonly number[] = [...WIRE_BITS].sort((a, b) => a - b);

export type LossCombine = "sum" | "max";

/** Loss in percentage points of sending tensor `t` (RAW_INPUT or a layer) at `bits`. */
export type TensorLoss = (t: number, bits: number) => number;

export interface BitChoice {
  /** Bits per tensor, aligned with the tensors given (8 for the raw input). */
  bits: number[];
  /** The plan's loss: the sum or the max over its tensors. */
  loss: number;
  /** Whether the budget holds (false only when even 32 bits lose more than it). */
  withinBudget: boolean;
}

/** Rounding slack on the budget: 0.1 + 0.4 is 0.5000000000000001, and is within 0.5. */
const SLACK = 1e-9;

/** Index into `levels` (ascending) of the fewest bits with f(level) ≤ budget; the last index if none. */
export function fewestLevel(f: (bits: number) => number, budget: number, levels: readonly number[] = LEVELS): number {
  let lo = 0;
  let hi = levels.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (f(levels[mid]!) <= budget + SLACK) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * `max`: each tensor independently at its fewest bits within the budget (optimal). `sum`: the
 * fewest common level whose summed loss is within the budget, then each tensor, largest first
 * (`elements`), lowered a level at a time while the sum stays within it — deterministic, and
 * never above the budget when 32 bits are.
 */
export function allocateBits(
  tensors: readonly number[], elements: readonly number[], loss: TensorLoss, budget: number, combine: LossCombine,
  levels: readonly number[] = LEVELS,
): BitChoice {
  const sent = tensors.map((t, i) => ({ t, i })).filter((x) => x.t !== RAW_INPUT);
  const level = new Array<number>(tensors.length).fill(-1);
  if (combine === "max") {
    for (const { t, i } of sent) level[i] = fewestLevel((b) => loss(t, b), budget, levels);
  } else {
    const total = (b: number): number => sent.reduce((s, { t }) => s + loss(t, b), 0);
    const common = fewestLevel(total, budget, levels);
    for (const { i } of sent) level[i] = common;
    let sum = sent.reduce((s, { t, i }) => s + loss(t, levels[level[i]!]!), 0);
    const bySize = [...sent].sort((a, b) => elements[b.i]! - elements[a.i]! || a.i - b.i);
    for (const { t, i } of bySize) {
      while (level[i]! > 0) {
        const next = sum - loss(t, levels[level[i]!]!) + loss(t, levels[level[i]! - 1]!);
        if (next > budget + SLACK) break;
        sum = next;
        level[i]!--;
      }
    }
  }
  const bits = tensors.map((t, i) => (t === RAW_INPUT ? 8 : levels[level[i]!]!));
  const losses = tensors.map((t, i) => (t === RAW_INPUT ? 0 : loss(t, bits[i]!)));
  const combined = losses.length === 0 ? 0 : combine === "max" ? Math.max(...losses) : losses.reduce((a, b) => a + b, 0);
  return { bits, loss: combined, withinBudget: combined <= budget + SLACK };
}
