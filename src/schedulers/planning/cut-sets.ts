// Every predecessor-closed upstream set (down-set) of a model's layer DAG, or of a chosen group of
// its layers, each with its boundary tensors. Their number grows exponentially with branch width,
// so the caller sets a limit; the search never visits a set that is not closed.
import type { Model } from "../../workload/model.js";
import { maskCut, type MaskCut } from "./mask-cut.js";

/**
 * Every built-in model fits: modules in series add their counts rather than multiply them. A DAG
 * with many parallel branches side by side does not, and is enumerated a group of layers at a time.
 */
export const DEFAULT_CLOSED_SET_LIMIT = 4096;

export interface ClosedSetOptions {
  /** Throw a RangeError naming the model when there are more sets than this. Default 4096. */
  limit?: number;
  /** Layers that may go either way (default: every layer); the others are fixed. */
  free?: ArrayLike<number>;
  /** Layers fixed upstream: a predecessor-closed mask (default: none). Every other non-free layer stays downstream. */
  upstream?: Uint8Array;
}

/**
 * The closed sets U with fixed ⊆ U ⊆ fixed ∪ free, each as a MaskCut, in ascending order of the
 * mask read as a binary number with layer i as bit i: ∅ (or the fixed set) first, every layer
 * upstream last, and prefixes of the file's order in the order prefixCuts() lists them.
 *
 * How: free layers are decided from the highest index down, "downstream" before "upstream" (which
 * gives that order). A layer must go upstream once one of its consumers has, and may only if all
 * its inputs can, so every branch of the search ends in a set: O(sets × free layers), not 2^L.
 */
export function enumerateClosedSets(model: Model, opts: ClosedSetOptions = {}): MaskCut[] {
  const limit = opts.limit ?? DEFAULT_CLOSED_SET_LIMIT;
  if (!(Number.isInteger(limit) && limit >= 1)) throw new RangeError(`closed-set limit must be a positive integer, got ${limit}`);
  const mask = fixedMask(model, opts.upstream);
  const free = freeLayers(model, opts.free, mask);
  const allowed = mayGoUpstream(model, mask, free);
  const out: MaskCut[] = [];
  const visit = (k: number): void => {
    if (k === free.length) {
      if (out.length === limit) {
        const scope = opts.free === undefined ? "" : ` over its ${free.length} free layers`;
        throw new RangeError(`model ${model.name} has more than ${limit} predecessor-closed sets${scope}; raise the limit or free fewer layers`);
      }
      out.push(maskCut(model, mask));
      return;
    }
    const i = free[k]!;
    if (!model.consumers[i]!.some((c) => mask[c] === 1)) visit(k + 1);
    if (allowed[i]) {
      mask[i] = 1;
      visit(k + 1);
      mask[i] = 0;
    }
  };
  visit(0);
  return out;
}

function fixedMask(model: Model, upstream: Uint8Array | undefined): Uint8Array {
  if (upstream === undefined) return new Uint8Array(model.layerCount);
  if (upstream.length !== model.layerCount)
    throw new RangeError(`model ${model.name}: upstream mask has ${upstream.length} entries, the model ${model.layerCount} layers`);
  if (!model.isPredecessorClosed(upstream)) throw new RangeError(`model ${model.name}: the fixed upstream set is not predecessor-closed`);
  return Uint8Array.from(upstream, (x) => (x ? 1 : 0));
}

/** Free layers not fixed upstream, each once, highest index first (the decision order). */
function freeLayers(model: Model, free: ArrayLike<number> | undefined, fixed: Uint8Array): number[] {
  const L = model.layerCount;
  const ids = free === undefined ? Array.from({ length: L }, (_, i) => i) : Array.from(free);
  for (const i of ids) if (!(Number.isInteger(i) && i >= 0 && i < L)) throw new RangeError(`model ${model.name} has no layer ${i}`);
  return [...new Set(ids)].filter((i) => !fixed[i]).sort((a, b) => b - a);
}

/** Layers that can be upstream: fixed ones, and free ones whose inputs all can (inputs come first). */
function mayGoUpstream(model: Model, fixed: Uint8Array, free: readonly number[]): Uint8Array {
  const isFree = new Uint8Array(model.layerCount);
  for (const i of free) isFree[i] = 1;
  const ok = Uint8Array.from(fixed);
  for (let i = 0; i < model.layerCount; i++)
    if (isFree[i] && model.inputs[i]!.every((j) => j < 0 || ok[j] === 1)) ok[i] = 1;
  return ok;
}
