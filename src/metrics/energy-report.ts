// The energy part of a RunReport (docs/energy.md) and its rounding: joules and watts to 9 decimals,
// bytes as integers, keys in a fixed order, so the same run gives byte-identical JSON.
import type { LinkTechnology } from "../platform/platform-spec.js";

export interface NodeEnergy {
  device: string;
  /** The device's idle power and its busy power at the node's precision, W; null when the device gives none. */
  idleW: number | null;
  busyW: number | null;
  /** Busy time (within the run window, summed over servers) × busy power; null without power figures. */
  busyJ: number | null;
  /** (servers × window − busy time) × idle power; null without power figures. */
  idleJ: number | null;
  /** Radio energy of the bytes this node sent and received. */
  sendJ: number;
  receiveJ: number;
  /** busyJ + idleJ + sendJ + receiveJ (the known parts). */
  totalJ: number;
}

export interface LinkEnergy {
  /** The link's technology; null when not stated (then only an override counts). */
  technology: LinkTechnology | null;
  /** nJ per bit charged to the sender and to the receiver (0 for a cloud endpoint); null: none counted. */
  sendNjPerBit: number | null;
  receiveNjPerBit: number | null;
  /** Bytes whose transfer started on the link. */
  bytes: number;
  sendJ: number;
  receiveJ: number;
}

export interface EnergyReport {
  /**
   * Mean over the completed requests after the warm-up (the latency sample) of the energy spent on
   * each request's end device (its source's node): compute there plus what that node sent and received.
   */
  endDevice: { perRequestJ: number; computePerRequestJ: number; radioPerRequestJ: number; requests: number };
  /** Sum of every node's totalJ over the run window. */
  totalJ: number;
  /** False when some node's device has no power figures or some link neither a technology nor an override. */
  complete: boolean;
  nodes: Record<string, NodeEnergy>;
  links: Record<string, LinkEnergy>;
}

/** Joules and watts to 9 decimals (nJ), like the report's other non-time figures. */
const r9 = (x: number): number => Number(x.toFixed(9));
const r9OrNull = (x: number | null): number | null => (x === null ? null : r9(x));

/** A copy of `e` in the contract's key order with every figure rounded. */
export function energyReport(e: EnergyReport): EnergyReport {
  const nodes: Record<string, NodeEnergy> = {};
  for (const [name, n] of Object.entries(e.nodes)) {
    nodes[name] = {
      device: n.device, idleW: r9OrNull(n.idleW), busyW: r9OrNull(n.busyW), busyJ: r9OrNull(n.busyJ), idleJ: r9OrNull(n.idleJ),
      sendJ: r9(n.sendJ), receiveJ: r9(n.receiveJ), totalJ: r9(n.totalJ),
    };
  }
  const links: Record<string, LinkEnergy> = {};
  for (const [name, l] of Object.entries(e.links)) {
    links[name] = {
      technology: l.technology, sendNjPerBit: r9OrNull(l.sendNjPerBit), receiveNjPerBit: r9OrNull(l.receiveNjPerBit), bytes: l.bytes,
      sendJ: r9(l.sendJ), receiveJ: r9(l.receiveJ),
    };
  }
  const d = e.endDevice;
  return {
    endDevice: { perRequestJ: r9(d.perRequestJ), computePerRequestJ: r9(d.computePerRequestJ), radioPerRequestJ: r9(d.radioPerRequestJ), requests: d.requests },
    totalJ: r9(e.totalJ),
    complete: e.complete,
    nodes,
    links,
  };
}
