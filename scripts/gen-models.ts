// Generates scenarios/models/{vgg16,resnet50}.json from the torchvision architectures by shape
// propagation (formulas of reference/models-devices.md §2.1), and refuses to write them unless
// the totals equal torchvision's published params (exactly) and GMACs. Run: npx tsx scripts/gen-models.ts
import { writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

/** One layer as written to the model file (chain shorthand: `inputs` omitted when it is the previous layer). */
interface FileLayer {
  name: string;
  kind: string;
  inputs?: string[];
  outputShape: number[];
  macs: number;
  params: number;
}

interface ConvOptions {
  stride?: number;
  padding?: number;
  groups?: number;
  /** torchvision: bias=False whenever a BatchNorm follows. */
  bias?: boolean;
  /** A following BatchNorm, folded in: adds γ and β (2·C_out) to the params. */
  bn?: boolean;
}

/** PyTorch floor-mode output size: floor((H + 2p − d(k−1) − 1)/s) + 1 with d = 1. */
function outSize(h: number, k: number, s: number, p: number): number {
  return Math.floor((h + 2 * p - (k - 1) - 1) / s) + 1;
}

function product(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Tracks each tensor's shape so that every layer's output size and MACs follow from its inputs. */
export class Builder {
  readonly layers: FileLayer[] = [];
  private readonly shapes = new Map<string, number[]>();
  private last = "input";

  constructor(readonly name: string, readonly inputShape: number[]) {
    this.shapes.set("input", inputShape);
  }

  private shapeOf(tensor: string): number[] {
    const s = this.shapes.get(tensor);
    if (!s) throw new Error(`${this.name}: unknown tensor ${tensor}`);
    return s;
  }

  private add(layer: Omit<FileLayer, "inputs">, inputs: string[]): string {
    if (this.shapes.has(layer.name)) throw new Error(`${this.name}: duplicate layer ${layer.name}`);
    const chained = inputs.length === 1 && inputs[0] === this.last;
    const { name, kind, ...rest } = layer;
    this.layers.push(chained ? layer : { name, kind, inputs, ...rest });
    this.shapes.set(layer.name, layer.outputShape);
    this.last = layer.name;
    return layer.name;
  }

  conv(name: string, from: string, cOut: number, k: number, o: ConvOptions = {}): string {
    const [cIn, h, w] = this.shapeOf(from) as [number, number, number];
    const { stride = 1, padding = 0, groups = 1, bias = true, bn = false } = o;
    const ho = outSize(h, k, stride, padding);
    const wo = outSize(w, k, stride, padding);
    const perOut = (cIn / groups) * k * k;
    const params = cOut * perOut + (bias ? cOut : 0) + (bn ? 2 * cOut : 0);
    return this.add({ name, kind: "conv", outputShape: [cOut, ho, wo], macs: cOut * perOut * ho * wo, params }, [from]);
  }

  maxpool(name: string, from: string, k: number, stride: number, padding = 0): string {
    const [c, h, w] = this.shapeOf(from) as [number, number, number];
    const shape = [c, outSize(h, k, stride, padding), outSize(w, k, stride, padding)];
    return this.add({ name, kind: "maxpool", outputShape: shape, macs: 0, params: 0 }, [from]);
  }

  /** AdaptiveAvgPool2d((oh, ow)); pooling is not counted in MACs (torchvision convention, §1.2). */
  adaptiveAvgpool(name: string, from: string, oh: number, ow: number): string {
    const [c] = this.shapeOf(from) as [number];
    return this.add({ name, kind: "avgpool", outputShape: [c, oh, ow], macs: 0, params: 0 }, [from]);
  }

  /** Linear layer; the flatten before it is implicit (in = all elements of the input). */
  fc(name: string, from: string, out: number): string {
    const inF = product(this.shapeOf(from));
    return this.add({ name, kind: "fc", outputShape: [out], macs: inF * out, params: inF * out + out }, [from]);
  }

  /** Residual addition (the ReLU after it folded in); not counted in MACs. */
  sum(name: string, a: string, b: string): string {
    const sa = this.shapeOf(a);
    if (sa.join("x") !== this.shapeOf(b).join("x")) throw new Error(`${this.name}: ${name} adds different shapes`);
    return this.add({ name, kind: "add", outputShape: sa, macs: 0, params: 0 }, [a, b]);
  }

  get tail(): string {
    return this.last;
  }
}

/** torchvision vgg16, configuration "D"; each conv has bias and its ReLU folded in. */
export function vgg16(size = 224): Builder {
  const b = new Builder("vgg16", [3, size, size]);
  const stages = [[64, 64], [128, 128], [256, 256, 256], [512, 512, 512], [512, 512, 512]];
  stages.forEach((channels, s) => {
    channels.forEach((c, i) => b.conv(`conv${s + 1}_${i + 1}`, b.tail, c, 3, { padding: 1 }));
    b.maxpool(`pool${s + 1}`, b.tail, 2, 2);
  });
  b.adaptiveAvgpool("avgpool", b.tail, 7, 7);
  b.fc("fc6", b.tail, 4096);
  b.fc("fc7", b.tail, 4096);
  b.fc("fc8", b.tail, 1000);
  return b;
}

/** torchvision resnet50 ("V1.5": stride on the 3×3 conv), BatchNorm folded into each conv. */
export function resnet50(size = 224): Builder {
  const b = new Builder("resnet50", [3, size, size]);
  const bn = { bias: false, bn: true };
  b.conv("conv1", "input", 64, 7, { stride: 2, padding: 3, ...bn });
  b.maxpool("maxpool", b.tail, 3, 2, 1);
  let inCh = 64;
  const stages: Array<[planes: number, blocks: number, stride: number]> = [[64, 3, 1], [128, 4, 2], [256, 6, 2], [512, 3, 2]];
  stages.forEach(([planes, blocks, stride], s) => {
    for (let i = 0; i < blocks; i++) {
      const p = `layer${s + 1}.${i}`;
      const blockIn = b.tail;
      const st = i === 0 ? stride : 1;
      b.conv(`${p}.conv1`, blockIn, planes, 1, bn);
      b.conv(`${p}.conv2`, b.tail, planes, 3, { stride: st, padding: 1, ...bn });
      const branch = b.conv(`${p}.conv3`, b.tail, planes * 4, 1, bn);
      // torchvision adds a projection when the shape changes: the first block of every stage.
      const skip = i === 0 ? b.conv(`${p}.downsample`, blockIn, planes * 4, 1, { stride: st, ...bn }) : blockIn;
      b.sum(`${p}.add`, branch, skip);
      inCh = planes * 4;
    }
  });
  b.adaptiveAvgpool("avgpool", b.tail, 1, 1);
  b.fc("fc", b.tail, 1000);
  if (inCh !== 2048) throw new Error("resnet50: unexpected width");
  return b;
}

/** torchvision's `num_params` and `_ops` (GMACs) for the 224 input (reference §1.1). */
const EXPECTED: Record<string, { params: number; gmacs: number }> = {
  vgg16: { params: 138_357_544, gmacs: 15.4703 },
  resnet50: { params: 25_557_032, gmacs: 4.0892 },
};

const SOURCES: Record<string, string> = {
  vgg16: "torchvision vgg16 (IMAGENET1K_V1), configuration D; convs carry their ReLU; generated by scripts/gen-models.ts",
  resnet50:
    "torchvision resnet50 (V1.5, stride on the 3x3 conv); BatchNorm folded into each conv (params include gamma, beta); " +
    "the ReLU after each residual sum folded into the add layer; generated by scripts/gen-models.ts",
};

/** One layer per line, so diffs of the generated files stay readable. */
function render(b: Builder): string {
  const head = [
    `  "name": ${JSON.stringify(b.name)},`,
    `  "description": ${JSON.stringify(SOURCES[b.name] ?? "")},`,
    `  "input": { "shape": ${JSON.stringify(b.inputShape)} },`,
  ];
  const lines = b.layers.map((l) => "    " + JSON.stringify(l));
  return `{\n${head.join("\n")}\n  "layers": [\n${lines.join(",\n")}\n  ]\n}\n`;
}

function check(b: Builder): void {
  const params = b.layers.reduce((a, l) => a + l.params, 0);
  const gmacs = b.layers.reduce((a, l) => a + l.macs, 0) / 1e9;
  const want = EXPECTED[b.name];
  if (!want) throw new Error(`no expected totals for ${b.name}`);
  if (params !== want.params) throw new Error(`${b.name}: ${params} params, torchvision has ${want.params}`);
  if (Math.abs(gmacs - want.gmacs) > 5e-5) throw new Error(`${b.name}: ${gmacs} GMACs, torchvision has ${want.gmacs}`);
  console.log(`${b.name}: ${b.layers.length} layers, ${params} params, ${gmacs.toFixed(4)} GMACs`);
}

function main(): void {
  const dir = new URL("../scenarios/models/", import.meta.url);
  for (const b of [vgg16(), resnet50()]) {
    check(b);
    const file = new URL(`${b.name}.json`, dir);
    writeFileSync(file, render(b));
    console.log(`wrote ${fileURLToPath(file)}`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
