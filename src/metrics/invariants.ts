// InvariantChecker: an observer that fails the run at the first event that breaks one of its
// invariants (docs/invariants.md): conservation, causality, exclusivity, monotone time, and bytes
// sent = bytes delivered per link. It reads only what the platform emits, so a policy (or a platform
// change) that breaks one is caught, and it keeps typed arrays indexed by resource, server and
// request id: no Map, closure, allocation or log per event. It records nothing for the report.
import type { Time } from "../core/time.js";
import type { Observer, ResourceInfo } from "../platform/observer.js";
import type { ResolvedLink, ResolvedNode } from "../platform/platform-spec.js";
import type { Request } from "../workload/request.js";
import type { Work } from "../workload/work.js";
import { InvariantError, type Invariant, type ViolationSite } from "./invariant-error.js";
import { COMPLETED, DROPPED, IN_SYSTEM, RequestWindow } from "./request-window.js";

/** What the checker needs of the platform (a ResolvedScenario is one): capacities and names. */
export interface InvariantSpec {
  nodes: ReadonlyArray<Pick<ResolvedNode, "name" | "servers" | "maxBatch">>;
  links: ReadonlyArray<Pick<ResolvedLink, "name" | "discipline">>;
  sources: ReadonlyArray<unknown>;
}

export class InvariantChecker implements Observer {
  private now: Time = 0;
  private readonly stations: number;
  private readonly names: string[];
  /** Per resource (stations, then links): its first server's index in the per-server arrays. */
  private readonly serverBase: Int32Array;
  private readonly servers: Int32Array;
  /** Works one server may serve at once: maxBatch, 1 on a FIFO link, unbounded on a shared one. */
  private readonly capacity: Float64Array;
  /** Per resource: 1 when work may join a busy server (a shared link's processor sharing). */
  private readonly joinable: Uint8Array;
  /** Per server: busy (between onStart and onEnd), since when, and works started on it since it was last free. */
  private readonly busy: Uint8Array;
  private readonly busySince: Float64Array;
  private readonly inService: Int32Array;
  /** Per link: transfers and bytes that left, and that were delivered. */
  private readonly sentCount: Float64Array;
  private readonly sentBytes: Float64Array;
  private readonly deliveredCount: Float64Array;
  private readonly deliveredBytes: Float64Array;
  /** Per source: requests admitted, completed, dropped. */
  private readonly admitted: Float64Array;
  private readonly completed: Float64Array;
  private readonly dropped: Float64Array;
  private readonly window = new RequestWindow();
  /** Steps whose start was checked (tests read it to see that the checker ran). */
  stepsChecked = 0;

  constructor(spec: InvariantSpec) {
    const S = spec.nodes.length;
    const R = S + spec.links.length;
    this.stations = S;
    this.names = [...spec.nodes.map((n) => n.name), ...spec.links.map((l) => l.name)];
    this.serverBase = new Int32Array(R);
    this.servers = new Int32Array(R);
    this.capacity = new Float64Array(R);
    this.joinable = new Uint8Array(R);
    let total = 0;
    for (let r = 0; r < R; r++) {
      const node = r < S ? spec.nodes[r]! : null;
      const link = r < S ? null : spec.links[r - S]!;
      this.serverBase[r] = total;
      this.servers[r] = node === null ? 1 : node.servers;
      this.capacity[r] = node !== null ? node.maxBatch : link!.discipline === "shared" ? Infinity : 1;
      this.joinable[r] = link !== null && link.discipline === "shared" ? 1 : 0;
      total += this.servers[r]!;
    }
    this.busy = new Uint8Array(total);
    this.busySince = new Float64Array(total);
    this.inService = new Int32Array(total);
    const L = spec.links.length;
    this.sentCount = new Float64Array(L);
    this.sentBytes = new Float64Array(L);
    this.deliveredCount = new Float64Array(L);
    this.deliveredBytes = new Float64Array(L);
    const n = spec.sources.length;
    this.admitted = new Float64Array(n);
    this.completed = new Float64Array(n);
    this.dropped = new Float64Array(n);
  }

  onSetup(resources: readonly ResourceInfo[]): void {
    // A mismatch is a wiring bug (the checker was given another scenario's spec), not a violation.
    if (resources.length !== this.names.length || resources.some((r, i) => r.id !== this.names[i] || r.servers !== this.servers[i])) {
      throw new Error(`InvariantChecker: the run's resources (${resources.map((r) => r.id).join(", ")}) are not the spec's (${this.names.join(", ")})`);
    }
  }

