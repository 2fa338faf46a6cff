// Shape-propagating layer-DAG builder: each call checks its inputs' shapes, derives the output
// shape, MACs (one per multiply-add) and params (×4 = FP32 weight bytes) by the formulas of
// reference/models-devices.md §2.1, and appends a LayerSpec (with its geometry, for convs and
// pools). `build()` returns the ModelSpec.
import { adaptivePoolGeometry, outSize } from "../layer-geometry.js";
import { INPUT, type LayerGeometry, type LayerSpec, type ModelSpec } from "../model-spec.js";

export { outSize };

/** A size given once for both axes, or as [height, width]. */
export type Pair = number | readonly [number, number];

export interface ConvOptions {
  stride?: Pair;
  /** Zero padding per side. */
  padding?: Pair;
  groups?: number;
  dilation?: Pair;
  /** torchvision sets bias=False whenever a BatchNorm follows; plain convs and fc heads keep it. */
  bias?: boolean;
  /** A following BatchNorm folded in: its γ and β add 2·C_out params (running stats are buffers). */
  bn?: boolean;
}

export interface PoolOptions {
  /** Defaults to the kernel size, as in PyTorch. */
  stride?: Pair;
  padding?: Pair;
  /** PyTorch ceil_mode: round the output size up, but never start a window in the right padding. */
  ceilMode?: boolean;
  /** darknet maxpool: total padding k−1 split over both sides, so out = floor((h − 1)/s) + 1. */
  darknet?: boolean;
}

const pair = (p: Pair): [number, number] => (typeof p === "number" ? [p, p] : [p[0], p[1]]);

const product = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

export class ModelBuilder {
  private readonly layers: LayerSpec[] = [];
  private readonly shapes = new Map<string, number[]>();
  private last: string = INPUT;

  constructor(readonly name: string, readonly inputShape: readonly number[]) {
    this.shapes.set(INPUT, [...inputShape]);
  }

  /** The most recently added layer (or the input): the default source of a chain. */
  get tail(): string {
    return this.last;
  }

  shapeOf(tensor: string): number[] {
    const s = this.shapes.get(tensor);
    if (!s) throw new Error(`${this.name}: unknown tensor ${tensor}`);
    return [...s];
  }

  private chw(tensor: string, layer: string): [number, number, number] {
    const s = this.shapeOf(tensor);
    if (s.length !== 3) throw new Error(`${this.name}: ${layer} needs a C×H×W input, ${tensor} is ${s.join("×")}`);
    return s as [number, number, number];
  }

  private push(
    name: string, kind: string, inputs: string[], outputShape: number[], macs: number, params: number, geometry?: LayerGeometry,
  ): string {
    if (name === INPUT || this.shapes.has(name)) throw new Error(`${this.name}: duplicate layer ${name}`);
    if (outputShape.some((d) => !Number.isInteger(d) || d < 1))
      throw new Error(`${this.name}: ${name} would output ${outputShape.join("×")} (input too small?)`);
    this.layers.push({
      name, kind, inputs, outputShape, outputElements: product(outputShape), macs, weightBytes: params * 4, timeMs: null,
      ...(geometry ? { geometry } : {}),
    });
    this.shapes.set(name, outputShape);
    this.last = name;
    return name;
  }

  conv(name: string, from: string, cOut: number, k: Pair, o: ConvOptions = {}): string {
    const [cIn, h, w] = this.chw(from, name);
    const [kh, kw] = pair(k);
    const [sh, sw] = pair(o.stride ?? 1);
    const [ph, pw] = pair(o.padding ?? 0);
    const [dh, dw] = pair(o.dilation ?? 1);
    const groups = o.groups ?? 1;
    if (cIn % groups !== 0 || cOut % groups !== 0) throw new Error(`${this.name}: ${name} groups ${groups} do not divide ${cIn}→${cOut}`);
    const ho = outSize(h, kh, sh, ph, dh);
    const wo = outSize(w, kw, sw, pw, dw);
    const perOut = (cIn / groups) * kh * kw;
    const params = cOut * perOut + ((o.bias ?? true) ? cOut : 0) + (o.bn ? 2 * cOut : 0);
    const geometry = { kernel: [kh, kw], stride: [sh, sw], padding: [ph, pw], dilation: [dh, dw], groups } satisfies LayerGeometry;
    return this.push(name, "conv", [from], [cOut, ho, wo], cOut * perOut * ho * wo, params, geometry);
  }

