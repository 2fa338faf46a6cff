// InvariantChecker: an observer that fails the run at the first event breaking an invariant
// (docs/invariants.md): conservation, causality, exclusivity, monotone time, bytes sent = delivered
// per link. It reads only what the platform emits and keeps typed arrays indexed by resource, server
// and request id: no Map, closure, allocation or log per event, and nothing for the report. As the
// run's one observer it hands each event on to `next` (one direct call, no combined-observer loop).
// Hooks only compare and count; which rule broke is worked out out of line (the *Fault methods), so
// the hooks stay small enough for V8 to inline into the platform.
import type { Time } from "../core/time.js";
import type { Observer, ResourceInfo } from "../platform/observer.js";
import type { Request } from "../workload/request.js";
import type { Work } from "../workload/work.js";
import { InvariantError, type Invariant, type ViolationSite } from "./invariant-error.js";
import { CLOSED, IDLE, resourceLayout, type InvariantSpec } from "./invariant-layout.js";
import { COMPLETED, DROPPED, IN_SYSTEM, RequestWindow } from "./request-window.js";

export type { InvariantSpec } from "./invariant-layout.js";

/** Whether a request in this state may start a step: in the system, or dropped with steps released before. */
function mayRun(state: number): boolean {
  return state === IN_SYSTEM || state === DROPPED;
}

export class InvariantChecker implements Observer {
  private now: Time = 0;
  // The resources' layout (names, server slots, capacities, busy marks): see invariant-layout.ts.
  // Copied into fields so that the per-event hooks read each array with one load, not two.
  private readonly stations: number;
  private readonly names: string[];
  private readonly linkLabels: string[];
  private readonly resourceOfLink: Int32Array;
  private readonly serverBase: Int32Array;
  private readonly servers: Int32Array;
  private readonly capacity: Float64Array;
  private readonly busyMark: Uint8Array;
  /** Per server: IDLE, CLOSED or OPEN (between onStart and onEnd), and works started on it since it was last free. */
  private readonly busy: Uint8Array;
  private readonly inService: Int32Array;
  /** Per link resource l, at 4l: transfers and bytes that left, transfers and bytes delivered. */
  private readonly links: Float64Array;
  /** Per source s, at 3s: requests admitted, completed, dropped. */
  private readonly sources: Float64Array;
  private readonly window = new RequestWindow();

  constructor(
    spec: InvariantSpec,
    /** Where every event goes after it is checked. */
    private readonly next: Observer = {},
  ) {
    const layout = resourceLayout(spec);
    this.stations = layout.stations;
    this.names = layout.names;
    this.linkLabels = layout.linkLabels;
    this.resourceOfLink = layout.resourceOfLink;
    this.serverBase = layout.serverBase;
    this.servers = layout.servers;
    this.capacity = layout.capacity;
    this.busyMark = layout.busyMark;
    const total = layout.totalServers;
    const linkResCount = layout.names.length - layout.stations;
    this.busy = new Uint8Array(total);
    this.inService = new Int32Array(total);
    this.links = new Float64Array(4 * linkResCount);
    this.sources = new Float64Array(3 * spec.sources.length);
  }

  /** Requests seen so far (tests read it to know that the checker ran). */
  get requestsChecked(): number {
    return this.window.next;
  }

  onSetup(resources: readonly ResourceInfo[]): void {
    // A mismatch is a wiring bug (the checker was given another scenario's spec), not a violation.
    if (resources.length !== this.names.length || resources.some((r, i) => r.id !== this.names[i] || r.servers !== this.servers[i])) {
      throw new Error(`InvariantChecker: the run's resources (${resources.map((r) => r.id).join(", ")}) are not the spec's (${this.names.join(", ")})`);
    }
    this.next.onSetup?.(resources);
  }

  onQueue(res: number, waiting: number, t: Time): void {
    this.next.onQueue?.(res, waiting, t);
  }

  // Each hook tests everything in one or a few conditions and calls its *Fault method, which finds
  // out which rule broke, only when one did: the hot bodies stay small (see the header).

  onArrive(req: Request, t: Time): void {
    // Ids are handed out in arrival order (0, 1, ...): anything else arrived twice or never.
    if (t < this.now || req.id !== this.window.next) this.arriveFault(req, t);
    this.now = t;
    this.window.arrive(req.id);
    this.sources[3 * req.source]!++;
    this.next.onArrive?.(req, t);
  }

