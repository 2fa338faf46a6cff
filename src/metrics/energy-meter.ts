// EnergyMeter: the observer that accounts energy (docs/energy.md). Per request it adds to the request's
// row what its end device spent on it: compute there (the station adds the request's equal share of
// each batch's time; priced at busy power when the request ends) and the radio energy of the bytes
// that node sent or received for it.
// Per node and link it sums the radio energy; busy and idle energy come from the collector's busy
// accounts at the end. O(1) per event, typed arrays indexed by resource, link or station: no Map
// look-up and no allocation on the event path.
import type { Time } from "../core/time.js";
import type { LinkTechnology } from "../platform/platform-spec.js";
import type { Observer, ResourceInfo } from "../platform/observer.js";
import type { TransferStep } from "../workload/plan.js";
import type { Request } from "../workload/request.js";
import type { Work } from "../workload/work.js";
import type { EnergyReport, LinkEnergy, NodeEnergy } from "./energy-report.js";
import { bitsEnergyJ } from "./radio-energy.js";
import type { ResourceAccounts } from "./resource-account.js";

/** What the meter needs to know, resolved by the scenario layer (scenario/energy-spec.ts). */
export interface EnergySpec {
  /** Per station, in observer resource order (0..S-1): its device's power at the node's precision (null: none given). */
  stations: ReadonlyArray<{ name: string; device: string; idleW: number | null; busyW: number | null }>;
  /** Per link index (what plan steps address): endpoints (station indices) and nJ/bit charged to each (null: none). */
  links: ReadonlyArray<{
    name: string; from: number; to: number; technology: LinkTechnology | null; sendNjPerBit: number | null; receiveNjPerBit: number | null;
  }>;
  /** Per source: the station its requests start at (their end device). */
  origins: readonly number[];
}

export class EnergyMeter implements Observer {
  private readonly stationCount: number;
  private readonly busyW: Float64Array;
  private readonly origins: Int32Array;
  private readonly linkFrom: Int32Array;
  private readonly linkTo: Int32Array;
  private readonly sendNj: Float64Array;
  private readonly receiveNj: Float64Array;
  /** 1 where a link has no per-bit energy at either end. */
  private readonly silent: Uint8Array;
  // Totals.
  private readonly linkBytes: Float64Array;
  private readonly linkSendJ: Float64Array;
  private readonly linkReceiveJ: Float64Array;
  private readonly nodeSendJ: Float64Array;
  private readonly nodeReceiveJ: Float64Array;
  private computeSum = 0;
  private radioSum = 0;
  private measured = 0;

  constructor(
    private readonly spec: EnergySpec,
    private readonly warmupRequests: number,
  ) {
    const s = spec.stations.length;
    const l = spec.links.length;
    this.stationCount = s;
    // -1 marks a device without power figures: its compute is not counted.
    this.busyW = Float64Array.from(spec.stations, (st) => st.busyW ?? -1);
    this.origins = Int32Array.from(spec.origins);
    this.linkFrom = Int32Array.from(spec.links, (k) => k.from);
    this.linkTo = Int32Array.from(spec.links, (k) => k.to);
    this.sendNj = Float64Array.from(spec.links, (k) => k.sendNjPerBit ?? 0);
    this.receiveNj = Float64Array.from(spec.links, (k) => k.receiveNjPerBit ?? 0);
    this.silent = Uint8Array.from(spec.links, (_, i) => (this.sendNj[i] === 0 && this.receiveNj[i] === 0 ? 1 : 0));
    this.linkBytes = new Float64Array(l);
    this.linkSendJ = new Float64Array(l);
    this.linkReceiveJ = new Float64Array(l);
    this.nodeSendJ = new Float64Array(s);
    this.nodeReceiveJ = new Float64Array(s);
  }

  /**
   * Only transfers are watched per step (the report gives each link's bytes, a request its radio
   * energy). Compute on a request's end device is priced when the request ends, from the time the
   * station added to it (Request.originComputeNs: its equal share of each batch); busy and idle
   * energy per node come from the busy accounts.
   */
  observesSteps(res: number): boolean {
    return res >= this.stationCount;
  }

