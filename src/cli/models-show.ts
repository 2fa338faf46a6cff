// `splitsim models show <name|file>`: every layer's MACs, output size, kernel and time on a device
// under a runtime, the fused kernels, the whole model's time, and its early exits (with --json also each conv/pool layer's geometry), so a
// user can check an imported model against their own measurements.
import { existsSync, readFileSync } from "node:fs";
import { SplitsimError } from "../errors.js";
import { builtinModel, builtinModelNames } from "../workload/builtin-models.js";
import { layerTimeMs, modelTimeMs } from "../workload/compute-model.js";
import { deviceNames, getDevice, type Precision } from "../workload/devices.js";
import { deviceAsRun } from "../workload/cpu-threads.js";
import { defaultRuntime } from "../workload/device-runtime.js";
import type { RuntimeName } from "../workload/runtime.js";
import { bytesAt, largestBatch, memoryNeed, usableMemoryBytes } from "../workload/memory.js";
import { Model } from "../workload/model.js";
import { normaliseModel } from "../workload/model-file.js";
import { zooModel } from "../workload/zoo/index.js";
import type { ModelSpec } from "../workload/model-spec.js";
import { formatTable } from "./table.js";

export interface ShowArgs {
  model: string;
  inputSize: number | undefined;
  device: string;
  precision: Precision;
  batch: number;
  json: boolean;
  /** Absent: the device's default runtime. */
  runtime?: RuntimeName | undefined;
  /** Absent: all the device's cores (mobile-cpu only; docs/compute-model.md "Threads"). */
  threads?: number | undefined;
}

function loadSpec(ref: string, inputSize: number | undefined): ModelSpec {
  if (inputSize !== undefined) {
    if (!builtinModelNames().includes(ref)) throw new SplitsimError("--input-size applies to built-in models only");
    try {
      return zooModel(ref, { inputSize })!;
    } catch (e) {
      throw new SplitsimError(`--input-size: ${(e as Error).message}`);
    }
  }
  const builtin = builtinModel(ref);
  if (builtin !== undefined) return builtin;
  if (!existsSync(ref)) {
    throw new SplitsimError(`'${ref}' is neither a built-in model (${builtinModelNames().join(", ")}) nor a model file`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(ref, "utf8"));
  } catch (e) {
    throw new SplitsimError(`${ref}: not valid JSON: ${(e as Error).message}`);
  }
  const r = normaliseModel(raw);
  if ("problems" in r) throw new SplitsimError(`${ref}:\n${r.problems.map((p) => `  ${p.path.join(".")}: ${p.message}`).join("\n")}`);
  return r.model;
}

