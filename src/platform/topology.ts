// Topology: the stations and links of a scenario, with name -> index look-ups done once at build
// time. Resource numbering for observers: stations first (0..S-1), then link resources (S..):
// each link of its own, and each shared medium once (link-resources.ts).
import type { LinkView, StationView, TopologyView } from "./views.js";
import type { ResolvedLink, ResolvedNode } from "./platform-spec.js";
import type { DeviceProfile } from "../workload/devices.js";
import { getDevice } from "../workload/devices.js";
import { deviceAsRun } from "../workload/cpu-threads.js";
import { ms } from "../core/time.js";
import type { ResourceInfo } from "./observer.js";
import { SplitsimError } from "../errors.js";
import { linkResources, type LinkResource } from "./link-resources.js";

/** What the topology is built from (a ResolvedScenario is one). */
export interface TopologySpec {
  nodes: readonly ResolvedNode[];
  links: readonly ResolvedLink[];
  /** The scenario's own device profiles by name (nodes look here before the built-in ones). */
  devices: Readonly<Record<string, DeviceProfile>>;
  /** Where each source's requests enter. */
  sources: ReadonlyArray<{ at: string }>;
}

export class Topology implements TopologyView {
  readonly stations: StationView[];
  readonly links: LinkView[];
  /** What serves the links: one per link of its own, one per medium (observer resource S + k). */
  readonly linkResources: readonly LinkResource[];
  /** Per link index: its resource's index among linkResources. */
  readonly resourceOfLink: Int32Array;
  private readonly byName = new Map<string, number>();
  private readonly origins: number[];
  /** Per station: whether its queue is limited (a full queue refuses work). */
  private readonly limited: boolean[];

  constructor(s: TopologySpec) {
    this.limited = s.nodes.map((n) => n.queueLimit !== null);
    this.stations = s.nodes.map((n, index) => {
      const profile = s.devices[n.device] ?? getDevice(n.device);
      if (profile === undefined) throw new SplitsimError(`nodes.${n.name}.device: unknown device '${n.device}'`);
      const device = deviceAsRun(profile, n.runtime, n.threads);
      if ("error" in device) throw new SplitsimError(`nodes.${n.name}.${device.setting}: ${device.error}`);
      this.byName.set(n.name, index);
      return { index, name: n.name, device, precision: n.precision, servers: n.servers, maxBatch: n.maxBatch, role: n.role };
    });
    this.links = s.links.map((l, index) => ({
      index,
      name: l.name,
      from: this.stationIndex(l.from),
      to: this.stationIndex(l.to),
      latencyNs: ms(l.latencyMs),
      ...(l.medium === undefined ? {} : { medium: l.medium }),
    }));
    ({ resources: this.linkResources, resourceOf: this.resourceOfLink } = linkResources(s.links));
    this.origins = s.sources.map((src) => this.stationIndex(src.at));
  }

  stationIndex(name: string): number {
    return this.byName.get(name) ?? -1;
  }

  linkBetween(from: number, to: number): number {
    return this.links.findIndex((l) => l.from === from && l.to === to);
  }

  originOf(source: number): number {
    return this.origins[source]!;
  }

  /** The observer's resource list: stations, then link resources (a medium is one resource). */
  resources(): ResourceInfo[] {
    return [
      ...this.stations.map((s, i): ResourceInfo => ({ id: s.name, kind: "station", servers: s.servers, canRefuse: this.limited[i]! })),
      ...this.linkResources.map((r): ResourceInfo => ({ id: r.name, kind: "link", servers: 1, canRefuse: false })),
    ];
  }
}
