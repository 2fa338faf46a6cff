// Tiny-YOLOv3 from darknet's cfg/yolov3-tiny.cfg (default 416×416, COCO: 255 = 3 anchors × (80 + 5)),
// both detection heads. Layer names carry the cfg's layer index (conv0 … yolo23).
import type { ModelSpec } from "../model-spec.js";
import { ModelBuilder } from "./builder.js";

// batch_normalize=1 convs have no bias but BN γ/β (darknet's biases/scales; rolling stats are not
// params); the linear head convs keep their bias. pad=1 in darknet means padding ⌊k/2⌋.
const BN = { bias: false, bn: true } as const;
const ANCHORS_PER_HEAD = 3;
const OUTPUTS_PER_ANCHOR = 85; // 4 box + 1 objectness + 80 classes

export function tinyYolov3(name: string, size: number): ModelSpec {
  const b = new ModelBuilder(name, [3, size, size]);
  const conv = (i: number, from: string, c: number, k: number): string =>
    b.conv(`conv${i}`, from, c, k, { padding: Math.floor(k / 2), ...BN });
  // darknet maxpool pads k−1 in total, so the stride-1 pool (layer 11) keeps 13×13.
  const pool = (i: number, stride: number): string => b.pool(`pool${i}`, b.tail, 2, { stride, darknet: true });
  const head = (i: number, from: string): string => {
    b.conv(`conv${i}`, from, ANCHORS_PER_HEAD * OUTPUTS_PER_ANCHOR, 1); // linear, with bias
    const [, h = 0, w = 0] = b.shapeOf(b.tail);
    // A [yolo] layer only applies logistic activations; shape it as PyTorch ports return it: (3·H·W) × 85.
    return b.reshape(`yolo${i + 1}`, b.tail, [ANCHORS_PER_HEAD * h * w, OUTPUTS_PER_ANCHOR], "yolo");
  };

  [16, 32, 64, 128, 256].forEach((c, j) => {
    conv(2 * j, b.tail, c, 3);
    pool(2 * j + 1, 2);
  });
  conv(10, b.tail, 512, 3);
  pool(11, 1);
  conv(12, b.tail, 1024, 3);
  const c13 = conv(13, b.tail, 256, 1);
  const yolo16 = head(15, conv(14, c13, 512, 3));
  // [route] layers=-4 (layer 17) only re-emits conv13, so conv18 reads conv13 directly.
  conv(18, c13, 128, 1);
  b.upsample("upsample19", b.tail, 2);
  b.concat("route20", ["upsample19", "conv8"]); // [route] layers=-1, 8
  const yolo23 = head(22, conv(21, b.tail, 256, 3));
  // The model's result is both heads together, as PyTorch ports concatenate them at inference.
  b.concat("detections", [yolo16, yolo23]);
  return b.build();
}
