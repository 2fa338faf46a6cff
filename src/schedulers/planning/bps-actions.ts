// BPS's action list (halp-bps.md §2.4): the configurations (cut, batches, α, codec, pipelining)
// the learner and `oracle` choose among, from the default grid or the scenario's own grid
// or list, checked against the model and the nodes' maxBatch.
import { OptionsError } from "../../errors.js";
import { boundaryBytes } from "../../workload/quantization.js";
import type { Model } from "../../workload/model.js";
import type { BpsConfig } from "./bps-model.js";

/** A cut as written: 0..n, "input", or the name of the last layer run on the device. */
export type CutRef = number | string;

export interface ActionGrid {
  readonly cuts?: readonly CutRef[] | undefined;
  /** Offload batch sizes; the local batch is the same unless `localBatches` is given. */
  readonly batches?: readonly number[] | undefined;
  readonly localBatches?: readonly number[] | undefined;
  readonly alphas?: readonly number[] | undefined;
  readonly codecs?: readonly string[] | undefined;
  readonly pipelining?: readonly boolean[] | undefined;
}

export interface ActionItem {
  readonly cut: CutRef;
  readonly batch: number;
  readonly localBatch?: number | undefined;
  readonly alpha: number;
  readonly codec?: string | undefined;
  readonly pipelined?: boolean | undefined;
}

export const DEFAULT_BATCHES = [1, 4, 16];
export const DEFAULT_ALPHAS = [0, 0.25, 0.5, 0.75, 1];
export const DEFAULT_CODECS = ["off", "ff"];

/** Limits the list is checked against: batch sizes the nodes can run, the codecs known. */
export interface ActionLimits {
  /** maxBatch of the device (local lane and the offload lane's device part). */
  readonly deviceMaxBatch: number;
  /** maxBatch of the remote (the offload lane's remote part). */
  readonly remoteMaxBatch: number;
  readonly codecs: readonly string[];
  /** Bytes the cut tensor weighs, for the default candidate cuts. */
  readonly headerBytes: number;
}

/** Cut index of `ref` in 0..n, or an OptionsError at `path`. */
export function resolveCut(model: Model, ref: CutRef, path: string): number {
  const n = model.layerCount;
  if (typeof ref === "number") {
    if (Number.isInteger(ref) && ref >= 0 && ref <= n) return ref;
    throw new OptionsError("bps", [{ path, message: `cut ${ref} is not a whole number in 0..${n} (model '${model.name}' has ${n} layers)` }]);
  }
  const k = model.prefixCuts().findIndex((c) => c.label === ref);
  if (k >= 0) return k;
  throw new OptionsError("bps", [{ path, message: `model '${model.name}' has no layer '${ref}' (use "input", a layer name or a number 0..${n})` }]);
}

/** Cuts 0 and n and the `count` cuts in between whose tensors weigh least (ties: the earlier). */
export function defaultCuts(model: Model, headerBytes: number, count = 4): number[] {
  const cuts = model.prefixCuts();
  const n = model.layerCount;
  const inner = [];
  for (let k = 1; k < n; k++) inner.push({ k, bytes: boundaryBytes(model, cuts[k]!.boundary, 32, headerBytes) });
  inner.sort((a, b) => a.bytes - b.bytes || a.k - b.k);
  return [0, ...inner.slice(0, count).map((c) => c.k).sort((a, b) => a - b), n];
}

/**
 * The configurations, in a fixed order (cut, batch, α, codec, pipelining: the last varies fastest).
 * Default: cuts 0, n and the 4 lightest; b = b_L ∈ {1, 4, 16} (those the nodes allow); α ∈ {0, ¼,
 * ½, ¾, 1}; codec off and ff; pipelining on: 6 × 3 × 5 × 2 = 180 on a model with 5+ layers.
 */
export function bpsActions(model: Model, spec: ActionGrid | readonly ActionItem[] | undefined, limits: ActionLimits): BpsConfig[] {
  return bpsActionGrid(model, spec, limits).configs;
}

/**
 * The configurations and, for a grid, its dimensions in index order (cuts, batch pairs, α,
 * codecs, pipelining): what factored heads need. An explicit list has no dimensions (null).
 */
