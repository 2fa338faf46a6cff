// The calibration set's prediction by the compute model on the zoo models (calibration-data.ts has
// the rows), and its residuals; the fit is in calibration-fit.ts, the derivation of every figure in calibration-derive.ts.
import { CALIBRATION, type Measurement } from "./calibration-data.js";
import { modelTimeMs } from "./compute-model.js";
import { underRuntime } from "./device-runtime.js";
import { getDevice, type DeviceProfile, type Precision } from "./devices.js";
import { Model } from "./model.js";
import { zooModel } from "./zoo/index.js";

export { CALIBRATION, SOURCES, type CalibrationSource, type Measurement } from "./calibration-data.js";

/** Builds each (model, input size) once per call site that passes the same cache. */
export type ModelCache = Map<string, Model>;

export function modelFor(m: Measurement, cache: ModelCache): Model {
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

/**
 * The compute model's latency for a measurement (its batch, precision and input size), on `device`
 * (default: the built-in profile under the row's runtime).
 */
export function predictMs(m: Measurement, device?: DeviceProfile, cache: ModelCache = new Map()): number {
  const d = device ?? builtinUnder(m);
  return modelTimeMs(modelFor(m, cache), d, m.batch, m.precision);
}

function builtinUnder(m: Measurement): DeviceProfile {
  const base = getDevice(m.device);
  if (!base) throw new Error(`calibration: no device ${m.device}`);
  const d = underRuntime(base, m.runtime);
  if ("error" in d) throw new Error(`calibration: ${d.error}`);
  return d;
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

export { fitDevice, type Fit, type FitOptions } from "./calibration-fit.js";
