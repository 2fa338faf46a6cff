// Public API of splitsim: load a scenario, run schedulers over one shared workload, read reports.
// The CLI is a thin layer over these; scripts can use them directly (and pass their own
// Scheduler objects to runScenario).
export * from "./core/time.js";
export { Simulator, Phase, type Handler } from "./core/simulator.js";
export { createStream, type RandomStream } from "./core/random.js";
export { SplitsimError, OptionsError } from "./errors.js";
export { loadScenario, resolveScenarioText, ScenarioError, type LoadOptions } from "./scenario/load.js";
export { runScenario, type RunResult, type RunOptions } from "./scenario/run.js";
export type { ResolvedScenario } from "./scenario/types.js";
export { scenarioHash } from "./scenario/hash.js";
export { generateWorkload } from "./scenario/generate-workload.js";
export type { Workload } from "./workload/workload.js";
export { Model, type Cut } from "./workload/model.js";
export type { ModelSpec, LayerSpec } from "./workload/model-spec.js";
export { makePlan, type Plan, type Step, type ComputeCost } from "./workload/plan.js";
export type { Work } from "./workload/work.js";
export type { Request } from "./workload/request.js";
export { SCHEDULERS, schedulerNames, schedulerFactory } from "./schedulers/registry.js";
export type { Scheduler, SchedulerContext, SchedulerFactory } from "./schedulers/scheduler.js";
export type { Observer, ResourceInfo } from "./platform/observer.js";
export type { RunReport, ResourceReport } from "./metrics/report.js";
export { requestsCsv, resourcesCsv } from "./metrics/csv.js";
