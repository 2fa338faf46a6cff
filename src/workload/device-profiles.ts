// The built-in device table. Peaks and bandwidths: reference/models-devices.md §3, tags as there
// ([V] read in source, [S] secondary, [D] derived, [U] unverified, [A] our assumption). Efficiency
// and per-kernel overhead per runtime: derived from the calibration set (device-fits.ts, docs/compute-model.md).
import { USABLE_MEMORY_FRACTION as USABLE, type DeviceProfile, type RuntimeFigures } from "./device-profile.js";
import { DEVICE_FITS } from "./device-fits.js";
import { DEVICE_RUNTIMES } from "./device-runtimes.js";
import type { RuntimeName } from "./runtime.js";
import { DEVICE_POWER } from "./device-power.js";

// Memory capacities: DRAM is sized in powers of two, so a vendor's "4 GB" is 4 GiB. The usable share
// is the class default of device-profile.ts [A] (docs/memory.md says why).
const GiB = 2 ** 30;

/**
 * A device's compute-model figures under its default runtime (top level) and its other runtimes
 * (`runtimes`), from the stored derivation of the calibration set (device-fits.ts).
 */
function fitted(name: string): Pick<DeviceProfile, "runtime" | "layerOverheadMs" | "efficiency" | "efficiencyByPrecision" | "runtimes"> {
  const [first, ...rest] = DEVICE_RUNTIMES[name]!;
  const fig = (rt: RuntimeName): RuntimeFigures => {
    const f = DEVICE_FITS[name]![rt]!;
    return { layerOverheadMs: f.layerOverheadMs, efficiency: f.efficiency.fp32, efficiencyByPrecision: { ...f.efficiency } };
  };
  const own = fig(first!);
  return {
    runtime: first!, layerOverheadMs: own.layerOverheadMs, efficiency: own.efficiency, efficiencyByPrecision: own.efficiencyByPrecision!,
    ...(rest.length === 0 ? {} : { runtimes: Object.fromEntries(rest.map((rt) => [rt, fig(rt)])) }),
  };
}

