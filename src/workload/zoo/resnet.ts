// torchvision ResNets: basic blocks (ResNet-18/34) and V1.5 bottlenecks (ResNet-50/101, stride on
// the 3×3). BatchNorm is folded into each conv; the ReLU after each residual sum into the add layer.
import type { ModelSpec } from "../model-spec.js";
import { ModelBuilder } from "./builder.js";

const BN = { bias: false, bn: true } as const;

function resnet(name: string, size: number, bottleneck: boolean, blocks: readonly number[]): ModelSpec {
  const b = new ModelBuilder(name, [3, size, size]);
  b.conv("conv1", "input", 64, 7, { stride: 2, padding: 3, ...BN });
  b.pool("maxpool", b.tail, 3, { stride: 2, padding: 1 });
  const expansion = bottleneck ? 4 : 1;
  let inCh = 64;
  blocks.forEach((count, s) => {
    const planes = 64 << s;
    for (let i = 0; i < count; i++) {
      const p = `layer${s + 1}.${i}`;
      const blockIn = b.tail;
      const stride = i === 0 && s > 0 ? 2 : 1;
      let branch: string;
      if (bottleneck) {
        b.conv(`${p}.conv1`, blockIn, planes, 1, BN);
        b.conv(`${p}.conv2`, b.tail, planes, 3, { stride, padding: 1, ...BN });
        branch = b.conv(`${p}.conv3`, b.tail, planes * 4, 1, BN);
      } else {
        b.conv(`${p}.conv1`, blockIn, planes, 3, { stride, padding: 1, ...BN });
        branch = b.conv(`${p}.conv2`, b.tail, planes, 3, { padding: 1, ...BN });
      }
      // torchvision adds a 1×1 projection (+BN) whenever the stride or the width changes.
      const needsProjection = stride !== 1 || inCh !== planes * expansion;
      const skip = needsProjection ? b.conv(`${p}.downsample`, blockIn, planes * expansion, 1, { stride, ...BN }) : blockIn;
      b.add(`${p}.add`, [branch, skip]);
      inCh = planes * expansion;
    }
  });
  b.adaptiveAvgPool("avgpool", b.tail, 1);
  b.fc("fc", b.tail, 1000);
  return b.build();
}

export const resnet18 = (name: string, size: number): ModelSpec => resnet(name, size, false, [2, 2, 2, 2]);
export const resnet34 = (name: string, size: number): ModelSpec => resnet(name, size, false, [3, 4, 6, 3]);
export const resnet50 = (name: string, size: number): ModelSpec => resnet(name, size, true, [3, 4, 6, 3]);
export const resnet101 = (name: string, size: number): ModelSpec => resnet(name, size, true, [3, 4, 23, 3]);
