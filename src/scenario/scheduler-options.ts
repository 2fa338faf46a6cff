// Splits a scheduler's options into the ones the run handles (`estimator`) and its own.
import { SplitsimError } from "../errors.js";
import type { EstimatorSpec } from "./types.js";

const ESTIMATOR_DEFAULTS = { alpha: 0.3, window: 5 };

export function schedulerOwnOptions(raw: Record<string, unknown>): Record<string, unknown> {
  const { estimator: _estimator, ...own } = raw;
  return own;
}

/** The scheduler's `estimator` option (a kind name or an object), else the scenario default. */
export function schedulerEstimator(scheduler: string, raw: Record<string, unknown>, fallback: EstimatorSpec): EstimatorSpec {
  const e = raw["estimator"];
  if (e === undefined) return fallback;
  const obj = (typeof e === "string" ? { kind: e } : e) as Record<string, unknown>;
  const where = `options.${scheduler}.estimator`;
  switch (obj["kind"]) {
    case "oracle":
    case "last":
      return { kind: obj["kind"] };
    case "ewma": {
      const alpha = obj["alpha"] ?? ESTIMATOR_DEFAULTS.alpha;
      if (typeof alpha !== "number" || !(alpha > 0 && alpha <= 1)) throw new SplitsimError(`${where}.alpha: must be in (0, 1]`);
      return { kind: "ewma", alpha };
    }
    case "harmonic": {
      const window = obj["window"] ?? ESTIMATOR_DEFAULTS.window;
      if (typeof window !== "number" || !Number.isInteger(window) || window < 1) throw new SplitsimError(`${where}.window: must be an integer >= 1`);
      return { kind: "harmonic", window };
    }
    default:
      throw new SplitsimError(`${where}: must be one of oracle, last, ewma, harmonic`);
  }
}