  onStart(res: number, server: number, t: Time): void {
    // busy[k] is undefined past the last server, so a server that does not exist fails here too.
    const k = this.serverBase[res]! + server;
    if (t < this.now || this.busy[k] !== IDLE) this.serverFault(res, server, t, "started while busy");
    this.now = t;
    this.busy[k] = this.busyMark[res]!;
    this.next.onStart?.(res, server, t);
  }

  onEnd(res: number, server: number, t: Time): void {
    const k = this.serverBase[res]! + server;
    if (t < this.now || !(this.busy[k]! > IDLE)) this.serverFault(res, server, t, "ended while idle");
    this.now = t;
    this.busy[k] = IDLE;
    this.inService[k] = 0;
    this.next.onEnd?.(res, server, t);
  }

  onStepStart(work: Work, res: number, server: number, t: Time): void {
    const req = work.req;
    const id = req.id;
    const window = this.window;
    const k = this.serverBase[res]! + server;
    if (
      t < this.now ||
      // Arrived and not completed (steps released before a drop still run), every predecessor ended.
      // (Tested before the arrival time: a completed request's times are recycled.)
      (id >= window.base ? id >= window.next || !mayRun(window.stateOf(id)) || !this.depsEnded(req, work.step) : !req.dropped) ||
      t < req.arrival ||
      // Exclusivity: no joining a server that is serving already (unless the link shares), nor past what one holds.
      this.busy[k] === CLOSED || ++this.inService[k]! > this.capacity[res]!
    ) this.startFault(work, res, server, t);
    this.now = t;
    if (res >= this.stations) {
      const at = 4 * (res - this.stations);
      this.links[at]!++;
      this.links[at + 1]! += work.bytes;
    }
    this.next.onStepStart?.(work, res, server, t);
  }

  onStepEnd(work: Work, res: number, t: Time): void {
    const id = work.req.id;
    const window = this.window;
    // A step that ran twice ends twice. (An end without a start is no policy's doing: the platform
    // reports both from the same work record, and the bytes check covers links.)
    if (t < this.now || (id >= window.base && id < window.next && !window.end(id, work.step))) this.endFault(work, res, t);
    this.now = t;
    if (res >= this.stations) {
      const at = 4 * (res - this.stations);
      this.links[at + 3]! += work.bytes;
      if (++this.links[at + 2]! > this.links[at]!) this.endFault(work, res, t);
    }
    this.next.onStepEnd?.(work, res, t);
  }

  onComplete(req: Request, t: Time): void {
    const id = req.id;
    const window = this.window;
    if (t < this.now || !(id >= window.base && id < window.next && window.stateOf(id) === IN_SYSTEM) || !window.allEnded(id, req.plan === null ? 0 : req.plan.steps.length)) {
      this.leaveFault(req, t, "completed");
    }
    this.now = t;
    this.sources[3 * req.source + 1]!++;
    window.leave(id, COMPLETED);
    this.next.onComplete?.(req, t);
  }

  onDrop(req: Request, t: Time): void {
    const id = req.id;
    const window = this.window;
    if (t < this.now || !(id >= window.base && id < window.next && window.stateOf(id) === IN_SYSTEM)) this.leaveFault(req, t, "was dropped");
    this.now = t;
    this.sources[3 * req.source + 2]!++;
    window.leave(id, DROPPED);
    this.next.onDrop?.(req, t);
  }

  onFinish(t: Time): void {
    if (t < this.now) this.backwards(t, "run finished");
    this.now = t;
    for (let src = 0; 3 * src < this.sources.length; src++) {
      const [a, c, d] = Array.from(this.sources.subarray(3 * src, 3 * src + 3)) as [number, number, number];
      if (a !== c + d) {
        const stuck = this.window.base < this.window.next ? `; request ${this.window.base} neither completed nor was dropped` : "";
        this.fail("conservation", t, `source ${src} admitted ${a} requests, but ${c} completed and ${d} were dropped${stuck}`);
      }
    }
    for (let l = 0; 4 * l < this.links.length; l++) {
      const label = this.linkLabels[l]!;
      const [count, sent, delivered, got] = Array.from(this.links.subarray(4 * l, 4 * l + 4)) as [number, number, number, number];
      if (count !== delivered) this.fail("bytes", t, `${label} sent ${count} transfers and delivered ${delivered}`);
      // Sums of the same numbers in another order (a shared link delivers out of order) may differ in the last bits.
      if (Math.abs(sent - got) > 1e-9 * Math.max(1, sent)) this.fail("bytes", t, `${label} sent ${sent} bytes and delivered ${got}`);
    }
    this.next.onFinish?.(t);
  }