  onArrive(req: Request, t: Time): void {
    if (t < this.now) this.backwards(t, "request arrived", req.id);
    this.now = t;
    const id = req.id;
    if (id < this.window.next) this.fail("conservation", t, "arrived twice (or out of id order)", { requestId: id });
    this.window.arrive(id);
    this.admitted[req.source]!++;
  }

  onStart(res: number, server: number, t: Time): void {
    if (t < this.now) this.backwards(t, `server ${server} of '${this.names[res]}' started`);
    this.now = t;
    const k = this.serverOf(res, server, t);
    if (this.busy[k] === 1) {
      this.fail("exclusivity", t, `server ${server} of '${this.names[res]}' started while busy`, { times: [["busy since", this.busySince[k]!]] });
    }
    this.busy[k] = 1;
    this.busySince[k] = t;
  }

  onEnd(res: number, server: number, t: Time): void {
    if (t < this.now) this.backwards(t, `server ${server} of '${this.names[res]}' ended`);
    this.now = t;
    const k = this.serverOf(res, server, t);
    if (this.busy[k] !== 1) this.fail("exclusivity", t, `server ${server} of '${this.names[res]}' ended while idle`);
    this.busy[k] = 0;
    this.inService[k] = 0;
  }

  onStepStart(work: Work, res: number, server: number, t: Time): void {
    if (t < this.now) this.backwards(t, "step started", work.req.id, work.step);
    this.now = t;
    this.stepsChecked++;
    const req = work.req;
    const id = req.id;
    const step = work.step;
    const window = this.window;
    if (id >= window.next) this.fail("conservation", t, "a step started for a request that never arrived", this.site(work));
    if (id < window.base || window.stateOf(id) !== IN_SYSTEM) {
      // After a drop, steps released before it still run; after a completion nothing may.
      if (!req.dropped) this.fail("causality", t, "started after its request completed", this.site(work));
    }
    if (id >= window.base) this.checkDeps(work, t);
    if (t < req.arrival) this.fail("causality", t, "started before its request arrived", this.site(work, [["arrival", req.arrival]]));
    // Exclusivity: a new work may not join a server already serving (unless the link shares), nor
    // exceed what one server holds at once.
    const k = this.serverOf(res, server, t);
    if (this.busy[k] === 1 && this.busySince[k]! < t && this.joinable[res] === 0) {
      this.fail("exclusivity", t, `joined server ${server} of '${this.names[res]}' while it was busy`, this.site(work, [["busy since", this.busySince[k]!]]));
    }
    if (++this.inService[k]! > this.capacity[res]!) {
      this.fail("exclusivity", t, `server ${server} of '${this.names[res]}' serves ${this.inService[k]} works at once (capacity ${this.capacity[res]})`, this.site(work));
    }
    if (res >= this.stations) {
      this.sentCount[res - this.stations]!++;
      this.sentBytes[res - this.stations]! += work.bytes;
    }
  }

  onStepEnd(work: Work, res: number, t: Time): void {
    if (t < this.now) this.backwards(t, "step ended", work.req.id, work.step);
    this.now = t;
    const id = work.req.id;
    const window = this.window;
    if (id >= window.base && id < window.next) {
      if (!window.hasStarted(id, work.step)) this.fail("causality", t, "ended without having started", this.site(work));
      if (!window.end(id, work.step)) this.fail("causality", t, "ended twice", this.site(work));
    }
    if (t < work.start) this.fail("causality", t, "ended before it started", this.site(work, [["start", work.start]]));
    if (res >= this.stations) {
      const l = res - this.stations;
      this.deliveredBytes[l]! += work.bytes;
      if (++this.deliveredCount[l]! > this.sentCount[l]!) {
        this.fail("bytes", t, `link '${this.names[res]}' delivered ${this.deliveredCount[l]} transfers but sent ${this.sentCount[l]}`, this.site(work));
      }
    }
  }

  onComplete(req: Request, t: Time): void {
    if (t < this.now) this.backwards(t, "request completed", req.id);
    this.now = t;
    this.leave(req, t, COMPLETED);
    const steps = req.plan === null ? 0 : req.plan.steps.length;
    const open = this.window.firstNotEnded(req.id, steps);
    if (open >= 0) this.fail("causality", t, `completed before step ${open} ended`, { requestId: req.id });
    this.completed[req.source]!++;
    this.window.leave(req.id, COMPLETED);
  }

