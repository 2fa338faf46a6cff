// The estimator of a scenario or scheduler option, with its parameters' defaults filled.
import type { EstimatorParsed } from "./schema.js";
import type { EstimatorSpec } from "./types.js";

export const ESTIMATOR_DEFAULTS = { alpha: 0.3, window: 5 } as const;

export function resolveEstimator(e: EstimatorParsed): EstimatorSpec {
  const o = typeof e === "string" ? { kind: e } : e;
  switch (o.kind) {
    case "ewma":
      return { kind: "ewma", alpha: ("alpha" in o ? o.alpha : undefined) ?? ESTIMATOR_DEFAULTS.alpha };
    case "harmonic":
      return { kind: "harmonic", window: ("window" in o ? o.window : undefined) ?? ESTIMATOR_DEFAULTS.window };
    default:
      return { kind: o.kind };
  }
}
