// torchvision MobileNetV2 (width 1.0): inverted residual blocks with BN folded into every conv and
// ReLU6 into the expand/depthwise convs; the residual add only where stride 1 and C_in = C_out.
import type { ModelSpec } from "../model-spec.js";
import { ModelBuilder } from "./builder.js";

const BN = { bias: false, bn: true } as const;

/** (expansion t, output channels c, repeats n, first stride s), torchvision's inverted_residual_setting. */
const SETTINGS: ReadonlyArray<readonly [number, number, number, number]> = [
  [1, 16, 1, 1], [6, 24, 2, 2], [6, 32, 3, 2], [6, 64, 4, 2], [6, 96, 3, 1], [6, 160, 3, 2], [6, 320, 1, 1],
];

export function mobilenetV2(name: string, size: number): ModelSpec {
  const b = new ModelBuilder(name, [3, size, size]);
  b.conv("features.0", "input", 32, 3, { stride: 2, padding: 1, ...BN });
  let inCh = 32;
  let f = 1;
  for (const [t, c, n, s] of SETTINGS) {
    for (let i = 0; i < n; i++, f++) {
      const p = `features.${f}.conv`;
      const blockIn = b.tail;
      const stride = i === 0 ? s : 1;
      const hidden = inCh * t;
      // torchvision omits the 1×1 expansion when t = 1, so the submodule indices shift down by one.
      let k = 0;
      if (t !== 1) b.conv(`${p}.${k++}`, blockIn, hidden, 1, BN);
      b.conv(`${p}.${k++}`, b.tail, hidden, 3, { stride, padding: 1, groups: hidden, ...BN });
      const out = b.conv(`${p}.${k}`, b.tail, c, 1, BN); // linear bottleneck: BN, no activation
      if (stride === 1 && inCh === c) b.add(`features.${f}.add`, [out, blockIn]);
      inCh = c;
    }
  }
  b.conv(`features.${f}`, b.tail, 1280, 1, BN);
  b.adaptiveAvgPool("avgpool", b.tail, 1); // a functional adaptive_avg_pool2d in torchvision's forward
  b.fc("classifier.1", b.tail, 1000); // classifier.0 is Dropout(0.2)
  return b.build();
}
