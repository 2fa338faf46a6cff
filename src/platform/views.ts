// What a scheduler may see of the platform: read-only views of stations and links, addressed by
// index (stations 0..S-1, links 0..L-1), and the topology's look-ups. The platform owns them.
import type { Time } from "../core/time.js";
import type { DeviceProfile } from "../workload/devices.js";

export interface StationView {
  readonly index: number;
  readonly name: string;
  readonly device: DeviceProfile;
  readonly precision: "fp32" | "fp16" | "int8";
  readonly servers: number;
  readonly maxBatch: number;
  readonly role: "end" | "edge" | "cloud";
}

export interface LinkView {
  readonly index: number;
  readonly name: string;
  /** Station indices. */
  readonly from: number;
  readonly to: number;
  readonly latencyNs: Time;
  /** The shared medium it is on (one resource serves all its links, one transfer or share at a time); absent for a link of its own. */
  readonly medium?: string;
}

export interface TopologyView {
  readonly stations: readonly StationView[];
  readonly links: readonly LinkView[];
  /** Station index by node name, or -1. */
  stationIndex(name: string): number;
  /** Index of the first link from `from` to `to` (file order), or -1. */
  linkBetween(from: number, to: number): number;
  /** Station index where source `source` injects its requests. */
  originOf(source: number): number;
}

/**
 * A read-only view of a waiting queue, oldest first, without a copy: valid only during the call
 * it is given to (the queue changes afterwards, and its work records are recycled).
 */
export interface QueueView<T> {
  readonly length: number;
  at(i: number): T;
}