export function showModel(a: ShowArgs): void {
  const profile = getDevice(a.device);
  if (profile === undefined) throw new SplitsimError(`--device: unknown device '${a.device}' (known: ${deviceNames().join(", ")})`);
  const device = deviceAsRun(profile, a.runtime, a.threads);
  if ("error" in device) throw new SplitsimError(`--${device.setting}: ${device.error}`);
  if (!(Number.isInteger(a.batch) && a.batch >= 1)) throw new SplitsimError("--batch: must be a whole number >= 1");
  const model = new Model(loadSpec(a.model, a.inputSize));
  const runtime = defaultRuntime(device);
  const hosts = model.kernels(runtime).host;
  // Kernel k is the k-th layer that starts one; fused layers carry their host's number.
  const kernelNo = new Int32Array(model.layerCount).fill(-1);
  let count = 0;
  for (let i = 0; i < model.layerCount; i++) if (hosts[i] === i) kernelNo[i] = count++;
  const layers = model.names.map((name, i) => ({
    name,
    kind: model.kinds[i]!,
    kernel: hosts[i]! < 0 ? null : kernelNo[hosts[i]!]!,
    macs: model.macs[i]!,
    outputElements: model.outputElements[i]!,
    outputBytesFp32: model.outputElements[i]! * 4,
    weightBytes: model.weightBytes[i]!,
    timeMs: layerTimeMs(model, i, device, a.batch, a.precision),
    ...(model.geometry[i] === undefined ? {} : { geometry: model.geometry[i] }),
  }));
  // Each early exit: where it leaves, its accuracy, and its head's cost on this device.
  const exits = model.exits.map((e) => ({
    name: e.name, after: model.names[e.afterIndex]!, accuracy: e.accuracy, headMacs: e.head.totalMacs,
    headMs: modelTimeMs(e.head, device, a.batch, a.precision),
  }));
  const totalMs = layers.reduce((s, l) => s + l.timeMs, 0);
  const kernels = Array.from({ length: count }, (_, k) => {
    const members = layers.filter((l) => l.kernel === k);
    return { kernel: k, layers: members.map((l) => l.name), timeMs: members.reduce((s, l) => s + l.timeMs, 0) };
  });
  // Device memory of the whole model at this precision (docs/memory.md).
  const need = memoryNeed(model, Array.from({ length: model.layerCount }, (_, i) => i), a.precision);
  const usable = usableMemoryBytes(device);
  const memory = {
    weightBytes: need.weightBytes, activationBytesPerItem: need.activationBytesPerItem, bytesAtBatch: bytesAt(need, a.batch),
    deviceMemoryBytes: device.memoryBytes ?? null, usableBytes: Number.isFinite(usable) ? usable : null,
    largestBatch: Number.isFinite(usable) ? largestBatch(need, usable) : null,
  };
  // Energy of one inference on the device: the batch's time at busy power, shared by its items (docs/energy.md).
  const power = device.power;
  const energy = power === undefined ? null
    : { busyW: power.busyW[a.precision], idleW: power.idleW, perInferenceJ: (totalMs * power.busyW[a.precision]) / 1e3 / a.batch };
  if (a.json) {
    const out = { model: model.name, device: device.name, runtime, ...(a.threads === undefined ? {} : { threads: a.threads }), precision: a.precision, batch: a.batch, totalMacs: model.totalMacs,
      totalWeightBytes: model.totalWeightBytes, totalMs, kernelCount: count, kernels, ...(model.accuracy === undefined ? {} : { accuracy: model.accuracy }), memory, energy, layers, exits };
    process.stdout.write(JSON.stringify(out, null, 2) + "\n");
    return;
  }
  const rows = layers.map((l) => [l.name, l.kind, l.kernel === null ? "-" : String(l.kernel), (l.macs / 1e6).toFixed(2),
    (l.outputBytesFp32 / 1024).toFixed(1), l.timeMs.toFixed(3)]);
  const fusedAny = kernels.some((k) => k.layers.length > 1) || layers.some((l) => l.kernel === null);
  process.stdout.write(
    `${model.name} on ${device.name} (${runtime}${a.threads === undefined ? "" : `, ${a.threads} thread${a.threads > 1 ? "s" : ""}`}), ${a.precision}, batch ${a.batch}: ${(model.totalMacs / 1e9).toFixed(3)} GMACs, ` +
      `${(model.totalWeightBytes / 4 / 1e6).toFixed(2)} M params, ${count} kernels, ${totalMs.toFixed(3)} ms in all\n` +
      `memory: ${mb(need.weightBytes)} MB of weights + ${mb(need.activationBytesPerItem)} MB of live tensors per item = ${mb(memory.bytesAtBatch)} MB at batch ${a.batch}` +
      (memory.usableBytes === null ? " (the device gives no capacity)\n"
        : `; ${device.name} has ${mb(memory.usableBytes)} MB usable: ${memory.largestBatch === 0 ? "not even batch 1 fits" : `batch <= ${memory.largestBatch} fits`}\n`) +
      (energy === null ? "" : `energy: ${energy.perInferenceJ.toPrecision(4)} J per inference at ${energy.busyW} W busy (idle ${energy.idleW} W)\n`) +
      formatTable(["layer", "kind", "kernel", "MMACs", "output KiB (fp32)", "time ms"], rows) +
      (fusedAny ? `\nkernels under ${runtime} (a layer marked '-' runs in no kernel: a view or an in-place concat)\n` +
        formatTable(["kernel", "layers", "time ms"], kernels.map((k) => [String(k.kernel), k.layers.join(" + "), k.timeMs.toFixed(3)])) : "") +
      (exits.length === 0 ? "" : "\nearly exits" + (model.accuracy === undefined ? "" : ` (the full model: ${model.accuracy} % top-1)`) + "\n" +
        formatTable(["exit", "after", "top-1 %", "head MMACs", "head ms"],
          exits.map((e) => [e.name, e.after, String(e.accuracy), (e.headMacs / 1e6).toFixed(2), e.headMs.toFixed(3)]))),
  );
}

const mb = (bytes: number): string => (bytes / 1e6).toFixed(1);
