// The calibration set (reference/models-devices.md §4.3 and §4.4) as data, its prediction by the
// compute model on the zoo models, and the minimax fit that produced the figures in device-profiles.ts.
import { modelTimeMs } from "./compute-model.js";
import { getDevice, type DeviceProfile, type Precision } from "./devices.js";
import { Model } from "./model.js";
import { zooModel, type ZooId } from "./zoo/index.js";

export interface Measurement {
  /** Built-in device name. */
  device: string;
  model: ZooId;
  /** Square input side the measurement used. */
  inputSize: number;
  precision: Precision;
  /** Measured latency at batch 1, ms (model time only). */
  ms: number;
  source: string;
}

const TRT = "reference §4.3: kentaroy47/benchmark-FP32-FP16-INT8-with-TensorRT README.md, TensorRT, 1×3×256×256";
// The tutorial feeds the camera's 224×224 frames to every model, Inception-v3 included (its
// default is 299): with 299 its 195.5 ms would imply 58 GOP/s against 36 for the ResNets.
const RPI = "reference §4.4: pytorch/tutorials intermediate_source/realtime_rpi.rst, qnnpack int8, 224×224, model ms/frame";

const trt = (device: string, model: ZooId, precision: Precision, ms: number): Measurement =>
  ({ device, model, inputSize: 256, precision, ms, source: TRT });
const rpi = (model: ZooId, ms: number): Measurement =>
  ({ device: "raspberry-pi-4", model, inputSize: 224, precision: "int8", ms, source: RPI });

/**
 * Every §4.3/§4.4 row whose model is in the zoo. Left out: the "PyTorch (no TRT)" column (another
 * runtime than the profiles model) and the Pi rows for mobilenet_v3_large, resnext101_32x8d and the
 * shufflenets (not in the zoo). "Jetson Xavier" is the AGX Xavier (§4.3 heading).
 */
export const CALIBRATION: readonly Measurement[] = [
  trt("jetson-nano", "resnet18", "fp32", 26), trt("jetson-nano", "resnet18", "fp16", 18),
  trt("jetson-nano", "resnet34", "fp32", 48), trt("jetson-nano", "resnet34", "fp16", 30),
  trt("jetson-nano", "resnet50", "fp32", 79), trt("jetson-nano", "resnet50", "fp16", 42),
  trt("jetson-agx-xavier", "resnet18", "fp32", 3.86), trt("jetson-agx-xavier", "resnet18", "fp16", 2.16),
  trt("jetson-agx-xavier", "resnet18", "int8", 1.73),
  trt("jetson-agx-xavier", "resnet34", "fp32", 5.67), trt("jetson-agx-xavier", "resnet34", "fp16", 3.38),
  trt("jetson-agx-xavier", "resnet34", "int8", 2.7),
  trt("jetson-agx-xavier", "resnet50", "fp32", 9.89), trt("jetson-agx-xavier", "resnet50", "fp16", 4.45),
  trt("jetson-agx-xavier", "resnet50", "int8", 3.91),
  rpi("mobilenet-v2", 26.4), rpi("resnet18", 100.3), rpi("resnet50", 225.2), rpi("inception-v3", 195.5),
  rpi("googlenet", 132.0),
];

/** Builds each (model, input size) once per call site that passes the same cache. */
type ModelCache = Map<string, Model>;

function modelFor(m: Measurement, cache: ModelCache): Model {
  const key = `${m.model}@${m.inputSize}`;
  let model = cache.get(key);
  if (!model) {
    const spec = zooModel(m.model, { inputSize: m.inputSize });
    if (!spec) throw new Error(`calibration: no zoo model ${m.model}`);
    model = new Model(spec);
    cache.set(key, model);
  }
  return model;
}

/** The compute model's batch-1 latency for a measurement, on `device` (default: the built-in profile). */
export function predictMs(m: Measurement, device?: DeviceProfile, cache: ModelCache = new Map()): number {
  const d = device ?? getDevice(m.device);
  if (!d) throw new Error(`calibration: no device ${m.device}`);
  return modelTimeMs(modelFor(m, cache), d, 1, m.precision);
}

export interface Residual {
  measurement: Measurement;
  predictedMs: number;
  /** predicted / measured − 1. */
  residual: number;
}

/** Prediction and residual of every calibration measurement against the built-in profiles. */
export function calibrationResiduals(measurements: readonly Measurement[] = CALIBRATION): Residual[] {
  const cache: ModelCache = new Map();
  return measurements.map((m) => {
    const predictedMs = predictMs(m, undefined, cache);
    return { measurement: m, predictedMs, residual: predictedMs / m.ms - 1 };
  });
}

export interface FitOptions {
  /** Upper bound on the efficiency per precision (default 1: no more than the peak). */
  maxEfficiency?: Partial<Record<Precision, number>>;
  /** Largest per-layer overhead tried, ms (default 1), in steps of `overheadStepMs` (default 0.001). */
  maxOverheadMs?: number;
  overheadStepMs?: number;
}

export interface Fit {
  layerOverheadMs: number;
  efficiency: Partial<Record<Precision, number>>;
  /** Largest |residual| of the fit. */
  worst: number;
}

/**
 * Minimax fit for one device: one per-layer overhead for all precisions and one efficiency per
 * measured precision, minimising the largest |predicted/measured − 1| (the ±20 % acceptance test).
 * For a fixed overhead the precisions decouple, and every prediction falls as efficiency rises, so
 * the best efficiency is where the largest and smallest residuals balance (bisection), unless the
 * bound stops it first. The overhead is scanned on a grid; ties go to the smallest overhead.
 */
export function fitDevice(base: DeviceProfile, measurements: readonly Measurement[], opts: FitOptions = {}): Fit {
  const cache: ModelCache = new Map();
  const precisions = [...new Set(measurements.map((m) => m.precision))];
  const step = opts.overheadStepMs ?? 0.001;
  const steps = Math.round((opts.maxOverheadMs ?? 1) / step);
  let best: Fit = { layerOverheadMs: 0, efficiency: {}, worst: Infinity };
  for (let k = 0; k <= steps; k++) {
    const overhead = k * step;
    const fit: Fit = { layerOverheadMs: overhead, efficiency: {}, worst: 0 };
    for (const p of precisions) {
      const group = measurements.filter((m) => m.precision === p);
      const residuals = (eff: number): number[] => {
        const d: DeviceProfile = { ...base, layerOverheadMs: overhead, efficiencyByPrecision: { [p]: eff } };
        return group.map((m) => predictMs(m, d, cache) / m.ms - 1);
      };
      const balance = (eff: number): number => {
        const r = residuals(eff);
        return Math.max(...r) + Math.min(...r);
      };
      const cap = opts.maxEfficiency?.[p] ?? 1;
      let eff = cap;
      if (balance(cap) < 0) {
        let lo = 1e-4;
        let hi = cap;
        for (let i = 0; i < 60; i++) {
          const mid = (lo + hi) / 2;
          if (balance(mid) > 0) lo = mid;
          else hi = mid;
        }
        eff = (lo + hi) / 2;
      }
      fit.efficiency[p] = eff;
      fit.worst = Math.max(fit.worst, ...residuals(eff).map(Math.abs));
    }
    if (fit.worst < best.worst - 1e-9) best = fit;
  }
  return best;
}
