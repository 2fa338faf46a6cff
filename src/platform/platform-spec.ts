// The platform as a resolved scenario describes it: nodes (stations) and links with their
// bandwidth, after every default is filled in. Plain JSON data; the scenario layer resolves files into it.
import type { TraceData } from "./bandwidth/trace-data.js";
import type { RuntimeName } from "../workload/runtime.js";

export interface ResolvedNode {
  name: string;
  device: string;
  servers: number;
  maxBatch: number;
  /** Longest wait for a batch to fill; 0 = start at once with what is waiting. */
  batchTimeoutMs: number;
  /** Most works waiting at once; further arrivals drop their request. null = unbounded. */
  queueLimit: number | null;
  precision: "fp32" | "fp16" | "int8";
  /** end (requests may enter here), edge or cloud; defaults to the device's class. */
  role: "end" | "edge" | "cloud";
  /** The runtime the device runs its layers through (absent: the device's default); docs/compute-model.md. */
  runtime?: RuntimeName;
  /** CPU threads under mobile-cpu (absent: all the device's cores); docs/compute-model.md "Threads". */
  threads?: number;
}

/** Piecewise-constant bandwidth: [t_s, mbps] points, each rate holding until the next point. */
export type Bandwidth =
  | { kind: "constant"; mbps: number }
  | { kind: "profile"; points: Array<[number, number]>; loop: boolean; periodS: number | null }
  | ResolvedTrace;

/** A trace file or synthetic trace, read at load time (its data is hashed by content). */
export interface ResolvedTrace {
  kind: "trace";
  /** The file as written in the scenario, or "synthetic:<kind>". */
  source: string;
  /** The format it was read as (detected when the scenario said auto). */
  format: string;
  /** Rates already scaled and floored, in bit/s. */
  data: TraceData;
  /** Where simulation time 0 reads the trace, s; "random" draws it per seed (stream trace-offset/<link>). */
  offsetS: number | "random";
  loop: boolean;
}

export interface ResolvedLink {
  name: string;
  from: string;
  to: string;
  bandwidth: Bandwidth;
  latencyMs: number;
  discipline: "fifo" | "shared";
  /**
   * The shared medium it is on: its bandwidth, latency and discipline are then the medium's (copied
   * here), and one resource serves all the medium's links (link-resources.ts). Absent for a link of
   * its own (so that scenarios without media hash as before).
   */
  medium?: string;
  /** Radio of the link, for its per-bit energy (docs/energy.md); absent: not stated, no radio energy counted. */
  technology?: LinkTechnology;
  /** Per-bit energy override, nJ charged to the sender and to the receiver (absent: the technology's). */
  energyPerBitNj?: { send: number; receive: number };
}

/** Link technologies with a default per-bit radio energy (metrics/radio-energy.ts). */
export const LINK_TECHNOLOGIES = ["lte", "5g", "wifi", "wired"] as const;
export type LinkTechnology = (typeof LINK_TECHNOLOGIES)[number];
