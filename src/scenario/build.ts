// Composition root: a ResolvedScenario, its workload and one scheduler become a wired Simulator
// with stations, links, estimators, the executor, the sources and the observers.
import { Simulator, Phase } from "../core/simulator.js";
import { ms } from "../core/time.js";
import { SplitsimError } from "../errors.js";
import { combineObservers } from "../metrics/combine.js";
import type { Observer } from "../platform/observer.js";
import { traceFromSpec } from "../platform/bandwidth/from-spec.js";
import { Executor } from "../platform/executor.js";
import { Link, type LinkLike } from "../platform/link.js";
import { SharedLink } from "../platform/shared-link.js";
import { Station } from "../platform/station.js";
import { Topology } from "../platform/topology.js";
import { createEstimator, type BandwidthEstimator } from "../schedulers/estimators.js";
import type { Scheduler } from "../schedulers/scheduler.js";
import { Model } from "../workload/model.js";
import type { Request } from "../workload/request.js";
import { SourceRunner } from "../workload/source-runner.js";
import type { Workload } from "../workload/workload.js";
import { admission, queuePolicy, transferPick } from "./bind-policy.js";
import { memoryCaps } from "./memory-caps.js";
import { schedulerEstimator, schedulerOwnOptions } from "./scheduler-options.js";
import { RunContext } from "./run-context.js";
import type { SchedulerSource } from "./scheduler-source.js";
import type { EstimatorSpec, ResolvedScenario } from "./types.js";

export interface BuiltRun {
  sim: Simulator;
  scheduler: Scheduler;
  estimator: EstimatorSpec;
  topology: Topology;
  runner: SourceRunner;
  observer: Observer;
  /** Names the scheduler and the request in an error thrown while planning. */
  explain(e: unknown): unknown;
}

/**
 * `scheduler` is a name (its options and estimator come from the scenario), found among `source`'s
 * schedulers (the built-ins and the scenario's plug-ins), or a ready-made Scheduler object (it gets
 * the scenario's estimator), e.g. one a researcher is prototyping in a script.
 */
export function buildRun(
  s: ResolvedScenario, workload: Workload, scheduler: string | Scheduler, observers: readonly Observer[], source: SchedulerSource,
): BuiltRun {
  const sim = new Simulator(s.seed);
  const schedulerName = typeof scheduler === "string" ? scheduler : scheduler.name;
  const raw = typeof scheduler === "string" ? (s.options[scheduler] ?? {}) : {};
  // An instance runs the scheduler it uses, with its own options, under its own name.
  const policyObject = typeof scheduler === "string" ? source.create(s.instances?.[scheduler] ?? scheduler, schedulerOwnOptions(raw)) : scheduler;
  const estimator = schedulerEstimator(schedulerName, raw, s.estimator);
  const models = new Map(Object.entries(s.models).map(([name, spec]) => [name, new Model(spec)]));
  // maxBatch capped where the models do not fit device memory at it (the CLI prints the notes).
  const { nodes } = memoryCaps(s, models.values());
  const topology = new Topology({ ...s, nodes });
  const ctx = new RunContext({
    sim, topology, models, sources: s.sources, workload, headerBytes: s.wire.headerBytes, resultBytes: s.wire.resultBytes,
    accuracy: s.accuracy, slabs: s.slabTable, schedulerName, estimatorKind: estimator.kind,
  });
  const observer = combineObservers(observers);

  let runner: SourceRunner | null = null;
  const executor = new Executor(sim, observer, ctx.stations, ctx.links, {
    requestDone(req: Request) {
      runner!.requestDone(req);
      if (!req.dropped) policyObject.onComplete?.(req, ctx);
      else policyObject.onDrop?.(req, req.dropReason, ctx);
    },
  }, topology, schedulerName);
  ctx.executor = executor;
  const policy = queuePolicy(policyObject, schedulerName, ctx);
  const pickTransfer = transferPick(policyObject, schedulerName, ctx);

  nodes.forEach((n, i) => {
    const cfg = {
      index: i,
      name: n.name,
      servers: n.servers,
      maxBatch: n.maxBatch,
      batchTimeoutNs: ms(n.batchTimeoutMs),
      queueLimit: n.queueLimit ?? Infinity,
      noise: workload.noise,
      originOf: Uint8Array.from(s.sources, (_, k) => (topology.originOf(k) === i ? 1 : 0)),
    };
    ctx.stations.push(new Station(cfg, sim, observer, executor, policy));
  });
  // One server and one estimator per link resource: a link of its own, or a shared medium that
  // serves all its links (they carry its bandwidth, latency and discipline). Schedulers and plans
  // still address links; every link on a medium reaches the medium's server and estimator. A
  // policy's pickTransfer on a medium is asked with the medium's first link.
  const servers: LinkLike[] = [];
  const estimators: BandwidthEstimator[] = [];
  topology.linkResources.forEach((r, k) => {
    const first = r.links[0]!;
    const l = s.links[first]!;
    const trace = traceFromSpec(l.bandwidth, workload.traceOffsetsNs[k]!);
    const est = createEstimator(estimator, trace);
    estimators.push(est);
    const cfg = { index: s.nodes.length + k, link: first, name: r.name, latencyNs: topology.links[first]!.latencyNs, medium: r.medium };
    const LinkClass = l.discipline === "shared" ? SharedLink : Link;
    servers.push(new LinkClass(cfg, trace, sim, observer, executor, est, pickTransfer));
  });
  for (let i = 0; i < s.links.length; i++) {
    const k = topology.resourceOfLink[i]!;
    ctx.links.push(servers[k]!);
    ctx.estimators.push(estimators[k]!);
  }

  const admit = admission(policyObject, schedulerName, ctx, executor, sim, observer);
  runner = new SourceRunner(sim, s.sources, workload, admit);

  if (policyObject.tick) {
    const tick = policyObject.tick;
    if (!(tick.everyMs > 0)) throw new SplitsimError(`${schedulerName}: tick.everyMs must be > 0`);
    const period = ms(tick.everyMs);
    const onTick = (): void => {
      tick.run(ctx);
      // Stop ticking once nothing is left to arrive or finish, so the run can end.
      if (!runner!.exhausted || runner!.inSystem > 0) sim.after(period, Phase.Dispatch, onTick);
    };
    sim.at(0, Phase.Dispatch, onTick);
  }
  return { sim, scheduler: policyObject, estimator, topology, runner, observer, explain: admit.explain };
}
