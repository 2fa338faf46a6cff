// Runtime model: a ModelSpec as typed arrays for the hot path, plus cut helpers and early exits.
// Immutable after construction. Layer indices follow the file's (topological) order; -1 denotes the
// raw model input.
import { kernelPlan, type KernelPlan, type RuntimeName } from "./runtime.js";
import { INPUT, type ExitSpec, type LayerGeometry, type ModelSpec } from "./model-spec.js";

/** Index used for the model's raw input tensor in `inputs` and in boundaries. */
export const RAW_INPUT = -1;

/** A partition: the first `upstreamCount` layers run upstream (on the device), the rest downstream. */
export interface Cut {
  /** "input" for the empty prefix, else the name of the last upstream layer. */
  label: string;
  upstreamCount: number;
  /** Tensors sent, each once, sorted: -1 = raw input, else the index of the producing layer. */
  boundary: Int32Array;
  /** Elements of all boundary tensors (the raw input counted with its own element count). */
  boundaryElements: number;
}

type Times = Record<string, Record<string, number>>;

/** An early exit as a scheduler costs it: run layers 0..afterIndex, then the head. */
export interface ExitBranch {
  readonly name: string;
  /** Index of the main-model layer whose output the head reads. */
  readonly afterIndex: number;
  /** Top-1 accuracy of this exit, in percent. */
  readonly accuracy: number;
  /**
   * The head as its own model, named `<model>/<exit>`: its input is layer afterIndex's output, so
   * `ctx.computeCost(station, exit.head, allLayersOfHead)` prices it like any model.
   */
  readonly head: Model;
}

// Shared by every model without exits, so constructing one allocates nothing for them.
const NO_EXITS: readonly ExitBranch[] = Object.freeze([]);

export class Model {
  readonly name: string;
  readonly spec: ModelSpec;
  readonly layerCount: number;
  readonly names: readonly string[];
  readonly kinds: readonly string[];
  readonly macs: Float64Array;
  /** FP32 weight bytes. */
  readonly weightBytes: Float64Array;
  readonly outputElements: Float64Array;
  /** inputs[i] = producing layers of layer i's inputs; -1 = the raw model input. */
  readonly inputs: Int32Array[];
  /** consumers[i] = layers reading layer i's output, ascending, each once. */
  readonly consumers: Int32Array[];
  /** Layers reading the raw input, ascending. */
  readonly inputConsumers: Int32Array;
  /** Measured times per layer (device or "*" -> batch -> ms), or null. */
  readonly timeMs: ReadonlyArray<Times | null>;
  readonly inputElements: number;
  /** Elements of the last layer's output: the model's result. */
  readonly finalOutputElements: number;
  readonly totalMacs: number;
  readonly totalWeightBytes: number;
  /** Conv/pool geometry per layer (kernel, stride, padding, ...); undefined for other layers. */
  readonly geometry: ReadonlyArray<LayerGeometry | undefined>;
  /** Early exits in the order of their afterIndex; empty when the model has none. */
  readonly exits: readonly ExitBranch[];
  /** Top-1 accuracy of the final exit (the last layer), in percent, when the spec gives it. */
  readonly accuracy: number | undefined;
  private readonly index: ReadonlyMap<string, number>;
  /** Highest consumer index of each tensor (slot 0 = raw input, slot i+1 = layer i); -1 if unread. */
  private readonly lastConsumer: Int32Array;

  constructor(spec: ModelSpec) {
    const L = spec.layers.length;
    if (L === 0) throw new Error(`model ${spec.name}: no layers`);
    this.name = spec.name;
    this.spec = spec;
    this.layerCount = L;
    this.names = spec.layers.map((l) => l.name);
    this.kinds = spec.layers.map((l) => l.kind);
    this.macs = Float64Array.from(spec.layers, (l) => l.macs);
    this.weightBytes = Float64Array.from(spec.layers, (l) => l.weightBytes);
    this.outputElements = Float64Array.from(spec.layers, (l) => l.outputElements);
    this.timeMs = spec.layers.map((l) => l.timeMs);
    this.inputElements = spec.input.elements;
    this.finalOutputElements = this.outputElements[L - 1]!;
    this.totalMacs = this.macs.reduce((a, b) => a + b, 0);
    this.totalWeightBytes = this.weightBytes.reduce((a, b) => a + b, 0);
    this.geometry = spec.layers.map((l) => l.geometry);
    this.accuracy = spec.accuracy;

    const index = new Map<string, number>();
    const consumers: Array<Set<number>> = Array.from({ length: L + 1 }, () => new Set());
    this.inputs = spec.layers.map((layer, i) => {
      const ids = layer.inputs.map((ref) => {
        const j = ref === INPUT ? RAW_INPUT : (index.get(ref) ?? Number.NaN);
        // A ModelSpec from normaliseModel never fails this; a hand-built one might.
        if (Number.isNaN(j)) throw new Error(`model ${spec.name}: layer ${layer.name} reads "${ref}", not an earlier layer`);
        consumers[j + 1]!.add(i);
        return j;
      });
      if (index.has(layer.name)) throw new Error(`model ${spec.name}: duplicate layer name ${layer.name}`);
      index.set(layer.name, i);
      return Int32Array.from(ids);
    });
    this.index = index;
    this.inputConsumers = Int32Array.from(consumers[0]!);
    this.consumers = consumers.slice(1).map((s) => Int32Array.from(s));
    this.lastConsumer = Int32Array.from(consumers, (s) => (s.size === 0 ? -1 : Math.max(...s)));
    this.exits = spec.exits === undefined || spec.exits.length === 0 ? NO_EXITS : spec.exits.map((e) => this.exitBranch(e));
  }

