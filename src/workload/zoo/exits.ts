// Early exits of the zoo models, with per-exit accuracies copied from published tables or the authors'
// own stored results (none made up): the source, where its exits attach, our layer for each, and the head we build (docs/models.md).
import { INPUT, type ExitSpec, type ModelSpec } from "../model-spec.js";
import { ModelBuilder } from "./builder.js";

export interface ExitTable {
  /** Paper, table and dataset the accuracies come from. */
  source: string;
  /** Per early exit, in depth order: [our layer the head reads, top-1 % of that exit]. */
  exits: ReadonlyArray<readonly [string, number]>;
  /** Top-1 % of the final exit (the model's own classifier) in the same table. */
  final: number;
}

// Zhang, Song, Gao, Chen, Bao, Ma, "Be Your Own Teacher: Improve the Performance of Convolutional
// Neural Networks via Self Distillation", ICCV 2019 (arXiv:1905.08094), Table 1: CIFAR-100 top-1 %
// of classifiers 1/4 … 4/4 of self-distilled ResNets. The paper splits a ResNet into its four
// stages and puts a classifier after each, so exits 1–3 read the last block of layer1, layer2 and
// layer3; classifier 4/4 is the network's own fc. Read second-hand (the paper's full text was not
// reachable): the ResNet-18 and ResNet-50 rows as the "Original" rows of the README of
// github.com/luanyunteng/pytorch-be-your-own-teacher (commit cc7ddb16) and, identically, MIT
// 6.5940 (Fall 2023) lecture 9 slide 35, which is the only copy of the ResNet-101 row found.
// CIFAR-100 is 100 classes at 32×32, not ImageNet: these figures give the shape of accuracy
// against depth, not ImageNet accuracies of our 224×224 models.
const BYOT = "BYOT (Zhang et al., ICCV 2019) Table 1, CIFAR-100";

// Teerapittayanon, McDanel, Kung, "BranchyNet: Fast Inference via Early Exiting from Deep Neural
// Networks", ICPR 2016 (arXiv:1709.01686): B-AlexNet on CIFAR-10, as run by the authors in
// github.com/kunglab/branchynet experiment_alex_cifar10.ipynb (commit 15545422), stored output of
// `branchy_table_results` ("GPU Results"): the row with exit-1 entropy threshold 5.0 (> ln 10, so every
// sample leaves at exit 1) reads 75.29 %, exit fractions {100.0, 0.0, 0.0}; the main-path row "AlexNet"
// of the same jointly trained network reads 77.76 %. Exit 1 taps conv2's output (networks/alex_cifar10.py):
// our `features.3`. Its exit 2 (after conv3) is never the only exit in that table, so it has no
// accuracy of its own and is not built. BranchyNet's AlexNet is a CIFAR-10 variant (32/64/96/96/64
// channels, 10 classes): like BYOT's, the figures give the shape, not ImageNet accuracies.
const BRANCHYNET = "BranchyNet (Teerapittayanon et al., ICPR 2016) B-AlexNet, authors' notebook, CIFAR-10";

export const ZOO_EXITS: Readonly<Record<string, ExitTable>> = {
  alexnet: { source: BRANCHYNET, exits: [["features.3", 75.29]], final: 77.76 },
  resnet18: {
    source: BYOT,
    exits: [["layer1.1.add", 67.85], ["layer2.1.add", 74.57], ["layer3.1.add", 78.23]],
    final: 78.64,
  },
  resnet50: {
    source: BYOT,
    exits: [["layer1.2.add", 68.23], ["layer2.3.add", 74.21], ["layer3.5.add", 75.23]],
    final: 80.56,
  },
  resnet101: {
    source: BYOT,
    exits: [["layer1.2.add", 69.45], ["layer2.3.add", 77.29], ["layer3.22.add", 81.17]],
    final: 81.23,
  },
};

/**
 * The model with its exits: exit k (from 1) reads its layer through a global average pool and one
 * fc to the model's own class count. BYOT's heads (a bottleneck block, then fc) are not fully
 * specified in what could be read, so this head is the cheapest classifier on that feature map.
 */
export function withExits(spec: ModelSpec, table: ExitTable): ModelSpec {
  const classes = spec.layers[spec.layers.length - 1]!.outputElements;
  const exits: ExitSpec[] = table.exits.map(([after, accuracy], k) => {
    const name = `exit${k + 1}`;
    const from = spec.layers.find((l) => l.name === after);
    if (!from?.outputShape) throw new Error(`${spec.name}: exit ${name} reads ${after}, which is not a C×H×W layer`);
    // The head is built as its own small model on `after`'s output, then rewired to read `after`.
    const b = new ModelBuilder(`${spec.name}/${name}`, from.outputShape);
    b.adaptiveAvgPool(`${name}.avgpool`, INPUT, 1);
    b.fc(`${name}.fc`, b.tail, classes);
    const layers = b.build().layers.map((l) => ({ ...l, inputs: l.inputs.map((ref) => (ref === INPUT ? after : ref)) }));
    return { name, after, layers, accuracy };
  });
  return { ...spec, exits, accuracy: table.final };
}
