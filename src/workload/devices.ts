// Built-in device profiles for the compute model (compute-model.ts). Peaks and bandwidths come
// from reference/models-devices.md §3 (tags [V]/[S]/[D]/[U] as there); efficiency and per-layer
// overhead are first-cut fits to §4 and will be recalibrated by a later issue.

export type Precision = "fp32" | "fp16" | "int8";

export interface DeviceProfile {
  name: string;
  class: "end" | "edge" | "cloud";
  /** Peak FLOP/s (OP/s for int8) per precision, an FMA counting as 2, as vendors quote them. */
  peakFlops: { fp32: number; fp16: number; int8: number };
  /** Fraction of peak reached on real layers (0, 1]. */
  efficiency: number;
  memBytesPerSec: number;
  /** Fixed cost per layer (kernel launch, framework dispatch), ms. */
  layerOverheadMs: number;
  description: string;
}

// How efficiency and overhead were chosen: ResNet-50 (72 layers here: 53 convs, 16 adds, 2
// pools, 1 fc) was run through the compute model and the two numbers fitted to §4.
// - jetson-nano: §4.3 TensorRT, 256×256 input (5.34 GMACs): FP32 79 ms and FP16 42 ms. Two
//   measurements, two unknowns: the FP16 time is just over half the FP32 one, which leaves
//   ~3.6 ms of precision-independent overhead (0.05 ms × 72) and 63 % efficiency.
//   The model gives 79.3 / 41.5 ms at 256 and 61.6 ms FP32 at 224.
// - raspberry-pi-4: §4.4 is INT8 only (qnnpack, 225.2 ms at 224). With the assumed INT8 peak of
//   2× FP32 below, 0.05 ms per op (PyTorch CPU dispatch) and 38.5 % efficiency reproduce it.
//   FP32 times on the Pi therefore rest on that 2× assumption (ResNet-50 ≈ 450 ms).
// - a100: §4.6 only — "a few hundred microseconds" for ResNet-50 at batch 1 on a datacenter
//   GPU (overhead-dominated) and "about 50 % of peak" with batching. 0.004 ms × 72 layers gives
//   0.34 ms at INT8 batch 1; efficiency 0.5.
const DEVICES: Readonly<Record<string, DeviceProfile>> = {
  "jetson-nano": {
    name: "jetson-nano",
    class: "edge",
    peakFlops: {
      fp32: 235.9e9, // [D] 128 Maxwell CUDA cores × 2 × 921.6 MHz (§3.3)
      fp16: 471.9e9, // [D] 2× FP32 on Maxwell (§3.3; NVIDIA "472 GFLOPS" [U])
      int8: 235.9e9, // no fast int8 on Maxwell (§3.3, §4.3 "does not support INT8"): the FP32 figure
    },
    efficiency: 0.63,
    memBytesPerSec: 25.6e9, // [S] 4 GB LPDDR4, 64-bit (§3.3)
    layerOverheadMs: 0.05,
    description: "NVIDIA Jetson Nano 4 GB, 128-core Maxwell GPU at 921.6 MHz, TensorRT-like",
  },
  "raspberry-pi-4": {
    name: "raspberry-pi-4",
    class: "end",
    peakFlops: {
      fp32: 48e9, // [D] 4 Cortex-A72 × 1.5 GHz × 8 FLOP/cycle (one 128-bit FMA; factor [U]) (§3.2)
      fp16: 48e9, // no FP16 arithmetic on A72 / Armv8.0 [U] (§3.2): the FP32 figure
      // [U] assumption: NEON int8 without dot product (§3.2) multiplies 8 lanes into int16
      // (SMLAL) against 4 FP32 lanes per FMA, so 2× FP32; no figure is published.
      int8: 96e9,
    },
    efficiency: 0.385,
    memBytesPerSec: 12.8e9, // [D] LPDDR4-3200 on a 32-bit bus (bus width [U]); STREAM best 5.56 GB/s [S] (§3.2)
    layerOverheadMs: 0.05,
    description: "Raspberry Pi 4 B, 4× Cortex-A72 at 1.5 GHz, PyTorch CPU (4 threads)",
  },
  a100: {
    name: "a100",
    class: "cloud",
    peakFlops: {
      fp32: 19.5e12, // [S] A100 SXM4 CUDA-core FP32 (§3.4); TF32 tensor (156 TFLOPS) deliberately not used
      fp16: 312e12, // [S] dense FP16 tensor (§3.4)
      int8: 624e12, // [S] dense INT8 tensor (§3.4)
    },
    efficiency: 0.5,
    memBytesPerSec: 1555e9, // [S] A100 SXM4 40 GB HBM2 (§3.4)
    layerOverheadMs: 0.004,
    description: "NVIDIA A100 SXM4 40 GB, TensorRT-like",
  },
};

/** Names of the built-in devices, sorted. */
export function deviceNames(): string[] {
  return Object.keys(DEVICES).sort();
}

/** A built-in device profile (a fresh copy, so callers cannot alter the table), or undefined. */
export function getDevice(name: string): DeviceProfile | undefined {
  const d = Object.hasOwn(DEVICES, name) ? DEVICES[name] : undefined;
  return d ? { ...d, peakFlops: { ...d.peakFlops } } : undefined;
}