  private exitBranch(exit: ExitSpec): ExitBranch {
    const afterIndex = this.indexOf(exit.after);
    // A ModelSpec from normaliseModel never fails this; a hand-built one might.
    if (afterIndex < 0) throw new Error(`model ${this.name}: exit ${exit.name} reads "${exit.after}", not a layer`);
    const from = this.spec.layers[afterIndex]!;
    const head = new Model({
      name: `${this.name}/${exit.name}`,
      input: { shape: from.outputShape ?? [from.outputElements], elements: from.outputElements },
      layers: exit.layers.map((l) => ({ ...l, inputs: l.inputs.map((ref) => (ref === exit.after ? INPUT : ref)) })),
    });
    return { name: exit.name, afterIndex, accuracy: exit.accuracy, head };
  }

  /** Layer index by name, or -1. */
  indexOf(name: string): number {
    return this.index.get(name) ?? -1;
  }

  /** Elements layer i reads: the sum over its inputs (a tensor listed twice counts twice). */
  inputElementsOf(i: number): number {
    let sum = 0;
    for (const j of this.inputs[i]!) sum += j === RAW_INPUT ? this.inputElements : this.outputElements[j]!;
    return sum;
  }

  /** Elements of one boundary tensor. */
  tensorElements(t: number): number {
    return t === RAW_INPUT ? this.inputElements : this.outputElements[t]!;
  }

  /**
   * The L+1 prefixes of the file's topological order, k = 0..L upstream layers.
   * Why prefixes: every prefix of a topological order is predecessor-closed, so each is a valid
   * partition, and this is the enumeration DADS describes Neurosurgeon as using on DAGs (the DAG
   * topologically sorted into a chain). It does not enumerate every closed set — their number is
   * exponential in the branch width; min-cut schedulers use boundaryOf() on their own masks.
   * k = 0 sends the raw input; k = L sends nothing (the result returns separately).
   */
  prefixCuts(): readonly Cut[] {
    // Schedulers ask per request; the model is immutable, so the L+1 cuts are built once.
    if (this.cutsCache === null) this.cutsCache = this.buildPrefixCuts();
    return this.cutsCache;
  }

  private cutsCache: readonly Cut[] | null = null;

  /** Which layers share a kernel under `runtime` (runtime.ts), built once per runtime. */
  kernels(runtime: RuntimeName): KernelPlan {
    const plan = this.kernelCache[runtime] ?? kernelPlan(this, runtime);
    this.kernelCache[runtime] = plan;
    return plan;
  }

  private readonly kernelCache: Partial<Record<RuntimeName, KernelPlan>> = {};

  private buildPrefixCuts(): Cut[] {
    const cuts: Cut[] = [];
    for (let k = 0; k <= this.layerCount; k++) {
      // Tensor t (raw input or layer < k) crosses iff some consumer is at index >= k.
      const boundary: number[] = [];
      for (let t = RAW_INPUT; t < k; t++) if (this.lastConsumer[t + 1]! >= k) boundary.push(t);
      cuts.push(this.makeCut(k === 0 ? INPUT : this.names[k - 1]!, k, Int32Array.from(boundary)));
    }
    return cuts;
  }

  /** True iff every input of every upstream layer is upstream too (or the raw input). */
  isPredecessorClosed(upstream: Uint8Array): boolean {
    this.checkMask(upstream);
    for (let i = 0; i < this.layerCount; i++) {
      if (!upstream[i]) continue;
      for (const j of this.inputs[i]!) if (j !== RAW_INPUT && !upstream[j]) return false;
    }
    return true;
  }

  /**
   * Tensors that cross from an upstream set to the rest, each once, sorted. The raw input is at
   * the device, so it crosses iff a downstream layer reads it. Outputs with no downstream reader
   * are not sent: they are already at the origin, where results go.
   */
  boundaryOf(upstream: Uint8Array): Int32Array {
    if (!this.isPredecessorClosed(upstream)) throw new Error(`model ${this.name}: the upstream set is not predecessor-closed`);
    const out: number[] = [];
    if (this.inputConsumers.some((c) => !upstream[c])) out.push(RAW_INPUT);
    for (let t = 0; t < this.layerCount; t++)
      if (upstream[t] && this.consumers[t]!.some((c) => !upstream[c])) out.push(t);
    return Int32Array.from(out);
  }

  /** Sum of the elements of boundary tensors. */
  boundaryElements(boundary: ArrayLike<number>): number {
    let sum = 0;
    for (let k = 0; k < boundary.length; k++) sum += this.tensorElements(boundary[k]!);
    return sum;
  }

  private makeCut(label: string, upstreamCount: number, boundary: Int32Array): Cut {
    return { label, upstreamCount, boundary, boundaryElements: this.boundaryElements(boundary) };
  }

  private checkMask(mask: Uint8Array): void {
    if (mask.length !== this.layerCount)
      throw new Error(`model ${this.name}: mask has ${mask.length} entries, the model ${this.layerCount} layers`);
  }
}
