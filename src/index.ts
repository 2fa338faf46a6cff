// Public API of splitsim: load a scenario, run schedulers over one shared workload, read reports,
// and write schedulers (the interface, the planning library, option parsing). The CLI is a thin
// layer over these; scripts can use them directly (and pass their own Scheduler objects to runScenario).
export * from "./core/time.js";
export { Simulator, Phase, type Handler } from "./core/simulator.js";
export { createStream, type RandomStream } from "./core/random.js";
export { SplitsimError, OptionsError, isSplitsimError } from "./errors.js";
export { loadScenario, resolveScenarioText, ScenarioError, type LoadOptions } from "./scenario/load.js";
export { runScenario, type RunResult, type RunOptions } from "./scenario/run.js";
export { loadPlugins, importFactory } from "./scenario/load-plugins.js";
export { schedulerSource, BUILTIN_SCHEDULERS, type SchedulerSource } from "./scenario/scheduler-source.js";
export type { ResolvedScenario } from "./scenario/types.js";
export { scenarioHash } from "./scenario/hash.js";
export { generateWorkload } from "./scenario/generate-workload.js";
export type { Workload } from "./workload/workload.js";
export { Model, type Cut } from "./workload/model.js";
export type { ModelSpec, LayerSpec } from "./workload/model-spec.js";
export { makePlan, PlanError, type Plan, type PlanSummary, type Step, type ComputeCost } from "./workload/plan.js";
export { boundaryBytes, tensorBytes, WIRE_BITS } from "./workload/quantization.js";
export type { RequestOutcome, OutcomeValue } from "./workload/outcome.js";
export type { ContentSpec } from "./workload/source-spec.js";
export type { Work } from "./workload/work.js";
export type { Request } from "./workload/request.js";
export { SCHEDULERS, schedulerNames, schedulerFactory } from "./schedulers/registry.js";
export {
  DEFER, type CostOptions, type PlanResult, type QueueView, type RequestColumn, type Scheduler, type SchedulerContext,
  type SchedulerFactory, type SourceView,
} from "./schedulers/scheduler.js";
export { bitsOption, parseOptions } from "./schedulers/options.js";
export * from "./schedulers/planning/index.js";
export type { Observer, ResourceInfo } from "./platform/observer.js";
export type { RunReport, ResourceReport } from "./metrics/report.js";
export { requestsCsv, resourcesCsv } from "./metrics/csv.js";