export const DEVICE_PROFILES: Readonly<Record<string, DeviceProfile>> = {
  "raspberry-pi-4": {
    name: "raspberry-pi-4",
    class: "end",
    ...fitted("raspberry-pi-4"), // per-kernel cost and efficiencies per runtime: device-fits.ts, docs/compute-model.md
    peakFlops: {
      fp32: 48e9, // [D] 4 Cortex-A72 × 1.5 GHz × 8 FLOP/cycle (one 128-bit FMA; the factor is [U]) (§3.2)
      fp16: 48e9, // no FP16 arithmetic on A72 / Armv8.0 [U] (§3.2): FP16 runs on the FP32 path
      // [A] NEON int8 without dot product (§3.2) multiplies 8 lanes into int16 (SMLAL) where an FP32
      // FMA has 4 lanes: 2× FP32. No figure is published; the int8 efficiency below is fitted against it.
      int8: 96e9,
    },
    memBytesPerSec: 12.8e9, // [D] LPDDR4-3200 on a 32-bit bus (width [U]); STREAM reaches 5.56 GB/s [S] (§3.2)
    cores: 4, // [S] 4 × Cortex-A72; the calibration rows ran 4 threads
    memoryBytes: 4 * GiB, // [S] the 4 GB Pi 4 B, the board of the calibration rows (reference §4.4: realtime_rpi.rst, "Raspberry Pi 4 Model B 4 GB"); LPDDR4 shared with the CPU (1/2/4/8 GB boards exist)
    usableMemoryFraction: USABLE.end,
    nativePrecisions: ["fp32", "int8"],
    power: DEVICE_POWER["raspberry-pi-4"]!, // idle and busy W, sources in device-power.ts
    description: "Raspberry Pi 4 B, 4× Cortex-A72 at 1.5 GHz, PyTorch CPU (4 threads)",
  },
  "raspberry-pi-5": {
    name: "raspberry-pi-5",
    class: "end",
    ...fitted("raspberry-pi-5"), // per-kernel cost and efficiencies per runtime: device-fits.ts, docs/compute-model.md
    peakFlops: {
      fp32: 153.6e9, // [D] 4 Cortex-A76 × 2.4 GHz × 16 FLOP/cycle (two 128-bit FMA pipes; factor [U]) (§3.2)
      fp16: 307.2e9, // [D] Armv8.2 FP16 at 2× FP32 (fphp/asimdhp flags [S]) (§3.2)
      int8: 614.4e9, // [D] asimddp dot product, 4× FP32 (§3.2)
    },
    memBytesPerSec: 17.1e9, // [D] LPDDR4X-4267 on a 32-bit bus (width [U]) (§3.2)
    cores: 4, // [S] 4 × Cortex-A76
    memoryBytes: 8 * GiB, // [U] the 8 GB Pi 5 (the zoo names no board; 4 and 8 GB at launch, 2 and 16 GB later), LPDDR4X shared with the CPU
    usableMemoryFraction: USABLE.end,
    power: DEVICE_POWER["raspberry-pi-5"]!, // idle and busy W, sources in device-power.ts
    description: "Raspberry Pi 5, 4× Cortex-A76 at 2.4 GHz, PyTorch CPU (4 threads)",
  },
  "phone-a16": {
    name: "phone-a16",
    class: "end",
    ...fitted("phone-a16"), // per-kernel cost and efficiencies per runtime: device-fits.ts, docs/compute-model.md
    // Apple publishes no FP32 or dense INT8 figures (§3.2 notes); every peak here is an assumption.
    peakFlops: {
      fp32: 1.79e12, // [S] third-party estimate of the 5-core GPU (§3.2); the Neural Engine has no FP32
      fp16: 17e12, // [A] Apple's "17 TOPS" Neural Engine figure [S], taken to be at FP16
      int8: 17e12, // [A] int8 on this Neural Engine taken to run at the FP16 rate (no separate figure)
    },
    memBytesPerSec: 51.2e9, // [S] LPDDR5 (§3.2)
    memoryBytes: 6 * GiB, // [U] 6 GB LPDDR5 of the iPhone 14 Pro (Apple publishes no RAM size; spec-site figure), shared by the SoC
    usableMemoryFraction: USABLE.end,
    power: DEVICE_POWER["phone-a16"]!, // idle and busy W, sources in device-power.ts
    description: "Phone with an Apple A16 Bionic (GPU for FP32, Neural Engine for FP16/INT8), Core ML-like",
  },
  "jetson-nano": {
    name: "jetson-nano",
    class: "edge",
    ...fitted("jetson-nano"), // per-kernel cost and efficiencies per runtime: device-fits.ts, docs/compute-model.md
    peakFlops: {
      fp32: 235.9e9, // [D] 128 Maxwell CUDA cores × 2 × 921.6 MHz (§3.3)
      fp16: 471.9e9, // [D] 2× FP32 on Maxwell (§3.3; NVIDIA "472 GFLOPS" [U])
      int8: 471.9e9, // no INT8 path ("Jetson Nano does not support INT8", §4.3): an FP16 engine instead
    },
    memBytesPerSec: 25.6e9, // [S] 4 GB LPDDR4, 64-bit (§3.3)
    memoryBytes: 4 * GiB, // [S] 4 GB LPDDR4, 64-bit, shared by CPU and GPU (reference §3.3: cfanz.cn copy of a Fastvideo note)
    usableMemoryFraction: USABLE.edge,
    nativePrecisions: ["fp32", "fp16"],
    power: DEVICE_POWER["jetson-nano"]!, // idle and busy W, sources in device-power.ts
    description: "NVIDIA Jetson Nano 4 GB, 128-core Maxwell GPU at 921.6 MHz, TensorRT",
  },
  "jetson-xavier-nx": {
    name: "jetson-xavier-nx",
    class: "edge",
    ...fitted("jetson-xavier-nx"), // per-kernel cost and efficiencies per runtime: device-fits.ts, docs/compute-model.md
    peakFlops: {
      fp32: 844.8e9, // [D] 384 Volta CUDA cores × 2 × 1.1 GHz (clock [U]) (§3.3)
      fp16: 6.758e12, // [D] 48 Tensor Cores × 64 FMA × 2 × 1.1 GHz (§3.3 "≈ 6.8 TFLOPS")
      int8: 13.517e12, // [D] 2× the FP16 tensor rate (§3.3 "≈ 13.5 TOPS"); the 2 DLAs (to 21 TOPS [U]) not counted
    },
    memBytesPerSec: 51.2e9, // [U] 8 GB LPDDR4x, 128-bit (§3.3)
    memoryBytes: 8 * GiB, // [U] 8 GB LPDDR4x module (reference §3.3; a 16 GB module exists), shared by CPU and GPU
    usableMemoryFraction: USABLE.edge,
    power: DEVICE_POWER["jetson-xavier-nx"]!, // idle and busy W, sources in device-power.ts
    description: "NVIDIA Jetson Xavier NX 8 GB, 384-core Volta GPU with 48 Tensor Cores, TensorRT",
  },
  "jetson-agx-xavier": {
    name: "jetson-agx-xavier",
    class: "edge",
    ...fitted("jetson-agx-xavier"), // per-kernel cost and efficiencies per runtime: device-fits.ts, docs/compute-model.md
    peakFlops: {
      fp32: 1.41e12, // [D] 512 Volta CUDA cores × 2 × 1377 MHz (§3.3)
      fp16: 11.28e12, // [D] 64 Tensor Cores × 64 FMA × 2 × 1377 MHz (§3.3; NVIDIA "11 TFLOPS" [U])
      int8: 22.56e12, // [D] 2× the FP16 tensor rate (§3.3 "22.6 TOPS"); the 2 DLAs (to 32 TOPS [U]) not counted
    },
    memBytesPerSec: 137e9, // [S] 32 GB LPDDR4x, 256-bit (§3.3)
    memoryBytes: 32 * GiB, // [S] 32 GB LPDDR4x, shared (reference §3.3: gist quoting NVIDIA "32GB 256-Bit LPDDR4x")
    usableMemoryFraction: USABLE.edge,
    power: DEVICE_POWER["jetson-agx-xavier"]!, // idle and busy W, sources in device-power.ts
    description: "NVIDIA Jetson AGX Xavier 32 GB, 512-core Volta GPU with 64 Tensor Cores, TensorRT",
  },
  "jetson-agx-orin": {
    name: "jetson-agx-orin",
    class: "edge",
    ...fitted("jetson-agx-orin"), // per-kernel cost and efficiencies per runtime: device-fits.ts, docs/compute-model.md
    peakFlops: {
      fp32: 5.325e12, // [D] 2048 Ampere CUDA cores × 2 × 1.3 GHz (clock [U]; NVIDIA "5.3 TFLOPS" [U]) (§3.3)
      fp16: 42.6e12, // [D] dense tensor: 64 Tensor Cores × 256 FMA × 2 × 1.3 GHz (§3.3)
      int8: 85.2e12, // [D] dense GPU tensor: half of 170 sparse TOPS [U] (§3.3); DLAs not counted
    },
    memBytesPerSec: 204.8e9, // [U] LPDDR5, 256-bit (§3.3)
    memoryBytes: 64 * GiB, // [S] the 64 GB module, full chip (reference §3.3; apache/tvm PR #16231: 32 GB and 64 GB modules), shared
    usableMemoryFraction: USABLE.edge,
    power: DEVICE_POWER["jetson-agx-orin"]!, // idle and busy W, sources in device-power.ts
    description: "NVIDIA Jetson AGX Orin 64 GB (full chip), 2048-core Ampere GPU with 64 Tensor Cores, TensorRT",
  },
  t4: {
    name: "t4",
    class: "cloud",
    ...fitted("t4"), // per-kernel cost and efficiencies per runtime: device-fits.ts, docs/compute-model.md
    peakFlops: {
      fp32: 8.1e12, // [S] (§3.4)
      fp16: 65e12, // [S] FP16 tensor, mixed precision (§3.4)
      int8: 130e12, // [S] INT8 tensor (§3.4)
    },
    memBytesPerSec: 320e9, // [S] 16 GB GDDR6, 256-bit (§3.4)
    memoryBytes: 16 * GiB, // [S] 16 GB GDDR6 (reference §3.4: sysrqmts.com T4 page, heise.de)
    usableMemoryFraction: USABLE.cloud,
    power: DEVICE_POWER["t4"]!, // idle and busy W, sources in device-power.ts
    description: "NVIDIA Tesla T4 16 GB (Turing, 70 W), TensorRT",
  },
  v100: {
    name: "v100",
    class: "cloud",
    ...fitted("v100"), // per-kernel cost and efficiencies per runtime: device-fits.ts, docs/compute-model.md
    peakFlops: {
      fp32: 14e12, // [S] V100 PCIe at 1370 MHz (§3.4)
      fp16: 112e12, // [S] FP16 tensor (§3.4)
      // No INT8 tensor mode (§3.4); DP4A gives 4 × 14 = 56 TOPS [D], below the FP16 tensor rate, so
      // TensorRT runs an INT8 engine's layers on the FP16 tensor cores: the FP16 figure.
      int8: 112e12,
    },
    memBytesPerSec: 900e9, // [S] HBM2 (§3.4)
    memoryBytes: 16 * GiB, // [U] 16 GB HBM2, the launch V100 PCIe (reference §3.4 gives no capacity for the PCIe card; a 32 GB one exists)
    usableMemoryFraction: USABLE.cloud,
    nativePrecisions: ["fp32", "fp16"],
    power: DEVICE_POWER["v100"]!, // idle and busy W, sources in device-power.ts
    description: "NVIDIA Tesla V100 PCIe 16/32 GB (Volta), TensorRT",
  },
  a100: {
    name: "a100",
    class: "cloud",
    ...fitted("a100"), // per-kernel cost and efficiencies per runtime: device-fits.ts, docs/compute-model.md
    peakFlops: {
      fp32: 19.5e12, // [S] CUDA-core FP32 (§3.4); TF32 tensor (156 TFLOPS) deliberately not used
      fp16: 312e12, // [S] dense FP16 tensor (§3.4)
      int8: 624e12, // [S] dense INT8 tensor (§3.4)
    },
    memBytesPerSec: 1555e9, // [S] A100 SXM4 40 GB HBM2 (§3.4)
    memoryBytes: 40 * GiB, // [S] 40 GB HBM2, the SXM4 card whose 1,555 GB/s is used above (reference §3.4: glennklockwood.com A100, from NVIDIA's datasheet)
    usableMemoryFraction: USABLE.cloud,
    power: DEVICE_POWER["a100"]!, // idle and busy W, sources in device-power.ts
    description: "NVIDIA A100 SXM4 40 GB (Ampere), TensorRT",
  },
  h100: {
    name: "h100",
    class: "cloud",
    ...fitted("h100"), // per-kernel cost and efficiencies per runtime: device-fits.ts, docs/compute-model.md
    peakFlops: {
      fp32: 67e12, // [S] H100 SXM5 (§3.4)
      fp16: 989e12, // [S] dense FP16/BF16 tensor (1,979 sparse) (§3.4)
      int8: 1979e12, // [S] dense INT8 tensor (3,958 sparse) (§3.4)
    },
    memBytesPerSec: 3350e9, // [S] HBM3 (§3.4)
    memoryBytes: 80 * GiB, // [S] 80 GB HBM3, H100 SXM5 (reference §3.4: archive-lib.hpctech.co.jp, glennklockwood.com H100)
    usableMemoryFraction: USABLE.cloud,
    power: DEVICE_POWER["h100"]!, // idle and busy W, sources in device-power.ts
    description: "NVIDIA H100 SXM5 80 GB (Hopper), TensorRT",
  },
};
