// Resolves one link of a scenario: endpoints must be nodes, exactly one bandwidth form (constant,
// inline profile, trace); a profile starts at 0 with increasing times and loops only when asked,
// a trace loops unless told not to (its options are checked in resolve-trace.ts). A link on a
// shared medium gives none of these (nor latency or discipline): it takes the medium's.
import { closestName } from "../closest-name.js";
import type { Problem, Reader } from "./problems.js";
import { resolveTrace } from "./resolve-trace.js";
import type { ScenarioFileParsed } from "./schema.js";
import type { Bandwidth, ResolvedLink } from "./types.js";

type LinkParsed = ScenarioFileParsed["links"][string];
/** The fields that give a bandwidth source: a medium has exactly these (a link has more). */
type BandwidthParsed = ScenarioFileParsed["media"][string];

/** What every link on a medium takes from it. */
export interface MediumSpec {
  bandwidth: Bandwidth;
  latencyMs: number;
  discipline: "fifo" | "shared";
}

/** A link's own keys that a link on a medium may not give, and what each would set. */
const MEDIUM_GIVES = {
  bandwidthMbps: "bandwidth", bandwidthProfile: "bandwidth", trace: "bandwidth", format: "bandwidth", binMs: "bandwidth",
  column: "bandwidth", scale: "bandwidth", offsetS: "bandwidth", minMbps: "bandwidth", loop: "bandwidth", periodS: "bandwidth",
  latencyMs: "latency", discipline: "discipline",
} as const;

/**
 * `media`: the scenario's media by name; null for one that failed validation (it exists, so a link
 * naming it gets no second problem).
 */
export function resolveLink(
  name: string, l: LinkParsed, nodes: ReadonlySet<string>, ctx: { seed: number; read: Reader }, problems: Problem[],
  media: ReadonlyMap<string, MediumSpec | null> = new Map(),
): ResolvedLink {
  const at = ["links", name];
  if (!nodes.has(l.from)) problems.push({ path: [...at, "from"], message: `no node named '${l.from}'` });
  if (!nodes.has(l.to)) problems.push({ path: [...at, "to"], message: `no node named '${l.to}'` });
  if (l.from === l.to) problems.push({ path: [...at, "to"], message: "a link must join two different nodes" });
  if (l.medium !== undefined) return { ...onMedium(name, l, l.medium, media, problems), ...radioOf(l) };
  const bandwidth = resolveBandwidth("links", name, l, ctx, problems);
  return { name, from: l.from, to: l.to, bandwidth, latencyMs: l.latencyMs ?? 0, discipline: l.discipline ?? "fifo", ...radioOf(l) };
}

/** The link's radio energy fields, only when written (so scenarios without them hash as before; docs/energy.md). */
function radioOf(l: LinkParsed): Pick<ResolvedLink, "technology" | "energyPerBitNj"> {
  const e = l.energyPerBitNj;
  return {
    ...(l.technology === undefined ? {} : { technology: l.technology }),
    ...(e === undefined ? {} : { energyPerBitNj: typeof e === "number" ? { send: e, receive: e } : { send: e.send, receive: e.receive } }),
  };
}

/** A link on medium `m`: the medium's bandwidth, latency and discipline, copied (see ResolvedLink.medium). */
function onMedium(name: string, l: LinkParsed, m: string, media: ReadonlyMap<string, MediumSpec | null>, problems: Problem[]): ResolvedLink {
  for (const [key, what] of Object.entries(MEDIUM_GIVES)) {
    if (l[key as keyof typeof MEDIUM_GIVES] !== undefined) {
      problems.push({ path: ["links", name, key], message: `a link on medium '${m}' has no ${what} of its own: the medium gives it to all its links (set it under media.${m}), or remove medium` });
    }
  }
  const spec = media.get(m);
  if (spec === undefined) {
    const names = [...media.keys()];
    const hint = closestName(m, names);
    const known = hint !== null ? ` (did you mean '${hint}'?)` : names.length === 0 ? " (the scenario has no media)" : ` (media: ${names.join(", ")})`;
    problems.push({ path: ["links", name, "medium"], message: `no medium named '${m}'${known}` });
  }
  // A placeholder keeps the scenario whole when the medium is missing or broken (the run never starts).
  const given = spec ?? { bandwidth: { kind: "constant", mbps: 1 }, latencyMs: 0, discipline: "fifo" };
  return { name, from: l.from, to: l.to, bandwidth: given.bandwidth, latencyMs: given.latencyMs, discipline: given.discipline, medium: m };
}

/** The bandwidth source of a link or of a medium (`section` names where it is written, for problems). */
export function resolveBandwidth(
  section: "links" | "media", name: string, l: BandwidthParsed, ctx: { seed: number; read: Reader }, problems: Problem[],
): Bandwidth {
  const at = [section, name];
  const forms = [l.bandwidthMbps, l.bandwidthProfile, l.trace].filter((x) => x !== undefined).length;
  if (forms !== 1) {
    // A link without any may have meant to join a medium.
    const orMedium = section === "links" && forms === 0 ? " (or put the link on a shared medium with medium: <name>)" : "";
    problems.push({ path: at, message: `give exactly one of bandwidthMbps, bandwidthProfile or trace${orMedium}` });
  }
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
  if (l.trace !== undefined && forms === 1) bandwidth = resolveTrace(name, l, ctx.seed, ctx.read, problems, section) ?? bandwidth;
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
  return bandwidth;
}
