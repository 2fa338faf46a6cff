// dads (Hu, Bao, Wang, Liu — INFOCOM 2019), as in job-offloading-and-baselines.md §3.2: one
// device/cloud partition of the layer DAG for all frames of a (source, model), made again when the
// bandwidth estimate moves. Light load (DSL): the minimum s–t cut, i.e. the least per-frame
// latency; heavy load (DSH): the scaled min-cut search for the least bottleneck stage. `auto`
// takes DSL while its bottleneck is under the frame interval 1/Q, else DSH, as DADS's controller.
import { z } from "zod";
import { OptionsError } from "../errors.js";
import type { Model } from "../workload/model.js";
import type { Plan } from "../workload/plan.js";
import type { Request } from "../workload/request.js";
import { bitsOption, parseOptions } from "./options.js";
import { BySourceModel } from "./planning/by-source-model.js";
import { dadsCut } from "./planning/dads-cut.js";
import { bottleneckOf, DSH_DEFAULTS, dshCut, scoreCut } from "./planning/dads-heavy.js";
import { dadsTimes, layerTimes, transmitNs, type LayerTimes } from "./planning/dads-times.js";
import { maskCut } from "./planning/mask-cut.js";
import { maskPlan } from "./planning/mask-plan.js";
import { RouteCache, type SplitRoute } from "./planning/route.js";
import type { Scheduler, SchedulerContext, SchedulerFactory } from "./scheduler.js";
import { needsUplink } from "./needs.js";

const NAME = "dads";

const Options = z.strictObject({
  mode: z.enum(["auto", "light", "heavy"]).default("auto"),
  ratePerSec: z.number().positive({ message: "ratePerSec must be frames/s > 0" }).finite().optional(),
  bits: bitsOption,
  target: z.string().optional(),
  shrink: z.number().gt(1, { message: "shrink (DSH's K) must be > 1" }).finite().default(DSH_DEFAULTS.shrink),
  epsilon: z.number().positive({ message: "epsilon (DSH's ε) must be > 0" }).max(1).default(DSH_DEFAULTS.epsilon),
});

type Opts = z.output<typeof Options>;
type Load = "light" | "heavy";

/** The partition in force for one (source, model) and the estimates it was made with. */
interface Stream {
  model: Model;
  route: SplitRoute;
  layers: LayerTimes;
  /** Q in frames/s; Infinity for a batch (all frames at once: heavy). */
  rate: number;
  lastUpBps: number;
  lastDownBps: number;
  load: Load;
  plan: Plan | null;
  /** Frames planned with the current decision, under its "<model> <cut label>" key. */
  tally: Tally;
}

interface Tally {
  key: string;
  frames: number;
}

export const dads: SchedulerFactory = {
  description: "DADS: one min-cut partition of the layer DAG per stream (latency under light load, bottleneck under heavy)",
  options: [
    "mode (auto | light | heavy, default auto): auto = DSL while its slowest stage is under 1/Q, else DSH; light = DSL (least latency); heavy = DSH (least slowest stage)",
    "ratePerSec (frames/s > 0, default: the source's fps or ratePerSec): Q, the sampling rate; needed by auto and heavy when the source has none (closed arrivals); a batch counts as heavy",
    "bits (2-8, 16 or 32, default 32): bits per element of the boundary tensors",
    "target (node, default: the destination of the origin's first link): where the cloud side runs",
    `shrink (> 1, default ${DSH_DEFAULTS.shrink}): DSH's K, the factor its search step shrinks by per round`,
    `epsilon (0-1, default ${DSH_DEFAULTS.epsilon}): DSH's ε, it stops when a round improves the bottleneck by less than this fraction`,
  ],
  requestColumns: [{ name: "mode", description: "light (DSL's cut) or heavy (DSH's cut): the load mode in force when the request was planned" }],
  unmetNeed(options, sources) {
    const uplink = needsUplink(sources);
    if (uplink !== null) return uplink;
    // auto and heavy need Q: a closed loop has no rate (a batch counts as heavy).
    if ((options["mode"] ?? "auto") === "light" || options["ratePerSec"] !== undefined) return null;
    return sources.some((s) => s.kind === "closed") ? `it needs the sampling rate for mode ${String(options["mode"] ?? "auto")}, and a closed source has none: options.${NAME}.ratePerSec or mode light` : null;
  },
  create(options): Scheduler {
    return new Dads(parseOptions(NAME, Options, options));
  },
};

class Dads implements Scheduler {
  readonly name = NAME;
  private readonly routes: RouteCache;
  private readonly layerCache = new Map<Model, Map<SplitRoute, LayerTimes>>();
  private readonly streams: Stream[] = [];
  private readonly resolved: BySourceModel<Stream>;
  private readonly frames: Record<Load, number> = { light: 0, heavy: 0 };
  /** Every decision's tally, summed per key at the end (a key is "<model> <cut label>"). */
  private readonly tallies: Tally[] = [];
  private decisions = 0;
  private overloaded = 0;
  private dshEvaluations = 0;

