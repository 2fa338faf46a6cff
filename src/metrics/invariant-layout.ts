// Where the invariant checker keeps each resource's servers: stations first, then one resource per
// link or shared medium (link-resources.ts), each with its servers' slots in flat typed arrays, its
// capacity and what "busy" means for it. Worked out once per run, apart from the per-event checks.
import { serverLabel } from "../platform/link-base.js";
import { linkResources } from "../platform/link-resources.js";
import type { ResolvedLink, ResolvedNode } from "../platform/platform-spec.js";

/** What the checker needs of the platform (a ResolvedScenario is one): capacities and names. */
export interface InvariantSpec {
  nodes: ReadonlyArray<Pick<ResolvedNode, "name" | "servers" | "maxBatch">>;
  /** Links on one medium (`medium`) are one resource, with the medium's discipline (link-resources.ts). */
  links: ReadonlyArray<Pick<ResolvedLink, "name" | "discipline" | "medium">>;
  sources: ReadonlyArray<unknown>;
}

/** A server's state: free, serving works that were all announced before it started, or open to more (processor sharing). */
export const IDLE = 0;
export const CLOSED = 1;
export const OPEN = 2;

export interface ResourceLayout {
  stations: number;
  /** Per resource (stations, then link resources): its name. */
  names: string[];
  /** Per link resource: how faults name it (`link 'up'` or `medium 'air'`). */
  linkLabels: string[];
  /** Per link index: its resource index (a medium serves several links). */
  resourceOfLink: Int32Array;
  /** Per resource: its first server's index in the per-server arrays, and its server count. */
  serverBase: Int32Array;
  servers: Int32Array;
  /** Works one server may serve at once: maxBatch, 1 on a FIFO link, unbounded on a shared one. */
  capacity: Float64Array;
  /**
   * Per resource: what its servers' state becomes at onStart — CLOSED for a station or FIFO link
   * (its works were announced before the start), OPEN for a shared link (works join while it runs).
   */
  busyMark: Uint8Array;
  totalServers: number;
}

export function resourceLayout(spec: InvariantSpec): ResourceLayout {
  const S = spec.nodes.length;
  const { resources: linkRes, resourceOf } = linkResources(spec.links);
  const R = S + linkRes.length;
  const layout: ResourceLayout = {
    stations: S,
    names: [...spec.nodes.map((n) => n.name), ...linkRes.map((r) => r.name)],
    linkLabels: linkRes.map((r) => serverLabel(r)),
    resourceOfLink: resourceOf.map((k) => S + k),
    serverBase: new Int32Array(R),
    servers: new Int32Array(R),
    capacity: new Float64Array(R),
    busyMark: new Uint8Array(R),
    totalServers: 0,
  };
  for (let r = 0; r < R; r++) {
    const node = r < S ? spec.nodes[r]! : null;
    const shared = node === null && spec.links[linkRes[r - S]!.links[0]!]!.discipline === "shared";
    layout.serverBase[r] = layout.totalServers;
    layout.servers[r] = node === null ? 1 : node.servers;
    layout.capacity[r] = node !== null ? node.maxBatch : shared ? Infinity : 1;
    layout.busyMark[r] = shared ? OPEN : CLOSED;
    layout.totalServers += layout.servers[r]!;
  }
  return layout;
}
