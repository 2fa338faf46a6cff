// runScenario: one scheduler over one (scenario, seed) workload -> RunReport. Pure: no file I/O,
// the same inputs give a byte-identical report.
import { toSec } from "../core/time.js";
import { SplitsimError } from "../errors.js";
import { Collector } from "../metrics/collector.js";
import type { Observer } from "../platform/observer.js";
import type { RunReport } from "../metrics/report.js";
import type { Request } from "../workload/request.js";
import type { Workload } from "../workload/workload.js";
import { generateWorkload } from "./generate-workload.js";
import { estimatorLabel } from "../schedulers/estimators.js";
import type { Scheduler } from "../schedulers/scheduler.js";
import { buildRun } from "./build.js";
import { scenarioHash } from "./hash.js";
import type { ResolvedScenario } from "./types.js";

export interface RunResult {
  report: RunReport;
  /** Every admitted request (completed or dropped), in id order; empty with keepRequests: false. */
  requests: readonly Request[];
  /** Events the kernel handled (for benchmarks). */
  events: number;
}

export interface RunOptions {
  /** Share one workload across schedulers (generated from the scenario's seed if absent). */
  workload?: Workload;
  /** Extra observers, e.g. a Chrome trace writer or a requests.csv stream. */
  observers?: readonly Observer[];
  /**
   * Keep every finished Request in the result (default true). Set it false for big runs that
   * need only the report: memory then holds one float per measured request.
   */
  keepRequests?: boolean;
}

/** Runs one scheduler, given by registry name or as a Scheduler object, over the scenario. */
export function runScenario(s: ResolvedScenario, scheduler: string | Scheduler, opts: RunOptions = {}): RunResult {
  const schedulerName = typeof scheduler === "string" ? scheduler : scheduler.name;
  const workload = opts.workload ?? generateWorkload(s);
  const collector = new Collector({ warmupRequests: s.warmupRequests, keepRequests: opts.keepRequests ?? true });
  const built = buildRun(s, workload, scheduler, [collector, ...(opts.observers ?? [])]);
  const { sim, runner, observer, topology } = built;
  observer.onSetup?.(topology.resources());
  runner.start();
  sim.run();
  if (runner.inSystem > 0) {
    throw new SplitsimError(
      `${schedulerName}: ${runner.inSystem} request(s) were still in the system when no event was left at ${toSec(sim.now)} s ` +
        `(a policy held work that nothing released)`,
    );
  }
  observer.onFinish?.(sim.now);
  const report = collector.report({
    scenario: s.name,
    scheduler: schedulerName,
    options: s.options[schedulerName] ?? {},
    seed: s.seed,
    scenarioHash: scenarioHash(s),
    estimator: estimatorLabel(built.estimator),
  });
  return { report, requests: collector.requests, events: sim.eventCount };
}
