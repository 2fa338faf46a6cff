// The model zoo: layer DAGs built from each architecture's definition at a chosen input size, so
// totals and per-layer shapes follow from the architecture rather than from stored files.
import type { ModelSpec } from "../model-spec.js";
import { alexnet } from "./alexnet.js";
import { withExits, ZOO_EXITS } from "./exits.js";
import { googlenet } from "./googlenet.js";
import { inceptionV3 } from "./inception-v3.js";
import { mobilenetV2 } from "./mobilenet-v2.js";
import { resnet101, resnet18, resnet34, resnet50 } from "./resnet.js";
import { tinyYolov3 } from "./tiny-yolov3.js";
import { vgg16, vgg19 } from "./vgg.js";

export const ZOO_IDS = [
  "alexnet", "vgg16", "vgg19", "resnet18", "resnet34", "resnet50", "resnet101",
  "mobilenet-v2", "googlenet", "inception-v3", "tiny-yolov3",
] as const;

export type ZooId = (typeof ZOO_IDS)[number];

interface Entry {
  build: (name: string, size: number) => ModelSpec;
  inputSize: number;
  description: string;
}

const TV = "torchvision";
const FOLDED = "BatchNorm folded into each conv (params include γ, β)";
const ENTRIES: Readonly<Record<ZooId, Entry>> = {
  alexnet: { build: alexnet, inputSize: 224, description: `${TV} alexnet (single-tower variant, no LRN)` },
  vgg16: { build: vgg16, inputSize: 224, description: `${TV} vgg16, configuration D` },
  vgg19: { build: vgg19, inputSize: 224, description: `${TV} vgg19, configuration E` },
  resnet18: { build: resnet18, inputSize: 224, description: `${TV} resnet18 (basic blocks [2,2,2,2]); ${FOLDED}` },
  resnet34: { build: resnet34, inputSize: 224, description: `${TV} resnet34 (basic blocks [3,4,6,3]); ${FOLDED}` },
  resnet50: { build: resnet50, inputSize: 224, description: `${TV} resnet50 (V1.5, stride on the 3×3); ${FOLDED}` },
  resnet101: { build: resnet101, inputSize: 224, description: `${TV} resnet101 (V1.5, bottlenecks [3,4,23,3]); ${FOLDED}` },
  "mobilenet-v2": { build: mobilenetV2, inputSize: 224, description: `${TV} mobilenet_v2 (width 1.0); ${FOLDED}` },
  googlenet: { build: googlenet, inputSize: 224, description: `${TV} googlenet (Inception v1, no aux heads); ${FOLDED}` },
  "inception-v3": { build: inceptionV3, inputSize: 299, description: `${TV} inception_v3, inference path (no AuxLogits); ${FOLDED}` },
  "tiny-yolov3": { build: tinyYolov3, inputSize: 416, description: "darknet yolov3-tiny.cfg (COCO, both heads); BN γ, β and head biases as params" },
};

const isZooId = (id: string): id is ZooId => (ZOO_IDS as readonly string[]).includes(id);

/** Default input size (square side) and a one-line description, or undefined for an unknown id. */
export function zooDefaults(id: string): { inputSize: number; description: string } | undefined {
  if (!isZooId(id)) return undefined;
  const { inputSize, description } = ENTRIES[id];
  return { inputSize, description };
}

/**
 * The model `id` on a 3×S×S input (S = opts.inputSize, else the model's default), or undefined for
 * an unknown id, with its early exits where published accuracies exist (exits.ts). At a non-default
 * size the model is named `<id>-<S>` so it cannot be mistaken for the default one. Throws if S is
 * not a positive integer or too small for the architecture.
 */
export function zooModel(id: string, opts: { inputSize?: number } = {}): ModelSpec | undefined {
  if (!isZooId(id)) return undefined;
  const entry = ENTRIES[id];
  const size = opts.inputSize ?? entry.inputSize;
  if (!Number.isInteger(size) || size < 1) throw new Error(`${id}: input size must be a positive integer, got ${size}`);
  const spec = entry.build(size === entry.inputSize ? id : `${id}-${size}`, size);
  const exits = ZOO_EXITS[id];
  return exits ? withExits(spec, exits) : spec;
}
