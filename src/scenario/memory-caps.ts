// Device memory at build time (docs/memory.md): each node's maxBatch is capped to the largest batch
// at which every model the scenario uses fits whole on it, and a model with a layer that fits on no
// node is an error naming every node, its device and the numbers. Pure; once per built run.
import { SplitsimError } from "../errors.js";
import { getDevice, type DeviceProfile } from "../workload/devices.js";
import { bytesText, largestBatch, memoryNeed, usableFraction, usableMemoryBytes } from "../workload/memory.js";
import { Model } from "../workload/model.js";
import type { ResolvedNode, ResolvedScenario } from "./types.js";

export interface MemoryCaps {
  /** The scenario's nodes, maxBatch capped where memory is short (the same objects where not). */
  nodes: ResolvedNode[];
  /** One line per capped node and per node that cannot hold a whole model, for the CLI to print. */
  notes: string[];
}

/**
 * The whole model is the largest part a plan can place on a node (a part's weights and live tensors
 * are, for the prefix and suffix cuts plans use, within the whole model's), so the cap makes every
 * such part fit at the node's maxBatch. A node that cannot hold a whole model even at batch 1 is not
 * capped by it: parts of it may fit, and the plan check refuses a part that does not.
 */
export function memoryCaps(s: Pick<ResolvedScenario, "nodes" | "models" | "devices">, built?: Iterable<Model>): MemoryCaps {
  const device = (n: ResolvedNode): DeviceProfile | undefined => s.devices[n.device] ?? getDevice(n.device);
  const models = built !== undefined ? [...built] : Object.values(s.models).map((spec) => new Model(spec));
  for (const m of models) fitsSomewhere(m, s.nodes, device);
  const notes: string[] = [];
  const nodes = s.nodes.map((n) => {
    const d = device(n);
    if (d === undefined) return n;
    const usable = usableMemoryBytes(d);
    if (!Number.isFinite(usable)) return n;
    let cap = Infinity;
    // What set the cap; its text is written only when the cap applies (toLocaleString loads ICU: ~20 ms).
    let by: { m: Model; need: ReturnType<typeof memoryNeed> } | null = null;
    for (const m of models) {
      const need = memoryNeed(m, allLayers(m), n.precision);
      const b = largestBatch(need, usable, n.servers);
      if (b === 0) {
        notes.push(`node '${n.name}' (device ${d.name}, ${n.precision}) cannot hold all of model '${m.name}' even at batch 1 ` +
          `(${bytesText(need.weightBytes + n.servers * need.activationBytesPerItem)} needed, ${bytesText(usable)} usable): a plan that places all of it there fails`);
      } else if (b < cap) {
        cap = b;
        by = { m, need };
      }
    }
    if (cap >= n.maxBatch || by === null) return n;
    const why = `${by.m.name} needs ${bytesText(by.need.weightBytes)} of weights + ${bytesText(by.need.activationBytesPerItem)} per item${n.servers > 1 ? ` on each of ${n.servers} servers` : ""}`;
    notes.push(`node '${n.name}' (device ${d.name}, ${n.precision}): maxBatch ${n.maxBatch} capped to ${cap} by memory ` +
      `(${why}; ${bytesText(usable)} usable, ${usableFraction(d)} of ${bytesText(d.memoryBytes!)})`);
    return { ...n, maxBatch: cap };
  });
  return { nodes, notes };
}

/** Throws when some layer of `m`, alone at batch 1, fits on no node: then no plan can run the model. */
function fitsSomewhere(m: Model, nodes: readonly ResolvedNode[], device: (n: ResolvedNode) => DeviceProfile | undefined): void {
  if (nodes.length === 0) return;
  for (let l = 0; l < m.layerCount; l++) {
    const lines: string[] = [];
    let fits = false;
    for (const n of nodes) {
      const d = device(n);
      const usable = d === undefined ? Infinity : usableMemoryBytes(d);
      const need = memoryNeed(m, [l], n.precision);
      const bytes = need.weightBytes + n.servers * need.activationBytesPerItem;
      if (bytes <= usable) {
        fits = true;
        break;
      }
      lines.push(`  node '${n.name}' (device ${d!.name}, ${n.precision}): needs ${bytesText(bytes)}, ${bytesText(usable)} usable (${usableFraction(d!)} of ${bytesText(d!.memoryBytes!)})`);
    }
    if (!fits) {
      throw new SplitsimError(`model '${m.name}' cannot run on any node: its layer '${m.names[l]}' alone, at batch 1, needs more memory than any node has (weights + input and output tensors):\n${lines.join("\n")}`);
    }
  }
}

function allLayers(m: Model): Int32Array {
  return Int32Array.from({ length: m.layerCount }, (_, i) => i);
}
