// runScenario: one scheduler over one (scenario, seed) workload -> RunReport. Pure: no file I/O,
// the same inputs give a byte-identical report.
import { toSec } from "../core/time.js";
import { isSplitsimError, SplitsimError } from "../errors.js";
import { Collector } from "../metrics/collector.js";
import { combineObservers } from "../metrics/combine.js";
import { InvariantChecker } from "../metrics/invariants.js";
import { linkResources } from "../platform/link-resources.js";
import type { Observer } from "../platform/observer.js";
import type { RunReport } from "../metrics/report.js";
import type { Request } from "../workload/request.js";
import type { Workload } from "../workload/workload.js";
import { estimatorLabel } from "../schedulers/estimators.js";
import type { Scheduler } from "../schedulers/scheduler.js";
import { buildRun } from "./build.js";
import { energySpec } from "./energy-spec.js";
import { generateWorkload } from "./generate-workload.js";
import { scenarioHash } from "./hash.js";
import { BUILTIN_SCHEDULERS, type SchedulerSource } from "./scheduler-source.js";
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
  /** Where scheduler names are looked up: needed when the scenario has plug-ins (loadPlugins). */
  schedulers?: SchedulerSource;
  /**
   * Check the run's invariants as it goes (default true; docs/invariants.md): a violation throws an
   * InvariantError naming the invariant, the request, the step and the times. Reports are the same either way.
   */
  check?: boolean;
}

/**
 * The offset (s, to the ns) at which each traced link (or shared medium, under its name) read its
 * trace: random offsets differ per seed.
 */
function traceOffsets(s: ResolvedScenario, workload: Workload): { traceOffsetS?: Record<string, number> } {
  const out: Record<string, number> = {};
  linkResources(s.links).resources.forEach((r, k) => {
    if (s.links[r.links[0]!]!.bandwidth.kind === "trace") out[r.name] = Number((workload.traceOffsetsNs[k]! / 1e9).toFixed(9));
  });
  return Object.keys(out).length === 0 ? {} : { traceOffsetS: out };
}

/** Runs one scheduler, given by name or as a Scheduler object, over the scenario. */
export function runScenario(s: ResolvedScenario, scheduler: string | Scheduler, opts: RunOptions = {}): RunResult {
  const schedulerName = typeof scheduler === "string" ? scheduler : scheduler.name;
  const plugin = typeof scheduler === "string" ? s.plugins?.[s.instances?.[scheduler] ?? scheduler] : undefined;
  if (plugin !== undefined && opts.schedulers === undefined) {
    throw new SplitsimError(`scheduler '${schedulerName}' is a plug-in (${plugin.file}): load the scenario's plug-ins with loadPlugins(scenario) and pass them as { schedulers }`);
  }
  const workload = opts.workload ?? generateWorkload(s);
  const collector = new Collector({
    warmupRequests: s.warmupRequests,
    keepRequests: opts.keepRequests ?? true,
    ...(s.metrics?.deadlinesMs === undefined ? {} : { deadlinesMs: s.metrics.deadlinesMs }),
    ...(s.metrics?.binMs === undefined ? {} : { binMs: s.metrics.binMs }),
    ...(s.metrics?.latencySketch === undefined ? {} : { latencySketch: s.metrics.latencySketch }),
    sources: s.sources.length,
    expectedRequests: s.sources.reduce((a, src) => a + src.requests, 0),
    energy: energySpec(s),
  });
  const observers = [collector, ...collector.companions(), ...(opts.observers ?? [])];
  // The checker sees each event first (a broken one fails as a violation before anything reads it)
  // and hands it on to the others.
  const checked = opts.check === false ? observers : [new InvariantChecker(s, combineObservers(observers))];
  const built = buildRun(s, workload, scheduler, checked, opts.schedulers ?? BUILTIN_SCHEDULERS);
  const { sim, runner, observer, topology } = built;
  observer.onSetup?.(topology.resources());
  runner.start();
  try {
    sim.run();
  } catch (thrown) {
    const e = built.explain(thrown);
    // A plug-in's own bug is the plug-in's, not the simulator's: say which file, keep the cause.
    if (plugin === undefined || isSplitsimError(e)) throw e;
    throw new SplitsimError(`${plugin.file}: scheduler '${schedulerName}' failed at ${toSec(sim.now)} s: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  if (runner.inSystem > 0) {
    throw new SplitsimError(
      `${schedulerName}: ${runner.inSystem} request(s) were still in the system when no event was left at ${toSec(sim.now)} s ` +
        `(a policy held work or deferred a request that nothing released)`,
    );
  }
  observer.onFinish?.(sim.now);
  const policy = built.scheduler.summary?.();
  const report = collector.report({
    scenario: s.name,
    scheduler: schedulerName,
    options: s.options[schedulerName] ?? {},
    seed: s.seed,
    scenarioHash: scenarioHash(s),
    estimator: estimatorLabel(built.estimator),
    ...traceOffsets(s, workload),
    ...(typeof scheduler === "string" && s.instances?.[scheduler] !== undefined ? { uses: s.instances[scheduler] } : {}),
    ...(policy === undefined ? {} : { policy }),
  });
  return { report, requests: collector.requests, events: sim.eventCount };
}
