// The DeviceProfile type: what the compute model (compute-model.ts) needs to know of a device.
// Kept apart from devices.ts (accessors, validator) and device-profiles.ts (the built-in table), which both use it.

import type { RuntimeName } from "./runtime.js";

export type Precision = "fp32" | "fp16" | "int8";
export const PRECISIONS: readonly Precision[] = ["fp32", "fp16", "int8"];
export type DeviceClass = "end" | "edge" | "cloud";
export const CLASSES: readonly DeviceClass[] = ["end", "edge", "cloud"];

export interface DeviceProfile {
  name: string;
  class: DeviceClass;
  /**
   * Peak FLOP/s (OP/s for int8) per precision, an FMA counting as 2, dense (not 2:4 sparse), as
   * vendors quote them. A precision the hardware has no path for carries the peak of the path that
   * would run it instead (see nativePrecisions).
   */
  peakFlops: { fp32: number; fp16: number; int8: number };
  /**
   * Fraction of peak reached on real layers: the FP32 figure, and the default for a precision
   * missing from efficiencyByPrecision. It may exceed 1 where the runtime uses fast convolution
   * algorithms (Winograd) that do fewer multiplies than the direct-convolution MAC count.
   */
  efficiency: number;
  /** Per-precision efficiency, where the fit needs one (docs/compute-model.md). */
  efficiencyByPrecision?: Partial<Record<Precision, number>>;
  memBytesPerSec: number;
  /**
   * Fixed cost per kernel under `runtime` (launch, framework dispatch, under-filled small kernels),
   * ms: one per layer under `eager`, one per fused kernel under `compiled` (runtime.ts).
   */
  layerOverheadMs: number;
  /**
   * The runtime whose kernels layerOverheadMs and the efficiencies describe (absent: eager, one
   * kernel per layer). A built-in device carries its default runtime here (docs/compute-model.md).
   */
  runtime?: RuntimeName;
  /** Figures of the other runtimes this device runs (a node picks one with `runtime:`). */
  runtimes?: Partial<Record<RuntimeName, RuntimeFigures>>;
  /**
   * Memory capacity in bytes (DRAM sizes are binary: "4 GB" is 4 GiB). Absent (a user device that
   * gives none): no memory limit is checked. docs/memory.md.
   */
  memoryBytes?: number;
  /**
   * Share of memoryBytes that inference may use (OS, runtime and libraries keep the rest), in (0, 1];
   * absent: USABLE_MEMORY_FRACTION of the device's class.
   */
  usableMemoryFraction?: number;
  /**
   * CPU cores the mobile-cpu figures were measured on (all of them busy); a node's `threads` may run
   * fewer (cpu-threads.ts). Absent: the thread count cannot be set.
   */
  cores?: number;
  /** Precisions with their own hardware path; absent means all three. */
  nativePrecisions?: Precision[];
  /**
   * Board power, W, for the energy figures (docs/energy.md): idle (nothing running) and busy (running
   * inference) per precision. Absent (a user device that gives none): its energy is not counted.
   */
  power?: DevicePower;
  description: string;
}

/** What a runtime changes on a device: the per-kernel cost and the efficiencies. */
export interface RuntimeFigures {
  layerOverheadMs: number;
  efficiency: number;
  efficiencyByPrecision?: Partial<Record<Precision, number>>;
}

/** Idle power and busy power per precision, W (device-power.ts has the built-in figures and their sources). */
export interface DevicePower {
  idleW: number;
  busyW: { fp32: number; fp16: number; int8: number };
}

/**
 * [A] Default usable share of memory per device class (our assumption; no source gives one number).
 * end and edge boards share one DRAM between the OS, the CPU side of the framework and the
 * accelerator (Raspberry Pi, phones, Jetson): the OS, the runtime's libraries (CUDA/cuDNN/TensorRT
 * or PyTorch) and their workspaces take a large, fixed part, so half is left for weights and
 * tensors. A datacenter GPU has its own memory; the CUDA context, library handles and allocator
 * slack take a few hundred MB to a few GB of it: 0.9.
 */
export const USABLE_MEMORY_FRACTION: Readonly<Record<DeviceClass, number>> = { end: 0.5, edge: 0.5, cloud: 0.9 };
