// Leave-one-source-out validation (docs/compute-model.md "Validation"): for each source, every figure
// is derived again without that source's rows (fits and analogy rules alike, calibration-derive.ts)
// and its rows are predicted. A row whose device loses all its rows is predicted by the rules alone:
// the honest test of an analogy.
import { CALIBRATION, SOURCES, type Measurement } from "./calibration-data.js";
import { modelFor, type ModelCache } from "./calibration.js";
import { deriveFigures, profileWith, type Figures } from "./calibration-derive.js";
import { modelTimeMs } from "./compute-model.js";
import { getDevice } from "./devices.js";

export interface Prediction {
  measurement: Measurement;
  predictedMs: number;
  /** predicted / measured − 1. */
  residual: number;
}

/** A row's prediction under derived figures. */
export function predictWith(figures: Figures, m: Measurement, cache: ModelCache = new Map()): number {
  const unit = figures[m.device]?.[m.runtime];
  if (unit === undefined) throw new Error(`calibration: no figures for ${m.device} under ${m.runtime}`);
  return modelTimeMs(modelFor(m, cache), profileWith(getDevice(m.device)!, m.runtime, unit), m.batch, m.precision);
}

/** Every row predicted by figures derived from all rows (the fit's own residuals). */
export function inSampleResiduals(rows: readonly Measurement[] = CALIBRATION): Prediction[] {
  const cache: ModelCache = new Map();
  const figures = deriveFigures(rows, cache);
  return rows.map((m) => residualOf(m, predictWith(figures, m, cache)));
}

/** Every row predicted by figures derived without its source. */
export function leaveOneSourceOut(rows: readonly Measurement[] = CALIBRATION): Prediction[] {
  const cache: ModelCache = new Map();
  const out: Prediction[] = [];
  for (const source of Object.keys(SOURCES)) {
    const held = rows.filter((m) => m.source === source);
    if (held.length === 0) continue;
    const figures = deriveFigures(rows.filter((m) => m.source !== source), cache);
    for (const m of held) out.push(residualOf(m, predictWith(figures, m, cache)));
  }
  return out;
}

/**
 * The analogy rules checked against measured devices: every row predicted by figures derived
 * without any row of its device (so the device gets the rules an unmeasured one of its family gets).
 */
export function leaveOneDeviceOut(rows: readonly Measurement[] = CALIBRATION): Prediction[] {
  const cache: ModelCache = new Map();
  const out: Prediction[] = [];
  for (const device of [...new Set(rows.map((m) => m.device))]) {
    const figures = deriveFigures(rows.filter((m) => m.device !== device), cache);
    for (const m of rows.filter((r) => r.device === device)) out.push(residualOf(m, predictWith(figures, m, cache)));
  }
  return out;
}

const residualOf = (m: Measurement, predictedMs: number): Prediction => ({ measurement: m, predictedMs, residual: predictedMs / m.ms - 1 });
