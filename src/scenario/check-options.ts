// Validates each chosen scheduler's options while the scenario loads, so that a bad option is
// reported with the other problems instead of failing a run half-way through a comparison.
import { OptionsError } from "../errors.js";
import { SCHEDULERS } from "../schedulers/registry.js";
import type { SchedulerFactory } from "../schedulers/scheduler.js";
import type { Problem } from "./problems.js";
import { parseEstimatorOption, schedulerOwnOptions } from "./scheduler-options.js";
import type { EstimatorSpec } from "./types.js";

export function checkSchedulerOptions(name: string, raw: Record<string, unknown>, fallback: EstimatorSpec, problems: Problem[]): void {
  const factory = (SCHEDULERS as Record<string, SchedulerFactory>)[name];
  if (factory === undefined) return; // reported as an unknown scheduler already
  const est = parseEstimatorOption(raw, fallback);
  if ("problems" in est) for (const p of est.problems) problems.push({ path: ["options", name, ...p.path], message: p.message });
  try {
    factory.create(schedulerOwnOptions(raw));
  } catch (e) {
    if (!(e instanceof OptionsError)) throw e;
    for (const p of e.problems) problems.push({ path: ["options", name, ...(p.path ? p.path.split(".") : [])], message: p.message });
  }
}
