// generateWorkload: the workload of a resolved scenario under a seed (arrivals, model mix, noise
// draws, trace offsets), generated once and replayed for every scheduler. It turns the scenario into
// the workload layer's own WorkloadSpec, so that layer never reads the scenario's types.
import { sec } from "../core/time.js";
import { linkResources } from "../platform/link-resources.js";
import { createWorkload, type TraceOffset, type Workload } from "../workload/workload.js";
import type { ResolvedLink, ResolvedScenario } from "./types.js";

export function generateWorkload(s: ResolvedScenario, seed = s.seed): Workload {
  return createWorkload({
    seed,
    sources: s.sources,
    noise: s.noise.compute,
    stationNames: s.nodes.map((n) => n.name),
    // One offset per link resource: a shared medium reads its trace once (stream trace-offset/<medium>);
    // without media these are the links themselves, in order.
    links: linkResources(s.links).resources.map((r) => ({ name: r.name, offset: traceOffset(s.links[r.links[0]!]!) })),
  });
}

/** Constant links and profiles start at 0; a trace starts at its offset, or a random one per seed. */
function traceOffset(l: ResolvedLink): TraceOffset {
  const bw = l.bandwidth;
  if (bw.kind !== "trace") return { fixedNs: 0 };
  if (bw.offsetS !== "random") return { fixedNs: sec(bw.offsetS) };
  return { randomOverNs: bw.loop ? bw.data.periodNs : bw.data.durationNs };
}
