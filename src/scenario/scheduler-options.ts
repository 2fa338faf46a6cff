// A scheduler's options as the run sees them: `estimator` (any scheduler may override the
// scenario's) is handled by the run, the rest belongs to the scheduler, which validates it.
import { SplitsimError } from "../errors.js";
import { resolveEstimator } from "./resolve-estimator.js";
import { Estimator } from "./schema.js";
import type { EstimatorSpec } from "./types.js";

export function schedulerOwnOptions(raw: Record<string, unknown>): Record<string, unknown> {
  const { estimator: _estimator, ...own } = raw;
  return own;
}

/** The scheduler's `estimator` option (a kind name or an object), else the scenario default. */
export function schedulerEstimator(scheduler: string, raw: Record<string, unknown>, fallback: EstimatorSpec): EstimatorSpec {
  const r = parseEstimatorOption(raw, fallback);
  if ("spec" in r) return r.spec;
  throw new SplitsimError(r.problems.map((p) => `options.${scheduler}.${p.path.join(".")}: ${p.message}`).join("\n"));
}

/** Problems have paths relative to the scheduler's options (`estimator.alpha`). */
export function parseEstimatorOption(
  raw: Record<string, unknown>,
  fallback: EstimatorSpec,
): { spec: EstimatorSpec } | { problems: Array<{ path: Array<string | number>; message: string }> } {
  if (raw["estimator"] === undefined) return { spec: fallback };
  const r = Estimator.safeParse(raw["estimator"]);
  if (r.success) return { spec: resolveEstimator(r.data) };
  return {
    problems: r.error.issues.map((i) => ({
      path: ["estimator", ...i.path.filter((k): k is string | number => typeof k !== "symbol")],
      message: i.path.length === 0 ? "must be oracle, last, ewma or harmonic (or an object with kind)" : i.message,
    })),
  };
}
