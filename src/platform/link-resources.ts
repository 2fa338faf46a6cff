// Link resources: what serves each directed link. A link of its own is its own resource; all links
// on one shared medium are served by ONE resource named after the medium. Resources are listed in
// order of first appearance among the links, so a scenario without media lists exactly its links.
// (Observers number resources stations first, then these; trace offsets are drawn per resource.)

export interface LinkResource {
  /** The link's name, or the medium's. */
  name: string;
  /** Whether it is a shared medium (even one that carries a single link). */
  medium: boolean;
  /**
   * Link indices it serves, ascending. A link on a medium carries its medium's bandwidth, latency
   * and discipline (resolve-link.ts), so the first of them describes the resource.
   */
  links: number[];
}

export interface LinkResources {
  resources: LinkResource[];
  /** Per link index: the index of its resource among `resources`. */
  resourceOf: Int32Array;
}

export function linkResources(links: ReadonlyArray<{ name: string; medium?: string }>): LinkResources {
  const resources: LinkResource[] = [];
  const resourceOf = new Int32Array(links.length);
  // Built once per run (never per event): a Map from medium name to its resource is fine here.
  const byMedium = new Map<string, number>();
  links.forEach((l, i) => {
    if (l.medium === undefined) {
      resourceOf[i] = resources.length;
      resources.push({ name: l.name, medium: false, links: [i] });
      return;
    }
    let k = byMedium.get(l.medium);
    if (k === undefined) {
      k = resources.length;
      byMedium.set(l.medium, k);
      resources.push({ name: l.medium, medium: true, links: [] });
    }
    resources[k]!.links.push(i);
    resourceOf[i] = k;
  });
  return { resources, resourceOf };
}
