// Validates a scheduler's options while the scenario loads (or, for a plug-in, once its file is
// imported), so that a bad option is reported with the other problems instead of failing a run
// half-way through a comparison.
import { isSplitsimError, OptionsError } from "../errors.js";
import { SCHEDULERS } from "../schedulers/registry.js";
import type { SchedulerFactory } from "../schedulers/scheduler.js";
import type { Problem } from "./problems.js";
import { parseEstimatorOption, schedulerOwnOptions } from "./scheduler-options.js";
import type { EstimatorSpec } from "./types.js";

/**
 * Checks a scheduler's options by creating it: a built-in through the registry, a plug-in through
 * `create` (which also checks what the plug-in returns).
 */
export function checkSchedulerOptions(
  name: string, raw: Record<string, unknown>, fallback: EstimatorSpec, problems: Problem[],
  create?: (options: Record<string, unknown>) => unknown,
  at: Array<string | number> = ["options", name],
): void {
  const f = create ?? (SCHEDULERS as Record<string, SchedulerFactory>)[name]?.create;
  if (f === undefined) return; // reported as an unknown scheduler already
  const est = parseEstimatorOption(raw, fallback);
  if ("problems" in est) for (const p of est.problems) problems.push({ path: [...at, ...p.path], message: p.message });
  try {
    f(schedulerOwnOptions(raw));
  } catch (e) {
    // By name too: a plug-in may throw the OptionsError of its own copy of splitsim.
    if (!(e instanceof OptionsError || (isSplitsimError(e) && e.name === "OptionsError"))) throw e;
    for (const p of (e as OptionsError).problems) problems.push({ path: [...at, ...(p.path ? p.path.split(".") : [])], message: p.message });
  }
}
