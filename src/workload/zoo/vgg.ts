// torchvision VGG-16 (configuration "D") and VGG-19 ("E"): 3×3 convs with bias and their ReLU folded
// in, 2×2 max-pools, AdaptiveAvgPool2d((7,7)) and the three-FC classifier (dropout is the identity).
import type { ModelSpec } from "../model-spec.js";
import { ModelBuilder } from "./builder.js";

// Layer names are the reference tables' conv1_1…pool5, fc6–fc8 rather than torchvision's features.N:
// scenarios, docs and cut names (e.g. a fixed split at pool5) already use them.
function vgg(name: string, size: number, convsPerStage: readonly number[]): ModelSpec {
  const b = new ModelBuilder(name, [3, size, size]);
  const widths = [64, 128, 256, 512, 512];
  widths.forEach((c, s) => {
    for (let i = 0; i < (convsPerStage[s] ?? 0); i++) b.conv(`conv${s + 1}_${i + 1}`, b.tail, c, 3, { padding: 1 });
    b.pool(`pool${s + 1}`, b.tail, 2);
  });
  b.adaptiveAvgPool("avgpool", b.tail, 7);
  b.fc("fc6", b.tail, 4096);
  b.fc("fc7", b.tail, 4096);
  b.fc("fc8", b.tail, 1000);
  return b.build();
}

export const vgg16 = (name: string, size: number): ModelSpec => vgg(name, size, [2, 2, 3, 3, 3]);
export const vgg19 = (name: string, size: number): ModelSpec => vgg(name, size, [2, 2, 4, 4, 4]);