  constructor(private readonly opts: Opts) {
    this.routes = new RouteCache(opts.target);
    this.resolved = new BySourceModel((req, ctx) => {
      const model = ctx.model(req.model);
      const route = this.routes.offload(ctx, req.source, NAME);
      const s: Stream = {
        model, route, layers: this.layersOf(ctx, model, route), rate: this.rateOf(ctx, req.source),
        lastUpBps: -1, lastDownBps: -1, load: "light", plan: null, tally: { key: "", frames: 0 },
      };
      this.streams.push(s);
      return s;
    });
  }

  plan(req: Request, ctx: SchedulerContext): Plan {
    const s = this.resolved.get(req, ctx);
    const upBps = ctx.bandwidthBps(s.route.uplink);
    const downBps = s.route.downlink >= 0 ? ctx.bandwidthBps(s.route.downlink) : 0;
    // One cut for all frames: decided again only when an estimate moves (§3.2, item 5).
    if (s.plan === null || upBps !== s.lastUpBps || downBps !== s.lastDownBps) this.decide(ctx, s, upBps, downBps);
    this.frames[s.load]++;
    s.tally.frames++;
    req.record()["mode"] = s.load;
    return s.plan!;
  }

  summary(): Record<string, unknown> {
    // Frames per "<model> <cut label>" (a partition's label: its maximal device layers).
    const cuts: Record<string, number> = {};
    for (const t of this.tallies) if (t.frames > 0) cuts[t.key] = (cuts[t.key] ?? 0) + t.frames;
    return {
      mode: this.opts.mode,
      decisions: this.decisions,
      frames: { ...this.frames },
      cuts,
      // DADS's controller would ask the user to lower the sampling rate for these.
      overloadedDecisions: this.overloaded,
      dshEvaluations: this.dshEvaluations,
    };
  }

  private decide(ctx: SchedulerContext, s: Stream, upBps: number, downBps: number): void {
    const { model, route } = s;
    const times = dadsTimes(model, s.layers, this.opts.bits, ctx.headerBytes, upBps);
    const links = ctx.topology.links;
    // Paid once by any partition that offloads, so no min-cut edge can carry it: the uplink's
    // propagation and the result's way back. Device-only is compared with DSL's cut plus it.
    const offloadFixed = links[route.uplink]!.latencyNs +
      (route.downlink >= 0 ? transmitNs(ctx.resultBytes(model), downBps) + links[route.downlink]!.latencyNs : 0);
    const dsl = dadsCut(model, times);
    let deviceOnly = 0;
    for (let v = 0; v < model.layerCount; v++) deviceOnly += times.device[v]!;
    const offloads = dsl.upstream.indexOf(0) >= 0;
    const light = offloads && dsl.value + offloadFixed > deviceOnly ? scoreCut(model, new Uint8Array(model.layerCount).fill(1), times) : dsl;
    const intervalNs = 1e9 / s.rate;
    const load: Load = this.opts.mode === "auto" ? (bottleneckOf(light) < intervalNs ? "light" : "heavy") : this.opts.mode;
    let chosen = light;
    if (load === "heavy") {
      const h = dshCut(model, times, { shrink: this.opts.shrink, epsilon: this.opts.epsilon });
      this.dshEvaluations += h.evaluations;
      chosen = h.cut;
      if (h.bottleneck >= intervalNs) this.overloaded++;
    }
    s.load = load;
    s.plan = maskPlan(ctx, model, route, maskCut(model, chosen.upstream), this.opts.bits);
    s.tally = { key: `${model.name} ${s.plan.summary.cut}`, frames: 0 };
    this.tallies.push(s.tally);
    [s.lastUpBps, s.lastDownBps] = [upBps, downBps];
    this.decisions++;
  }

  private layersOf(ctx: SchedulerContext, model: Model, route: SplitRoute): LayerTimes {
    let byRoute = this.layerCache.get(model);
    if (byRoute === undefined) this.layerCache.set(model, (byRoute = new Map()));
    let t = byRoute.get(route);
    if (t === undefined) byRoute.set(route, (t = layerTimes(ctx, model, route)));
    return t;
  }

  /** Q: the option, else the source's mean rate; a batch is heavy (Infinity); none is an error where needed. */
  private rateOf(ctx: SchedulerContext, source: number): number {
    if (this.opts.ratePerSec !== undefined) return this.opts.ratePerSec;
    const src = ctx.source(source);
    if (src.arrivals.kind === "batch") return Infinity;
    if (src.ratePerSec !== null) return src.ratePerSec;
    if (this.opts.mode === "light") return 0;
    throw new OptionsError(NAME, [{
      path: "ratePerSec",
      message: `mode ${this.opts.mode} needs the sampling rate Q, and source ${source} (${src.arrivals.kind} arrivals) has none: give options.${NAME}.ratePerSec (frames/s > 0), or mode light (allowed modes: auto, light, heavy)`,
    }]);
  }
}