  onDrop(req: Request, t: Time): void {
    if (t < this.now) this.backwards(t, "request dropped", req.id);
    this.now = t;
    this.leave(req, t, DROPPED);
    this.dropped[req.source]!++;
    this.window.leave(req.id, DROPPED);
  }

  onFinish(t: Time): void {
    if (t < this.now) this.backwards(t, "run finished");
    this.now = t;
    for (let src = 0; src < this.admitted.length; src++) {
      const a = this.admitted[src]!;
      const c = this.completed[src]!;
      const d = this.dropped[src]!;
      if (a !== c + d) {
        const stuck = this.window.base < this.window.next ? `; request ${this.window.base} neither completed nor was dropped` : "";
        this.fail("conservation", t, `source ${src} admitted ${a} requests, but ${c} completed and ${d} were dropped${stuck}`);
      }
    }
    for (let l = 0; l < this.sentCount.length; l++) {
      const name = this.names[this.stations + l];
      const sent = this.sentBytes[l]!;
      const got = this.deliveredBytes[l]!;
      if (this.sentCount[l] !== this.deliveredCount[l]) {
        this.fail("bytes", t, `link '${name}' sent ${this.sentCount[l]} transfers and delivered ${this.deliveredCount[l]}`);
      }
      // Sums of the same numbers in another order (a shared link delivers out of order) may differ in the last bits.
      if (Math.abs(sent - got) > 1e-9 * Math.max(1, sent)) this.fail("bytes", t, `link '${name}' sent ${sent} bytes and delivered ${got}`);
    }
  }

  /** Every predecessor of the step has ended, and the step starts once. */
  private checkDeps(work: Work, t: Time): void {
    const id = work.req.id;
    const step = work.step;
    const steps = work.req.plan!.steps;
    this.window.fit(steps.length);
    if (!this.window.start(id, step)) this.fail("causality", t, "started twice", this.site(work));
    const deps = steps[step]!.deps;
    for (let i = 0; i < deps.length; i++) {
      if (!this.window.hasEnded(id, deps[i]!)) this.fail("causality", t, `started before its predecessor step ${deps[i]} ended`, this.site(work));
    }
  }

  /** A request leaves once, having arrived. */
  private leave(req: Request, t: Time, how: number): void {
    const id = req.id;
    const verb = how === COMPLETED ? "completed" : "was dropped";
    if (id >= this.window.next) this.fail("conservation", t, `${verb} without having arrived`, { requestId: id });
    if (id < this.window.base || this.window.stateOf(id) !== IN_SYSTEM) {
      this.fail("conservation", t, `${verb} after it had left the system already`, { requestId: id });
    }
  }

  /** The index of server `server` of resource `res` in the per-server arrays. */
  private serverOf(res: number, server: number, t: Time): number {
    if (!(res >= 0 && res < this.servers.length && server >= 0 && server < this.servers[res]!)) {
      this.fail("exclusivity", t, `server ${server} of resource ${res} does not exist`);
    }
    return this.serverBase[res]! + server;
  }

  private site(work: Work, times?: ReadonlyArray<readonly [string, Time]>): ViolationSite {
    const step = work.req.plan?.steps[work.step];
    const stepWhat = step === undefined ? undefined
      : step.kind === "compute" ? `compute on '${this.names[step.station]}'`
      : `transfer of ${step.bytes} bytes on '${this.names[this.stations + step.link]}'`;
    return {
      requestId: work.req.id, step: work.step, ...(stepWhat === undefined ? {} : { stepWhat }),
      times: [["ready", work.ready], ...(work.start >= 0 ? [["start", work.start] as const] : []), ...(times ?? [])],
    };
  }

  private backwards(t: Time, what: string, requestId?: number, step?: number): never {
    this.fail("monotone time", t, `${what} at an earlier time than the event before it`, {
      ...(requestId === undefined ? {} : { requestId }), ...(step === undefined ? {} : { step }), times: [["previous event", this.now]],
    });
  }

  private fail(invariant: Invariant, t: Time, what: string, site: ViolationSite = {}): never {
    throw new InvariantError(invariant, t, what, site);
  }
}
