// The minimax fit of one (device, runtime) to its calibration rows (docs/compute-model.md "Fit").
// Each row's prediction is linear in the per-kernel overhead and, per layer, a max of compute over
// efficiency and memory time, so it is computed once per row as a curve (kernels, compute, memory
// per layer) from the compute model itself, and the fit scans the overhead and bisects each
// efficiency on those curves.
import { modelFor, type Measurement, type ModelCache } from "./calibration.js";
import { layerTimeMs } from "./compute-model.js";
import type { DeviceProfile, Precision } from "./devices.js";

export interface FitOptions {
  /** Upper bound on the efficiency per precision (default 1: no more than the peak). */
  maxEfficiency?: Partial<Record<Precision, number>>;
  /** Largest per-kernel overhead tried, ms (default 1), in steps of `overheadStepMs` (default 0.001). */
  maxOverheadMs?: number;
  overheadStepMs?: number;
  /** Keep the overhead at this value (an analogy rule gives it) and fit the efficiencies only. */
  fixedOverheadMs?: number;
  /** Keep these efficiencies (another runtime of the device gives them) and fit the rest. */
  fixedEfficiency?: Partial<Record<Precision, number>>;
}

export interface Fit {
  layerOverheadMs: number;
  efficiency: Partial<Record<Precision, number>>;
  /** Largest |residual| of the fit. */
  worst: number;
  /** Precisions whose efficiency stopped at its bound with rows asking for more. */
  atBound: Precision[];
}

/** A row's prediction as a function of (overhead, efficiency): kernels·o + Σ max(compute/eff, memory). */
interface Curve {
  ms: number;
  kernels: number;
  compute: Float64Array;
  memory: Float64Array;
}

function curveOf(m: Measurement, base: DeviceProfile, cache: ModelCache): Curve {
  const model = modelFor(m, cache);
  const part = (d: Partial<DeviceProfile>): Float64Array =>
    Float64Array.from({ length: model.layerCount }, (_, i) => layerTimeMs(model, i, { ...base, ...d }, m.batch, m.precision));
  const inf = { fp32: Infinity, fp16: Infinity, int8: Infinity };
  const none = { layerOverheadMs: 0, efficiency: 1, efficiencyByPrecision: { [m.precision]: 1 } };
  const compute = part({ ...none, memBytesPerSec: Infinity });
  const memory = part({ ...none, peakFlops: inf });
  const kernels = part({ layerOverheadMs: 1, peakFlops: inf, memBytesPerSec: Infinity }).reduce((a, b) => a + b, 0);
  return { ms: m.ms, kernels, compute, memory };
}

function predict(c: Curve, overhead: number, eff: number): number {
  let t = c.kernels * overhead;
  for (let i = 0; i < c.compute.length; i++) t += Math.max(c.compute[i]! / eff, c.memory[i]!);
  return t;
}

/**
 * Minimax fit for one (device, runtime): `base` carries the runtime, whose kernel rules count the
 * overheads; one per-kernel overhead for all precisions and one efficiency per measured precision,
 * minimising the largest |predicted/measured − 1|. For a fixed overhead the precisions decouple, and
 * every prediction falls as efficiency rises, so the best efficiency is where the largest and
 * smallest residuals balance (bisection), unless the bound stops it first. The overhead is scanned
 * on a grid; ties go to the smallest overhead.
 */
export function fitDevice(base: DeviceProfile, measurements: readonly Measurement[], opts: FitOptions = {}, cache: ModelCache = new Map()): Fit {
  const runtime = base.runtime ?? "eager";
  const odd = measurements.find((m) => m.runtime !== runtime || m.device !== base.name);
  if (odd) throw new Error(`fitDevice: a ${odd.device}/${odd.runtime} row in a fit of ${base.name}/${runtime}`);
  const precisions = [...new Set(measurements.map((m) => m.precision))];
  const groups = precisions.map((p) => measurements.filter((m) => m.precision === p).map((m) => curveOf(m, base, cache)));
  const step = opts.overheadStepMs ?? 0.001;
  const overheads = opts.fixedOverheadMs !== undefined ? [opts.fixedOverheadMs]
    : Array.from({ length: Math.round((opts.maxOverheadMs ?? 1) / step) + 1 }, (_, k) => k * step);
  let best: Fit = { layerOverheadMs: 0, efficiency: {}, worst: Infinity, atBound: [] };
  for (const overhead of overheads) {
    const fit: Fit = { layerOverheadMs: overhead, efficiency: {}, worst: 0, atBound: [] };
    precisions.forEach((p, g) => {
      const group = groups[g]!;
      const residuals = (eff: number): number[] => group.map((c) => predict(c, overhead, eff) / c.ms - 1);
      const balance = (eff: number): number => {
        const r = residuals(eff);
        return Math.max(...r) + Math.min(...r);
      };
      const cap = opts.maxEfficiency?.[p] ?? 1;
      let eff = opts.fixedEfficiency?.[p] ?? cap;
      if (opts.fixedEfficiency?.[p] === undefined) {
        if (balance(cap) < 0) {
          let lo = 1e-4;
          let hi = cap;
          for (let i = 0; i < 60; i++) {
            const mid = (lo + hi) / 2;
            if (balance(mid) > 0) lo = mid;
            else hi = mid;
          }
          eff = (lo + hi) / 2;
        } else fit.atBound.push(p);
      }
      fit.efficiency[p] = eff;
      fit.worst = Math.max(fit.worst, ...residuals(eff).map(Math.abs));
    });
    if (fit.worst < best.worst - 1e-9) best = fit;
  }
  return best;
}
