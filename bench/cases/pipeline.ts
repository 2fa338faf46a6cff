// Cases 3 and 4: the "quickstart pipeline" (scenarios/examples/overload.yaml, which was the
// quickstart until issue 13 and keeps its nodes, links and workload so figures stay comparable: ResNet-50 from
// a Jetson Nano over an LTE-like trace to a batching A100) with the request count overridden as --set
// does. Timed: workload generation and the simulation apart, so events/s is the kernel's rate
// and the wall time is what a user waits for one scheduler (scenario loading excluded: it does
// not grow with the request count).
import { fileURLToPath } from "node:url";
import { generateWorkload, loadScenario, runScenario } from "../../src/index.js";
import { peakRssMB, type CaseResult } from "../lib/result.js";

export const QUICKSTART = fileURLToPath(new URL("../../scenarios/examples/overload.yaml", import.meta.url));

/**
 * `fps` overrides the frame rate (workload.arrivals.fps). At the file's 30 fps both schedulers are
 * overloaded (cloud-only saturates the uplink, neurosurgeon keeps everything on the Nano), so the
 * backlog grows with the request count; case 4 uses 2 fps, where cloud-only is stable (uplink ρ ≈ 0.5).
 */
export function pipeline(scheduler: "cloud-only" | "neurosurgeon", requests: number, fps?: number, extraSets: readonly string[] = []): CaseResult {
  const sets = [`workload.requests=${requests}`, "workload.warmupRequests=0", ...extraSets];
  if (fps !== undefined) sets.push(`workload.arrivals.fps=${fps}`);
  const s = loadScenario(QUICKSTART, { sets });
  const w0 = performance.now();
  const workload = generateWorkload(s);
  const t0 = performance.now();
  // keepRequests: false is the summary-only mode the memory target is about.
  const r = runScenario(s, scheduler, { workload, keepRequests: false });
  const t1 = performance.now();
  return {
    case: fps === undefined ? `pipeline-${scheduler}` : `pipeline-${scheduler}-${fps}fps`,
    size: requests,
    events: r.events,
    seconds: (t1 - t0) / 1e3,
    requests: r.report.requests.completed + r.report.requests.dropped,
    wallSeconds: (t1 - w0) / 1e3,
    rssMB: peakRssMB(),
    extra: { workloadSeconds: (t0 - w0) / 1e3, meanLatencyMs: r.report.latencyMs.mean },
  };
}