export function bpsActionGrid(model: Model, spec: ActionGrid | readonly ActionItem[] | undefined, limits: ActionLimits): { configs: BpsConfig[]; dims: number[] | null } {
  const maxOffload = Math.min(limits.deviceMaxBatch, limits.remoteMaxBatch);
  if (Array.isArray(spec)) {
    const list = spec as readonly ActionItem[];
    if (list.length === 0) throw new OptionsError("bps", [{ path: "actions", message: "must list at least one configuration" }]);
    const configs = list.map((a, i) => {
      const c: BpsConfig = {
        cut: resolveCut(model, a.cut, `actions.${i}.cut`), batch: a.batch, localBatch: a.localBatch ?? a.batch,
        alpha: a.alpha, codec: a.codec ?? "off", pipelined: a.pipelined ?? true,
      };
      checkConfig(c, `actions.${i}`, maxOffload, limits);
      return c;
    });
    return { configs, dims: null };
  }
  const g = (spec ?? {}) as ActionGrid;
  const cuts = g.cuts === undefined ? defaultCuts(model, limits.headerBytes) : g.cuts.map((c, i) => resolveCut(model, c, `actions.cuts.${i}`));
  const batches = g.batches ?? DEFAULT_BATCHES.filter((b) => b <= maxOffload && b <= limits.deviceMaxBatch);
  const pairs: [number, number][] = [];
  for (const b of batches) for (const bL of g.localBatches ?? [b]) pairs.push([b, bL]);
  const out: BpsConfig[] = [];
  const cutList = [...new Set(cuts)];
  const alphas = g.alphas ?? DEFAULT_ALPHAS;
  const codecs = g.codecs ?? DEFAULT_CODECS;
  const pipelining = g.pipelining ?? [true];
  for (const cut of cutList)
    for (const [batch, localBatch] of pairs)
      for (const alpha of alphas)
        for (const codec of codecs)
          for (const pipelined of pipelining) {
            const c: BpsConfig = { cut, batch, localBatch, alpha, codec, pipelined };
            checkConfig(c, "actions", maxOffload, limits);
            out.push(c);
          }
  if (out.length === 0) throw new OptionsError("bps", [{ path: "actions", message: "the grid has no configurations (an empty list in it)" }]);
  return { configs: out, dims: [cutList.length, pairs.length, alphas.length, codecs.length, pipelining.length] };
}

function checkConfig(c: BpsConfig, path: string, maxOffload: number, limits: ActionLimits): void {
  const problems: { path: string; message: string }[] = [];
  const batchOk = (b: number, max: number): boolean => Number.isInteger(b) && b >= 1 && b <= max;
  if (!batchOk(c.batch, maxOffload)) {
    problems.push({ path: `${path}.batch`, message: `batch ${c.batch} must be a whole number in 1..${maxOffload} (the smaller maxBatch of the device, ${limits.deviceMaxBatch}, and the remote, ${limits.remoteMaxBatch}; raise nodes.<name>.maxBatch to batch more)` });
  }
  if (!batchOk(c.localBatch, limits.deviceMaxBatch)) {
    problems.push({ path: `${path}.localBatch`, message: `localBatch ${c.localBatch} must be a whole number in 1..${limits.deviceMaxBatch} (the device's maxBatch)` });
  }
  if (!(c.alpha >= 0 && c.alpha <= 1)) problems.push({ path: `${path}.alpha`, message: `alpha ${c.alpha} must be in [0, 1] (the share of requests run local-only)` });
  if (!limits.codecs.includes(c.codec)) {
    problems.push({ path: `${path}.codec`, message: `codec '${c.codec}' is not in codecs (known: ${limits.codecs.join(", ")}; define others under options.bps.codecs)` });
  }
  if (problems.length > 0) throw new OptionsError("bps", problems);
}

/** A short label of a configuration, for the decision log: "k=12 b=4 bL=4 a=0.25 ff p". */
export function configLabel(c: BpsConfig): string {
  return `k=${c.cut} b=${c.batch} bL=${c.localBatch} a=${c.alpha} ${c.codec}${c.pipelined ? " p" : ""}`;
}
