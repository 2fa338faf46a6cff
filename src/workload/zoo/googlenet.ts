// torchvision GoogLeNet (Inception v1) at inference: BasicConv2d = conv (no bias) + BN + ReLU, all
// max-pools with ceil_mode=True, the aux heads dropped (as the builder does after loading weights).
import type { ModelSpec } from "../model-spec.js";
import { ModelBuilder } from "./builder.js";

const BN = { bias: false, bn: true } as const;

/** (ch1x1, ch3x3red, ch3x3, ch5x5red, ch5x5, pool_proj) per module, from torchvision's GoogLeNet.__init__. */
type Inception = readonly [number, number, number, number, number, number];

function inception(b: ModelBuilder, p: string, from: string, [c1, r3, c3, r5, c5, pp]: Inception): string {
  const b1 = b.conv(`${p}.branch1`, from, c1, 1, BN);
  b.conv(`${p}.branch2.0`, from, r3, 1, BN);
  const b2 = b.conv(`${p}.branch2.1`, b.tail, c3, 3, { padding: 1, ...BN });
  b.conv(`${p}.branch3.0`, from, r5, 1, BN);
  // torchvision's "5x5" branch is a 3×3 conv: a known bug kept for the weights (pytorch/vision#906).
  const b3 = b.conv(`${p}.branch3.1`, b.tail, c5, 3, { padding: 1, ...BN });
  b.pool(`${p}.branch4.0`, from, 3, { stride: 1, padding: 1, ceilMode: true });
  const b4 = b.conv(`${p}.branch4.1`, b.tail, pp, 1, BN);
  return b.concat(`${p}.concat`, [b1, b2, b3, b4]);
}

export function googlenet(name: string, size: number): ModelSpec {
  const b = new ModelBuilder(name, [3, size, size]);
  const maxpool = (n: string, k: number): string => b.pool(n, b.tail, k, { stride: 2, ceilMode: true });
  b.conv("conv1", "input", 64, 7, { stride: 2, padding: 3, ...BN });
  maxpool("maxpool1", 3);
  b.conv("conv2", b.tail, 64, 1, BN);
  b.conv("conv3", b.tail, 192, 3, { padding: 1, ...BN });
  maxpool("maxpool2", 3);
  inception(b, "inception3a", b.tail, [64, 96, 128, 16, 32, 32]);
  inception(b, "inception3b", b.tail, [128, 128, 192, 32, 96, 64]);
  maxpool("maxpool3", 3);
  inception(b, "inception4a", b.tail, [192, 96, 208, 16, 48, 64]);
  inception(b, "inception4b", b.tail, [160, 112, 224, 24, 64, 64]);
  inception(b, "inception4c", b.tail, [128, 128, 256, 24, 64, 64]);
  inception(b, "inception4d", b.tail, [112, 144, 288, 32, 64, 64]);
  inception(b, "inception4e", b.tail, [256, 160, 320, 32, 128, 128]);
  maxpool("maxpool4", 2);
  inception(b, "inception5a", b.tail, [256, 160, 320, 32, 128, 128]);
  inception(b, "inception5b", b.tail, [384, 192, 384, 48, 128, 128]);
  b.adaptiveAvgPool("avgpool", b.tail, 1);
  b.fc("fc", b.tail, 1000); // after Dropout(0.2), the identity at inference
  return b.build();
}
