// Runtime profiles (docs/compute-model.md "Runtimes"): how a framework turns a model's layers into
// kernels. `eager` launches one kernel per layer; `compiled` (TensorRT-style) fuses pointwise layers
// and residual adds into their producer and elides concatenations and views; `mobile-cpu` (qnnpack/TFLite/ncnn-style) runs one operator per
// layer but no operator for a view. GPUs run fp32 3×3 stride-1 convolutions with Winograd. The per-kernel cost and the efficiency of each (device,
// runtime) are fitted in calibration.ts; this file only says which layers share a kernel.
import type { Model } from "./model.js";
import type { DeviceClass, Precision } from "./device-profile.js";

/** The runtimes, one list for the type, the scenario schema and the CLI's choices. */
export const RUNTIMES = ["eager", "compiled", "mobile-cpu"] as const;
export type RuntimeName = (typeof RUNTIMES)[number];

/** Layer kinds that only re-label their input (a flatten, a YOLO head's view): no kernel outside eager. */
const VIEW_KINDS = new Set(["reshape", "flatten", "view", "yolo"]);
/** Element-wise kinds a compiled runtime fuses into the kernel that produces their input. */
const POINTWISE_KINDS = new Set(["relu", "activation", "bn", "batchnorm", "sigmoid", "silu", "hardswish", "leaky", "scale", "mul", "pointwise"]);
/** Kinds whose kernel can absorb a following pointwise layer or residual add (TensorRT's conv/FC epilogue). */
const EPILOGUE_HOSTS = new Set(["conv", "fc", "linear", "gemm", "matmul"]);

/**
 * Winograd F(2×2, 3×3) computes a 2×2 output tile with 16 multiplies where direct convolution needs
 * 36: 2.25× fewer (Lavin and Gray, CVPR 2016), the variant cuDNN and TensorRT use for 3×3 stride-1
 * convolutions.
 */
export const WINOGRAD_SAVING = 2.25;

/** Where each layer's work runs under a runtime. */
export interface KernelPlan {
  /**
   * host[i] = i: layer i is a kernel of its own (it pays the per-kernel cost);
   * host[i] = j < i: layer i runs inside layer j's kernel (no launch, no round trip of j's output);
   * host[i] = -1: no kernel at all (a view, or a concatenation written in place by its producers).
   */
  readonly host: Int32Array;
  /** Kernels when every layer runs in one set: the count of host[i] === i. */
  readonly kernels: number;
}

/** The kernel plan of `model` under `runtime` (derived from the layer DAG alone). */
export function kernelPlan(model: Model, runtime: RuntimeName): KernelPlan {
  const L = model.layerCount;
  const host = new Int32Array(L);
  for (let i = 0; i < L; i++) host[i] = runtime === "eager" ? i : ownOrFused(model, runtime, i, host);
  let kernels = 0;
  for (let i = 0; i < L; i++) if (host[i] === i) kernels++;
  return { host, kernels };
}

function ownOrFused(model: Model, runtime: RuntimeName, i: number, host: Int32Array): number {
  const kind = model.kinds[i]!;
  if (VIEW_KINDS.has(kind)) return -1;
  if (runtime !== "compiled") return i;
  if (kind === "concat") return -1;
  if (POINTWISE_KINDS.has(kind) && model.inputs[i]!.length === 1) {
    const j = model.inputs[i]![0]!;
    if (canAbsorb(model, j, host)) return host[j]!;
  }
  if (kind === "add") {
    // The residual add joins the kernel of its last producer when that feeds nothing else (a
    // projection shortcut when there is one, else the branch's last conv), as TensorRT fuses
    // "conv + elementwise sum"; that kernel reads the other operand.
    // Only the producer that runs last can host it: the other operands must exist by then.
    let last = -1;
    for (const j of model.inputs[i]!) last = Math.max(last, j);
    if (canAbsorb(model, last, host)) return host[last]!;
  }
  return i;
}

/** Whether layer j's kernel can take in its single consumer: j is a conv/FC (or already fused into one) read by nothing else. */
function canAbsorb(model: Model, j: number, host: Int32Array): boolean {
  if (j < 0 || model.consumers[j]!.length !== 1) return false;
  const h = host[j]!;
  return h >= 0 && EPILOGUE_HOSTS.has(model.kinds[h]!);
}

/**
 * Whether a runtime computes fp32 3×3 convolutions with Winograd on a device: cuDNN and TensorRT do on
 * GPUs (class edge or cloud), under either runtime (eager PyTorch calls the same cuDNN kernels);
 * the tensor-core fp16/int8 paths and the CPU runtimes of the calibration set (qnnpack) do not.
 */
export function usesWinograd(deviceClass: DeviceClass, runtime: RuntimeName, precision: Precision): boolean {
  return precision === "fp32" && deviceClass !== "end" && runtime !== "mobile-cpu";
}

/** Whether layer i is a dense 3×3, stride-1, undilated convolution (Winograd's case). */
export function winogradEligible(model: Model, i: number): boolean {
  const g = model.geometry[i];
  if (model.kinds[i] !== "conv" || g === undefined) return false;
  return g.kernel[0] === 3 && g.kernel[1] === 3 && g.stride[0] === 1 && g.stride[1] === 1 &&
    g.dilation[0] === 1 && g.dilation[1] === 1 && (g.groups ?? 1) === 1;
}
