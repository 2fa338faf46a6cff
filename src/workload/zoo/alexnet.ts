// torchvision AlexNet: the single-tower "one weird trick" variant (64/192/384/256/256, no LRN),
// named by torchvision module paths (features.N, classifier.N; ReLUs and dropouts are folded away).
import type { ModelSpec } from "../model-spec.js";
import { ModelBuilder } from "./builder.js";

export function alexnet(name: string, size: number): ModelSpec {
  const b = new ModelBuilder(name, [3, size, size]);
  b.conv("features.0", "input", 64, 11, { stride: 4, padding: 2 });
  b.pool("features.2", b.tail, 3, { stride: 2 });
  b.conv("features.3", b.tail, 192, 5, { padding: 2 });
  b.pool("features.5", b.tail, 3, { stride: 2 });
  b.conv("features.6", b.tail, 384, 3, { padding: 1 });
  b.conv("features.8", b.tail, 256, 3, { padding: 1 });
  b.conv("features.10", b.tail, 256, 3, { padding: 1 });
  b.pool("features.12", b.tail, 3, { stride: 2 });
  b.adaptiveAvgPool("avgpool", b.tail, 6);
  b.fc("classifier.1", b.tail, 4096);
  b.fc("classifier.4", b.tail, 4096);
  b.fc("classifier.6", b.tail, 1000);
  return b.build();
}