  onStepStart(work: Work, res: number, _server: number, _t: Time): void {
    if (res < this.stationCount) return; // compute is priced when the request ends
    // A transfer: its link is the plan's (a shared medium serves several links as one resource).
    const req = work.req;
    const link = (req.plan!.steps[work.step] as TransferStep).link;
    const bytes = work.bytes;
    this.linkBytes[link] = this.linkBytes[link]! + bytes;
    if (this.silent[link] === 1) return; // no per-bit energy on this link: only its bytes count
    const sendJ = bitsEnergyJ(bytes, this.sendNj[link]!);
    const receiveJ = bitsEnergyJ(bytes, this.receiveNj[link]!);
    const from = this.linkFrom[link]!;
    const to = this.linkTo[link]!;
    this.linkSendJ[link] = this.linkSendJ[link]! + sendJ;
    this.linkReceiveJ[link] = this.linkReceiveJ[link]! + receiveJ;
    this.nodeSendJ[from] = this.nodeSendJ[from]! + sendJ;
    this.nodeReceiveJ[to] = this.nodeReceiveJ[to]! + receiveJ;
    const origin = this.origins[req.source]!;
    const radio = (from === origin ? sendJ : 0) + (to === origin ? receiveJ : 0);
    if (radio !== 0) req.addDeviceEnergy(0, radio);
  }

  /** A request's compute on its end device, priced once when it ends (completed or dropped). */
  private priceCompute(req: Request): void {
    const w = this.busyW[this.origins[req.source]!]!;
    if (w >= 0 && req.originComputeNs > 0) req.addDeviceEnergy((req.originComputeNs * w) / 1e9, 0);
  }

  onDrop(req: Request): void {
    this.priceCompute(req);
  }

  onComplete(req: Request): void {
    this.priceCompute(req);
    if (req.id < this.warmupRequests) return;
    this.computeSum += req.deviceComputeJ;
    this.radioSum += req.deviceRadioJ;
    this.measured++;
  }

  /**
   * The energy figures over the run window [t0, t1], reading busy time from `accounts` (settled at t1,
   * the same figures as the report's busyMs). Station k of the spec is resource k of the accounts.
   */
  report(accounts: ResourceAccounts, t0: Time, t1: Time): EnergyReport {
    const nodes: Record<string, NodeEnergy> = {};
    let totalJ = 0;
    let complete = true;
    this.spec.stations.forEach((st, k) => {
      let busyNs = 0;
      const servers = accounts.servers(k);
      for (let s = 0; s < servers; s++) busyNs += accounts.windowBusyNs(k, s);
      const idleNs = servers * (t1 - t0) - busyNs;
      const busyJ = st.busyW === null ? null : (busyNs * st.busyW) / 1e9;
      const idleJ = st.idleW === null ? null : (idleNs * st.idleW) / 1e9;
      if (busyJ === null || idleJ === null) complete = false;
      const sendJ = this.nodeSendJ[k]!;
      const receiveJ = this.nodeReceiveJ[k]!;
      const nodeJ = (busyJ ?? 0) + (idleJ ?? 0) + sendJ + receiveJ;
      totalJ += nodeJ;
      nodes[st.name] = { device: st.device, idleW: st.idleW, busyW: st.busyW, busyJ, idleJ, sendJ, receiveJ, totalJ: nodeJ };
    });
    const links: Record<string, LinkEnergy> = {};
    this.spec.links.forEach((l, k) => {
      if (l.sendNjPerBit === null) complete = false;
      links[l.name] = {
        technology: l.technology, sendNjPerBit: l.sendNjPerBit, receiveNjPerBit: l.receiveNjPerBit, bytes: this.linkBytes[k]!,
        sendJ: this.linkSendJ[k]!, receiveJ: this.linkReceiveJ[k]!,
      };
    });
    const n = this.measured;
    const mean = (x: number): number => (n > 0 ? x / n : 0);
    return {
      endDevice: { perRequestJ: mean(this.computeSum + this.radioSum), computePerRequestJ: mean(this.computeSum), radioPerRequestJ: mean(this.radioSum), requests: n },
      totalJ, complete, nodes, links,
    };
  }
}
