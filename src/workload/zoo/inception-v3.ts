// torchvision Inception-v3 on the inference path (default 299×299): BasicConv2d = conv (no bias) +
// BN + ReLU; AuxLogits runs only in training mode, so it is left out (reference §1.1 note 1).
import type { ModelSpec } from "../model-spec.js";
import { ModelBuilder, type Pair } from "./builder.js";

const BN = { bias: false, bn: true } as const;

/** A BasicConv2d chain: [name, out channels, kernel, padding?, stride?] per conv; returns its last layer. */
type Step = readonly [string, number, Pair, Pair?, number?];
function chain(b: ModelBuilder, p: string, from: string, steps: readonly Step[]): string {
  let t = from;
  for (const [n, c, k, padding = 0, stride = 1] of steps) t = b.conv(`${p}.${n}`, t, c, k, { padding, stride, ...BN });
  return t;
}

// The functional pools of torchvision's forward() have no module name; they get `<block>.avg_pool`/`.max_pool`.
const avgBranch = (b: ModelBuilder, p: string, from: string, c: number): string =>
  chain(b, p, b.pool(`${p}.avg_pool`, from, 3, { stride: 1, padding: 1 }), [["branch_pool", c, 1]]);

function inceptionA(b: ModelBuilder, p: string, from: string, poolFeatures: number): string {
  const b1 = chain(b, p, from, [["branch1x1", 64, 1]]);
  const b5 = chain(b, p, from, [["branch5x5_1", 48, 1], ["branch5x5_2", 64, 5, 2]]);
  const b3 = chain(b, p, from, [["branch3x3dbl_1", 64, 1], ["branch3x3dbl_2", 96, 3, 1], ["branch3x3dbl_3", 96, 3, 1]]);
  return b.concat(`${p}.concat`, [b1, b5, b3, avgBranch(b, p, from, poolFeatures)]);
}

function inceptionB(b: ModelBuilder, p: string, from: string): string {
  const b3 = chain(b, p, from, [["branch3x3", 384, 3, 0, 2]]);
  const bd = chain(b, p, from, [["branch3x3dbl_1", 64, 1], ["branch3x3dbl_2", 96, 3, 1], ["branch3x3dbl_3", 96, 3, 0, 2]]);
  return b.concat(`${p}.concat`, [b3, bd, b.pool(`${p}.max_pool`, from, 3, { stride: 2 })]);
}

function inceptionC(b: ModelBuilder, p: string, from: string, c7: number): string {
  const w: Pair = [1, 7], h: Pair = [7, 1], pw: Pair = [0, 3], ph: Pair = [3, 0]; // 1×7 pads (0,3), 7×1 pads (3,0)
  const b1 = chain(b, p, from, [["branch1x1", 192, 1]]);
  const b7 = chain(b, p, from, [["branch7x7_1", c7, 1], ["branch7x7_2", c7, w, pw], ["branch7x7_3", 192, h, ph]]);
  const bd = chain(b, p, from, [
    ["branch7x7dbl_1", c7, 1], ["branch7x7dbl_2", c7, h, ph], ["branch7x7dbl_3", c7, w, pw],
    ["branch7x7dbl_4", c7, h, ph], ["branch7x7dbl_5", 192, w, pw],
  ]);
  return b.concat(`${p}.concat`, [b1, b7, bd, avgBranch(b, p, from, 192)]);
}

function inceptionD(b: ModelBuilder, p: string, from: string): string {
  const b3 = chain(b, p, from, [["branch3x3_1", 192, 1], ["branch3x3_2", 320, 3, 0, 2]]);
  const b7 = chain(b, p, from, [
    ["branch7x7x3_1", 192, 1], ["branch7x7x3_2", 192, [1, 7], [0, 3]], ["branch7x7x3_3", 192, [7, 1], [3, 0]],
    ["branch7x7x3_4", 192, 3, 0, 2],
  ]);
  return b.concat(`${p}.concat`, [b3, b7, b.pool(`${p}.max_pool`, from, 3, { stride: 2 })]);
}

function inceptionE(b: ModelBuilder, p: string, from: string): string {
  const b1 = chain(b, p, from, [["branch1x1", 320, 1]]);
  const r3 = chain(b, p, from, [["branch3x3_1", 384, 1]]);
  const a3 = chain(b, p, r3, [["branch3x3_2a", 384, [1, 3], [0, 1]]]);
  const c3 = chain(b, p, r3, [["branch3x3_2b", 384, [3, 1], [1, 0]]]);
  const rd = chain(b, p, from, [["branch3x3dbl_1", 448, 1], ["branch3x3dbl_2", 384, 3, 1]]);
  const ad = chain(b, p, rd, [["branch3x3dbl_3a", 384, [1, 3], [0, 1]]]);
  const cd = chain(b, p, rd, [["branch3x3dbl_3b", 384, [3, 1], [1, 0]]]);
  // torchvision concatenates 2a|2b and 3a|3b first; one channel concat of all six gives the same tensor.
  return b.concat(`${p}.concat`, [b1, a3, c3, ad, cd, avgBranch(b, p, from, 192)]);
}

export function inceptionV3(name: string, size: number): ModelSpec {
  const b = new ModelBuilder(name, [3, size, size]);
  const conv = (n: string, c: number, k: number, o: { stride?: number; padding?: number } = {}): string =>
    b.conv(n, b.tail, c, k, { ...o, ...BN });
  conv("Conv2d_1a_3x3", 32, 3, { stride: 2 });
  conv("Conv2d_2a_3x3", 32, 3);
  conv("Conv2d_2b_3x3", 64, 3, { padding: 1 });
  b.pool("maxpool1", b.tail, 3, { stride: 2 });
  conv("Conv2d_3b_1x1", 80, 1);
  conv("Conv2d_4a_3x3", 192, 3);
  b.pool("maxpool2", b.tail, 3, { stride: 2 });
  inceptionA(b, "Mixed_5b", b.tail, 32);
  inceptionA(b, "Mixed_5c", b.tail, 64);
  inceptionA(b, "Mixed_5d", b.tail, 64);
  inceptionB(b, "Mixed_6a", b.tail);
  for (const [p, c7] of [["Mixed_6b", 128], ["Mixed_6c", 160], ["Mixed_6d", 160], ["Mixed_6e", 192]] as const) inceptionC(b, p, b.tail, c7);
  inceptionD(b, "Mixed_7a", b.tail);
  inceptionE(b, "Mixed_7b", b.tail);
  inceptionE(b, "Mixed_7c", b.tail);
  b.adaptiveAvgPool("avgpool", b.tail, 1);
  b.fc("fc", b.tail, 1000); // after Dropout(0.5), the identity at inference
  return b.build();
}
