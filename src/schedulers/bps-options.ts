// BPS's options (halp-bps.md §2.7's decisions, each with a documented default) and their one-line
// descriptions for `splitsim schedulers`. Kept apart from the scheduler so that bps.ts holds only
// what it does per request and per control interval.
import { z } from "zod";

const positive = (name: string) => z.number().finite().positive({ message: `${name} must be > 0` });
const wholeAtLeast1 = (name: string) => z.number().int({ message: `${name} must be a whole number >= 1` }).min(1, { message: `${name} must be a whole number >= 1` });
const alpha = z.number().min(0, { message: "alpha must be in [0, 1]" }).max(1, { message: "alpha must be in [0, 1]" });
const cutRef = z.union([z.number(), z.string()]);

const codecFields = {
  ratio: z.number().gt(0, { message: "ratio must be in (0, 1]" }).max(1, { message: "ratio must be in (0, 1]" }).optional(),
  dropPct: z.number().finite().min(0, { message: "dropPct must be >= 0 (percentage points)" }).optional(),
  encodeMs: z.number().finite().min(0, { message: "encodeMs must be >= 0" }).optional(),
  decodeMs: z.number().finite().min(0, { message: "decodeMs must be >= 0" }).optional(),
};
const CodecSpec = z.strictObject({ ...codecFields, cuts: z.record(z.string(), z.strictObject(codecFields)).optional() });

const ActionGrid = z.strictObject({
  cuts: z.array(cutRef).min(1).optional(),
  batches: z.array(wholeAtLeast1("a batch size")).min(1).optional(),
  localBatches: z.array(wholeAtLeast1("a local batch size")).min(1).optional(),
  alphas: z.array(alpha).min(1).optional(),
  codecs: z.array(z.string()).min(1).optional(),
  pipelining: z.array(z.boolean()).min(1).optional(),
});
const ActionItem = z.strictObject({
  cut: cutRef,
  batch: wholeAtLeast1("batch"),
  localBatch: wholeAtLeast1("localBatch").optional(),
  alpha,
  codec: z.string().optional(),
  pipelined: z.boolean().optional(),
});

export const BpsOptions = z
  .strictObject({
    mode: z.enum(["learned", "oracle", "local", "remote", "neurosurgeon", "dp"]).default("learned"),
    learner: z.enum(["dqn", "tabular", "bandit"]).default("dqn"),
    controlMs: positive("controlMs").default(1000),
    batchTimeoutMs: z.number().finite().min(0, { message: "batchTimeoutMs must be >= 0" }).default(50),
    lane: z.enum(["credit", "random"]).default("credit"),
    actions: z.union([ActionGrid, z.array(ActionItem)]).optional(),
    codecs: z.record(z.string(), CodecSpec).default({}),
    sloPenalty: z.number().finite().min(0).default(1),
    accWeight: z.number().finite().min(0).default(10),
    epsilonIntervals: wholeAtLeast1("epsilonIntervals").default(2000),
    learnS: z.number().finite().min(0).optional(),
    evalEpsilon: z.number().min(0).max(1).default(0),
    gamma: z.number().min(0, { message: "gamma must be in [0, 1)" }).lt(1, { message: "gamma must be in [0, 1)" }).default(0.9),
    hold: wholeAtLeast1("hold").default(1),
    heads: z.enum(["single", "factored"]).default("single"),
    updatesPerInterval: wholeAtLeast1("updatesPerInterval").default(1),
    weightsIn: z.string().optional(),
    weightsOut: z.string().optional(),
    nominalMbps: positive("nominalMbps").optional(),
    maxHeld: wholeAtLeast1("maxHeld").optional(),
    target: z.string().optional(),
  })
  .superRefine((o, ctx) => {
    for (const [name, c] of Object.entries(o.codecs)) {
      if (name === "off") ctx.addIssue({ code: "custom", path: ["codecs", name], message: "'off' is the name of no codec; choose another" });
      const builtin = name === "uniform8" || name === "uniform4" || name === "ff";
      const missing = (["ratio", "dropPct", "encodeMs", "decodeMs"] as const).filter((f) => c[f] === undefined);
      if (!builtin && missing.length > 0) {
        ctx.addIssue({ code: "custom", path: ["codecs", name], message: `a codec of your own needs ${missing.join(", ")} (the reference gives no numbers for it; only uniform8, uniform4 and ff have defaults)` });
      }
    }
  });

export type BpsOpts = z.output<typeof BpsOptions>;

export const BPS_OPTION_LINES = [
  "mode (learned | oracle | local | remote | neurosurgeon | dp, default learned): learned picks a configuration every controlMs; oracle enumerates them with the next interval's true bandwidth (needs estimator: oracle); the rest are pinned to their best static configuration at nominalMbps",
  "learner (dqn | tabular | bandit, default dqn): the DQN (12 -> 64 -> 64 -> |A|), a Q-table over bandwidth x rate x queue bins, or an epsilon-greedy bandit per bandwidth bin",
  "controlMs (ms > 0, default 1000): the control interval",
  "batchTimeoutMs (ms >= 0, default 50, ours): a batch starts when it is full or its first request has waited this long",
  "lane (credit | random, default credit): request i is local-only when floor((i+1) alpha) > floor(i alpha), or with probability alpha",
  "actions (grid {cuts, batches, localBatches, alphas, codecs, pipelining} or a list of {cut, batch, localBatch, alpha, codec, pipelined}; default: cuts 0, n and the 4 lightest, b = bL in {1, 4, 16} up to maxBatch, alpha in {0, .25, .5, .75, 1}, codec off | ff, pipelining on)",
  "codecs (name -> {ratio, dropPct, encodeMs, decodeMs, cuts: {layer: {...}}}): overrides of uniform8, uniform4 and ff, or codecs of your own with all four numbers",
  "sloPenalty (>= 0, default 1): reward lost per request over its deadline, per second",
  "accWeight (>= 0, default 10): reward lost per accuracy point the window's requests lost",
  "epsilonIntervals (whole number >= 1, default 2000): exploration falls from 1 to 0.05 over this many intervals",
  "learnS (s >= 0, default epsilonIntervals x controlMs): after this, exploration is evalEpsilon",
  "evalEpsilon (0-1, default 0): exploration once learning is over",
  "gamma (0 <= gamma < 1, default 0.9): the learners' discount (0: each interval's reward alone, a contextual bandit)",
  "heads (single | factored, default single): the DQN's output, one value per configuration, or one head per knob of the action grid (cut, batches, alpha, codec, pipelining)",
  "hold (whole number >= 1, default 1): intervals each chosen configuration is kept; the learner learns from the last (the first ones carry the switch's transient)",
  "updatesPerInterval (whole number >= 1, default 1): DQN minibatch steps per control interval",
  "weightsIn (file): learned parameters to start from (JSON written by weightsOut)",
  "weightsOut (file): where to write the learned parameters at the end of the run",
  "maxHeld (whole number >= 1, default: 2 s of the source's arrivals, at least 2 batches of the largest size; none without a rate): an arrival that finds this many requests held by BPS is dropped (a stream drops stale frames; without it an overloaded run's backlog grows without bound)",
  "nominalMbps (> 0, default: the uplink's estimate at the first request): the bandwidth pinned modes choose for",
  "target (node, default: the destination of the origin's first link): where offloaded layers run",
];
