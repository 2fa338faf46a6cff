// The runtimes each built-in device runs, its default first (docs/compute-model.md "Runtimes"): GPUs
// (Jetsons, datacenter cards) default to `compiled` (TensorRT) and also run `eager` (PyTorch); the
// Raspberry Pis run `mobile-cpu` (qnnpack/TFLite-style); the phone's accelerators run `compiled`
// (Core ML-style graphs).
import type { RuntimeName } from "./runtime.js";

export const DEVICE_RUNTIMES: Readonly<Record<string, readonly RuntimeName[]>> = {
  "raspberry-pi-4": ["mobile-cpu"], "raspberry-pi-5": ["mobile-cpu"], "phone-a16": ["compiled"],
  "jetson-nano": ["compiled", "eager"], "jetson-xavier-nx": ["compiled", "eager"], "jetson-agx-xavier": ["compiled", "eager"],
  "jetson-agx-orin": ["compiled", "eager"], t4: ["compiled", "eager"], v100: ["compiled", "eager"], a100: ["compiled", "eager"],
  h100: ["compiled", "eager"],
};