  /** Max- or average-pooling; pooling counts 0 MACs (torchvision convention, reference §1.2). */
  pool(name: string, from: string, k: Pair, o: PoolOptions = {}): string {
    const [c, h, w] = this.chw(from, name);
    const [kh, kw] = pair(k);
    const [sh, sw] = pair(o.stride ?? k);
    const [ph, pw] = pair(o.padding ?? 0);
    const size = (x: number, kk: number, s: number, p: number): number =>
      o.darknet ? Math.floor((x - 1) / s) + 1 : outSize(x, kk, s, p, 1, o.ceilMode ?? false);
    const geometry = this.poolGeometry([kh, kw], [sh, sw], [ph, pw], o);
    return this.push(name, "pool", [from], [c, size(h, kh, sh, ph), size(w, kw, sw, pw)], 0, 0, geometry);
  }

  private poolGeometry(kernel: [number, number], stride: [number, number], padding: [number, number], o: PoolOptions): LayerGeometry {
    const g: LayerGeometry = { kernel, stride, padding, dilation: [1, 1] };
    if (o.ceilMode) g.ceilMode = true;
    if (o.darknet) {
      // darknet pads k − 1 in all: ⌊(k−1)/2⌋ before (C's −pad/2 offset), the rest after.
      const before = kernel.map((k) => Math.floor((k - 1) / 2)) as [number, number];
      const extra: [number, number] = [kernel[0] - 1 - 2 * before[0], kernel[1] - 1 - 2 * before[1]];
      g.padding = before;
      if (extra[0] > 0 || extra[1] > 0) g.extraPadEnd = extra;
    }
    return g;
  }

  /** AdaptiveAvgPool2d((oh, ow)): a fixed output size whatever the input resolution. */
  adaptiveAvgPool(name: string, from: string, out: Pair): string {
    const [c, h, w] = this.chw(from, name);
    const [oh, ow] = pair(out);
    return this.push(name, "pool", [from], [c, oh, ow], 0, 0, adaptivePoolGeometry(h, w, oh, ow));
  }

  /** Linear layer; the flatten before it is implicit (in = all elements of the input). */
  fc(name: string, from: string, out: number): string {
    const inF = product(this.shapeOf(from));
    return this.push(name, "fc", [from], [out], inF * out, inF * out + out);
  }

  /** Element-wise sum (a residual add, with any ReLU after it folded in); 0 MACs. */
  add(name: string, inputs: string[]): string {
    const shape = this.shapeOf(inputs[0] ?? "");
    for (const t of inputs)
      if (this.shapeOf(t).join("×") !== shape.join("×")) throw new Error(`${this.name}: ${name} adds different shapes`);
    return this.push(name, "add", [...inputs], shape, 0, 0);
  }

  /** torch.cat along `axis` (0 = channels of a C×H×W tensor); every other dimension must agree. */
  concat(name: string, inputs: string[], axis = 0): string {
    const shapes = inputs.map((t) => this.shapeOf(t));
    const first = shapes[0];
    if (!first) throw new Error(`${this.name}: ${name} concatenates nothing`);
    const rest = (s: number[]): string => s.filter((_, i) => i !== axis).join("×");
    if (shapes.some((s) => s.length !== first.length || rest(s) !== rest(first)))
      throw new Error(`${this.name}: ${name} concatenates incompatible shapes`);
    const out = [...first];
    out[axis] = shapes.reduce((a, s) => a + (s[axis] ?? 0), 0);
    return this.push(name, "concat", [...inputs], out, 0, 0);
  }

  /** Nearest-neighbour upsampling by an integer factor; 0 MACs. */
  upsample(name: string, from: string, scale: number): string {
    const [c, h, w] = this.chw(from, name);
    return this.push(name, "upsample", [from], [c, h * scale, w * scale], 0, 0);
  }

  /** A 0-MAC layer that keeps the elements but changes the shape (flatten, a YOLO head's view). */
  reshape(name: string, from: string, shape: number[], kind = "reshape"): string {
    if (product(shape) !== product(this.shapeOf(from))) throw new Error(`${this.name}: ${name} reshapes to a different size`);
    return this.push(name, kind, [from], [...shape], 0, 0);
  }

  build(): ModelSpec {
    if (this.layers.length === 0) throw new Error(`${this.name}: no layers`);
    return {
      name: this.name,
      input: { shape: [...this.inputShape], elements: product(this.inputShape) },
      layers: this.layers.map((l) => structuredClone(l)),
    };
  }
}
