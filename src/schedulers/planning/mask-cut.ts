// Any predecessor-closed upstream set as a Cut-like record, so schedulers that pick their own sets
// (per-branch, min-cut, exhaustive) describe a partition the way prefixCuts() does for prefixes.
import { INPUT } from "../../workload/model-spec.js";
import type { Model } from "../../workload/model.js";

/** A partition given by its upstream mask, with the tensors it sends. */
export interface MaskCut {
  /**
   * "input" when nothing runs upstream, else the names of the upstream layers that no upstream
   * layer reads (the set's maximal layers), in layer order, joined by "+". The maximal layers
   * determine the set, so the label is unique per set; for a prefix of a chain it is the last
   * layer's name, as in prefixCuts().
   */
  label: string;
  /** upstream[i] = 1 iff layer i runs upstream (a copy: the caller may reuse its mask). */
  upstream: Uint8Array;
  /** Tensors sent, each once, sorted: -1 = raw input, else the producing layer (model.boundaryOf). */
  boundary: Int32Array;
  /** Elements of all boundary tensors. */
  boundaryElements: number;
}

/** The cut of a predecessor-closed mask; throws (via model.boundaryOf) for any other mask. */
export function maskCut(model: Model, upstream: Uint8Array): MaskCut {
  const boundary = model.boundaryOf(upstream);
  const maximal: string[] = [];
  for (let i = 0; i < model.layerCount; i++)
    if (upstream[i] && !model.consumers[i]!.some((c) => upstream[c])) maximal.push(model.names[i]!);
  return {
    label: maximal.length === 0 ? INPUT : maximal.join("+"),
    upstream: Uint8Array.from(upstream, (x) => (x ? 1 : 0)),
    boundary,
    boundaryElements: model.boundaryElements(boundary),
  };
}
