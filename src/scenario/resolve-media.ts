// Resolves the scenario's shared media (`media`): each gets exactly one bandwidth form, as a link
// does, a latency (default 0) and a discipline (default fifo). A medium must be used by a link and
// must not share its name with a node or a link: the report keys resources by name, and a medium
// is one resource there.
import type { Problem, Reader } from "./problems.js";
import { resolveBandwidth, type MediumSpec } from "./resolve-link.js";
import type { ScenarioFileParsed } from "./schema.js";

/** The media by name; null for one that failed validation (kept so that links naming it get no second problem). */
export function resolveMedia(
  media: ScenarioFileParsed["media"], broken: ReadonlySet<string>, ctx: { seed: number; read: Reader }, problems: Problem[],
): Map<string, MediumSpec | null> {
  const out = new Map<string, MediumSpec | null>();
  for (const [name, m] of Object.entries(media)) {
    out.set(name, { bandwidth: resolveBandwidth("media", name, m, ctx, problems), latencyMs: m.latencyMs ?? 0, discipline: m.discipline ?? "fifo" });
  }
  for (const name of broken) out.set(name, null);
  return out;
}

/** What the use checks need of the file: names of nodes and links (broken ones included) and each link's medium. */
export interface MediaUse {
  nodes: ReadonlySet<string>;
  links: ReadonlyArray<{ name: string; medium?: string | undefined }>;
  /** Links that failed validation: one of them may be the medium's user, so "unused" is not said then. */
  brokenLinks: ReadonlySet<string>;
}

/** Problems of media that no link uses, or whose name is a node's or a link's. */
export function checkMediaUse(media: ReadonlyMap<string, unknown>, use: MediaUse, problems: Problem[]): void {
  const linkNames = new Set([...use.links.map((l) => l.name), ...use.brokenLinks]);
  const used = new Set(use.links.map((l) => l.medium));
  for (const name of media.keys()) {
    const at = ["media", name];
    if (use.nodes.has(name) || linkNames.has(name)) {
      problems.push({ path: at, message: `'${name}' names a ${use.nodes.has(name) ? "node" : "link"} already: a medium is a resource of its own in the report, so give it another name` });
    }
    // An error rather than a warning: a bandwidth the file defines would silently shape nothing,
    // most likely because a link that should name the medium does not.
    if (!used.has(name) && use.brokenLinks.size === 0) {
      problems.push({ path: at, message: `no link uses this medium: add medium: ${name} to the links that share it, or remove it` });
    }
  }
}