  /** Whether every predecessor of step `step` of `req` has ended. */
  private depsEnded(req: Request, step: number): boolean {
    const window = this.window;
    const steps = req.plan!.steps;
    window.fit(steps.length);
    const deps = steps[step]!.deps;
    for (let i = 0; i < deps.length; i++) if (!window.hasEnded(req.id, deps[i]!)) return false;
    return true;
  }

  // Out of line: what broke, said with the request, the step and the times.

  private arriveFault(req: Request, t: Time): never {
    if (t < this.now) this.backwards(t, "request arrived", req.id);
    const what = req.id < this.window.next ? "arrived twice" : `arrived before request ${this.window.next}, which never arrived`;
    this.fail("conservation", t, what, { requestId: req.id });
  }

  private startFault(work: Work, res: number, server: number, t: Time): never {
    const req = work.req;
    const window = this.window;
    if (t < this.now) this.backwards(t, "step started", req.id, work.step);
    if (req.id >= window.next) this.fail("conservation", t, "a step started for a request that never arrived", this.site(work));
    if (req.id < window.base ? !req.dropped : !mayRun(window.stateOf(req.id))) this.fail("causality", t, "started after its request completed", this.site(work));
    const open = req.id < window.base ? undefined : req.plan!.steps[work.step]!.deps.find((d) => !window.hasEnded(req.id, d));
    if (open !== undefined) this.fail("causality", t, `started before its predecessor step ${open} ended`, this.site(work));
    if (t < req.arrival) this.fail("causality", t, "started before its request arrived", this.site(work, [["arrival", req.arrival]]));
    const on = `server ${server} of '${this.names[res]}'`;
    if (!(server >= 0 && server < this.servers[res]!)) this.fail("exclusivity", t, `${on} does not exist`, this.site(work));
    const k = this.serverBase[res]! + server;
    if (this.busy[k] === CLOSED) this.fail("exclusivity", t, `joined ${on} while it was serving a batch already`, this.site(work));
    this.fail("exclusivity", t, `${on} serves ${this.inService[k]} works at once (capacity ${this.capacity[res]})`, this.site(work));
  }

  private endFault(work: Work, res: number, t: Time): never {
    if (t < this.now) this.backwards(t, "step ended", work.req.id, work.step);
    const at = 4 * (res - this.stations);
    if (at >= 0 && this.links[at + 2]! > this.links[at]!) {
      this.fail("bytes", t, `${this.linkLabels[res - this.stations]} delivered ${this.links[at + 2]} transfers but sent ${this.links[at]}`, this.site(work));
    }
    this.fail("causality", t, "ended twice", this.site(work));
  }

  private serverFault(res: number, server: number, t: Time, what: string): never {
    if (t < this.now) this.backwards(t, `server ${server} of '${this.names[res]}' changed`);
    if (!(res >= 0 && res < this.servers.length && server >= 0 && server < this.servers[res]!)) {
      this.fail("exclusivity", t, `server ${server} of resource ${res} does not exist`);
    }
    this.fail("exclusivity", t, `server ${server} of '${this.names[res]}' ${what}`);
  }

  private leaveFault(req: Request, t: Time, verb: string): never {
    const id = req.id;
    const window = this.window;
    if (t < this.now) this.backwards(t, `request ${verb}`, id);
    if (id >= window.next) this.fail("conservation", t, `${verb} without having arrived`, { requestId: id });
    if (id < window.base || window.stateOf(id) !== IN_SYSTEM) this.fail("conservation", t, `${verb} after it had left the system already`, { requestId: id });
    const open = window.firstNotEnded(id, req.plan === null ? 0 : req.plan.steps.length);
    this.fail("causality", t, `${verb} before its step ${open} ended`, { requestId: id });
  }

  private site(work: Work, times?: ReadonlyArray<readonly [string, Time]>): ViolationSite {
    const step = work.req.plan?.steps[work.step];
    const stepWhat = step === undefined ? undefined
      : step.kind === "compute" ? `compute on '${this.names[step.station]}'`
      : `transfer of ${step.bytes} bytes on '${this.names[this.resourceOfLink[step.link]!]}'`;
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
