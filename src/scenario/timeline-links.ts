// What a timeline needs to know of each link resource (a link, or a shared medium serving several)
// for one scheduler's run: its latency, its bandwidth trace as the run reads it (the workload's
// offset applied) and a fresh copy of that scheduler's estimator, built as buildRun builds the
// run's own, so both see the same transfers and agree.
import { ms } from "../core/time.js";
import type { TimelineLink } from "../metrics/timeline-recorder.js";
import { traceFromSpec } from "../platform/bandwidth/from-spec.js";
import { linkResources } from "../platform/link-resources.js";
import { createEstimator } from "../schedulers/estimators.js";
import type { Workload } from "../workload/workload.js";
import { schedulerEstimator } from "./scheduler-options.js";
import type { ResolvedScenario } from "./types.js";

export function timelineLinks(s: ResolvedScenario, workload: Workload, scheduler: string): TimelineLink[] {
  const spec = schedulerEstimator(scheduler, s.options[scheduler] ?? {}, s.estimator);
  return linkResources(s.links).resources.map((r, k) => {
    const l = s.links[r.links[0]!]!;
    const trace = traceFromSpec(l.bandwidth, workload.traceOffsetsNs[k]!);
    // The oracle's estimate is the true rate itself: drawn once, as the true bandwidth.
    return { latencyNs: ms(l.latencyMs), trace, estimator: spec.kind === "oracle" ? null : createEstimator(spec, trace) };
  });
}
