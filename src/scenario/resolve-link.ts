// Resolves one link of a scenario: endpoints must be nodes, exactly one bandwidth form (constant,
// inline profile, trace); a profile starts at 0 with increasing times and loops only when asked,
// a trace loops unless told not to (its options are checked in resolve-trace.ts).
import type { Problem, Reader } from "./problems.js";
import { resolveTrace } from "./resolve-trace.js";
import type { ScenarioFileParsed } from "./schema.js";
import type { Bandwidth, ResolvedLink } from "./types.js";

type LinkParsed = ScenarioFileParsed["links"][string];

export function resolveLink(
  name: string, l: LinkParsed, nodes: ReadonlySet<string>, ctx: { seed: number; read: Reader }, problems: Problem[],
): ResolvedLink {
  const at = ["links", name];
  if (!nodes.has(l.from)) problems.push({ path: [...at, "from"], message: `no node named '${l.from}'` });
  if (!nodes.has(l.to)) problems.push({ path: [...at, "to"], message: `no node named '${l.to}'` });
  if (l.from === l.to) problems.push({ path: [...at, "to"], message: "a link must join two different nodes" });
  const forms = [l.bandwidthMbps, l.bandwidthProfile, l.trace].filter((x) => x !== undefined).length;
  if (forms !== 1) problems.push({ path: at, message: "give exactly one of bandwidthMbps, bandwidthProfile or trace" });
  if (l.bandwidthProfile === undefined && l.trace === undefined && l.loop !== undefined) {
    problems.push({ path: [...at, "loop"], message: "only a bandwidthProfile or a trace can loop" });
  }
  if (l.bandwidthProfile === undefined && l.periodS !== undefined) {
    problems.push({ path: [...at, "periodS"], message: "periodS applies to a bandwidthProfile (a trace's period comes from its format)" });
  }
  if (l.trace === undefined) {
    for (const key of ["format", "binMs", "column", "scale", "offsetS", "minMbps"] as const) {
      if (l[key] !== undefined) problems.push({ path: [...at, key], message: "applies to a trace only" });
    }
  }
  let bandwidth: Bandwidth = { kind: "constant", mbps: l.bandwidthMbps ?? 1 };
  if (l.trace !== undefined && forms === 1) bandwidth = resolveTrace(name, l, ctx.seed, ctx.read, problems) ?? bandwidth;
  const points = l.bandwidthProfile;
  if (points !== undefined) {
    const loop = l.loop ?? false;
    if (points[0]![0] !== 0) problems.push({ path: [...at, "bandwidthProfile", 0], message: "the first point must be at t = 0 s" });
    for (let i = 1; i < points.length; i++) {
      if (!(points[i]![0] > points[i - 1]![0])) {
        problems.push({ path: [...at, "bandwidthProfile", i], message: "point times must increase" });
        break;
      }
    }
    if (!loop && l.periodS !== undefined) problems.push({ path: [...at, "periodS"], message: "periodS needs loop: true" });
    if (loop) {
      const last = points[points.length - 1]![0];
      const period = l.periodS ?? last;
      if (!(period > 0)) problems.push({ path: [...at, "loop"], message: "a looping profile needs a period: add a closing point or periodS" });
      else if (period < last) problems.push({ path: [...at, "periodS"], message: `must be at least the last point's time (${last} s)` });
      const carried = points.some(([t, mbps], i) => mbps > 0 && t < period && (i + 1 < points.length ? points[i + 1]![0] : period) > t);
      if (period > 0 && !carried) problems.push({ path: [...at, "bandwidthProfile"], message: "a looping profile must carry some bandwidth in its period" });
    }
    bandwidth = { kind: "profile", points: points.map(([t, m]) => [t, m] as [number, number]), loop, periodS: loop ? (l.periodS ?? points[points.length - 1]![0]) : null };
  }
  return { name, from: l.from, to: l.to, bandwidth, latencyMs: l.latencyMs, discipline: l.discipline };
}
