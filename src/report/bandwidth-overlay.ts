// The true bandwidth of each link over a run, for the report's time charts. A run folder does not
// hold its scenario, so the user names it (--scenario, with the run's --set values); the seed is
// the report's. The scenario must hash to the runs' scenarioHash, so a chart never overlays the
// trace of a different scenario. The traces are read as the run read them (its workload's offsets).
import { ms } from "../core/time.js";
import { SplitsimError } from "../errors.js";
import { linkResources } from "../platform/link-resources.js";
import { scenarioHash } from "../scenario/hash.js";
import { generateWorkload } from "../scenario/generate-workload.js";
import { loadScenario } from "../scenario/load.js";
import { timelineLinks } from "../scenario/timeline-links.js";
import type { RunReport } from "../metrics/report.js";

/** Instants at which each link's rate is sampled over the run (a step line joins them). */
export const BANDWIDTH_SAMPLES = 600;

export interface BandwidthSeries {
  link: string;
  tSec: number[];
  mbps: number[];
}

export function bandwidthOverlay(scenarioFile: string, sets: readonly string[], reports: readonly RunReport[]): BandwidthSeries[] {
  const first = reports[0]!;
  const seeds = new Set(reports.map((r) => r.seed));
  const hashes = new Set(reports.map((r) => r.scenarioHash));
  if (seeds.size > 1 || hashes.size > 1) throw new SplitsimError(`--scenario: the runs are of ${hashes.size > 1 ? "different scenarios" : "different seeds"}; a bandwidth overlay needs runs of one scenario and seed`);
  const s = loadScenario(scenarioFile, { sets, seed: first.seed });
  const h = scenarioHash(s);
  if (h !== first.scenarioHash) {
    throw new SplitsimError(`--scenario ${scenarioFile}: it is not the scenario of these runs (hash ${h}, the runs' ${first.scenarioHash}); give the file the run read, with the same --set values`);
  }
  const workload = generateWorkload(s);
  const links = timelineLinks(s, workload, first.scheduler);
  const endMs = Math.max(...reports.map((r) => r.window.t1Ms));
  // Per link resource: a shared medium is drawn once, under its name.
  return linkResources(s.links).resources.flatMap((r, i) => {
    const trace = links[i]!.trace;
    if (trace === null) return [];
    const tSec: number[] = [];
    const mbps: number[] = [];
    for (let k = 0; k <= BANDWIDTH_SAMPLES; k++) {
      const tMs = (endMs * k) / BANDWIDTH_SAMPLES;
      tSec.push(tMs / 1000);
      mbps.push(trace.rate(ms(tMs)) / 125_000);
    }
    return [{ link: r.name, tSec, mbps }];
  });
}
