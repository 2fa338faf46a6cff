// The scenario file format as zod schemas (DESIGN §7). Shapes and value ranges only; references
// between sections, files and models are checked by resolve.ts. Units are in the key names.
import { RUNTIMES } from "../workload/runtime.js";
import { z } from "zod";
import { LINK_TECHNOLOGIES } from "../platform/platform-spec.js";

const positive = z.number().positive({ error: "must be > 0" });
const nonNegative = z.number().nonnegative({ error: "must be >= 0" });
const count = z.number().int({ error: "must be a whole number" }).min(1, { error: "must be >= 1" });
const nanojoules = z.number().nonnegative({ error: (i) => `must be nJ per bit >= 0, got ${JSON.stringify(i.input)}` });

export const Arrivals = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("periodic"), fps: positive }),
    z.strictObject({ kind: z.literal("poisson"), ratePerSec: positive }),
    z.strictObject({ kind: z.literal("batch"), n: count.optional() }),
    z.strictObject({ kind: z.literal("closed"), k: count, thinkMs: nonNegative.default(0) }),
    z.strictObject({ kind: z.literal("file"), path: z.string().min(1).optional(), timesMs: z.array(nonNegative).min(1).optional() }),
  ],
  { error: "kind must be one of periodic, poisson, batch, closed, file" },
);

/** A model: a built-in name, a path to a model JSON file, or an inline model object. */
const ModelRef = z.union([z.string().min(1), z.record(z.string(), z.unknown())], {
  error: "must be a built-in model name, a path to a model file, or an inline model",
});

/** A built-in name, a plug-in file, or a named instance of either with its own options. */
export const SchedulerEntry = z.union([
  z.string().min(1),
  z.strictObject({
    name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: "must be letters, digits, '.', '_' or '-' (it names the report)" }),
    use: z.string().min(1),
    options: z.record(z.string(), z.unknown()).default({}),
  }),
], { error: "must be a scheduler name, a plug-in file, or { name, use, options }" });

export const Node = z.strictObject({
  device: z.string().min(1),
  servers: count.default(1),
  maxBatch: count.default(1),
  batchTimeoutMs: nonNegative.default(0),
  queueLimit: count.optional(),
  precision: z.enum(["fp32", "fp16", "int8"]).default("fp32"),
  role: z.enum(["end", "edge", "cloud"]).optional(),
  /** How the device runs layers (kernel fusion, per-kernel cost); absent: the device's default. docs/compute-model.md. */
  runtime: z.enum(RUNTIMES).optional()
    .meta({ description: "eager | compiled | mobile-cpu: the runtime (kernel fusion and per-kernel cost); default: the device's own" }),
  /** CPU threads under mobile-cpu (1 … the device's cores; default all): docs/compute-model.md "Threads". */
  threads: count.optional()
    .meta({ description: "mobile-cpu only: threads the runtime uses, 1 to the device's cores (default: all cores)" }),
});

const ProfilePoint = z.tuple([nonNegative, nonNegative], { error: "each point is [t_s, mbps]" });

/** An inline synthetic trace (see src/platform/bandwidth/synthetic.ts). */
export const SyntheticTrace = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("constant"), mbps: positive, durationS: positive.default(1) }),
    z.strictObject({ kind: z.literal("steps"), stepS: positive, mbps: z.array(nonNegative).min(1) }),
    z.strictObject({
      kind: z.literal("gilbert-elliott"),
      goodMbps: nonNegative,
      badMbps: nonNegative,
      meanGoodS: positive,
      meanBadS: positive,
      durationS: positive,
      seed: z.number().int().nonnegative().optional(),
    }),
    // One of bandwidthMhz and meanMbps, and the SNR range, are checked with the trace (rayleigh.ts).
    z.strictObject({
      kind: z.literal("rayleigh"),
      bandwidthMhz: positive.optional(),
      meanMbps: positive.optional(),
      snrDb: z.number(),
      coherenceMs: positive,
      durationS: positive,
      seed: z.number().int().nonnegative().optional(),
    }),
  ],
  { error: "kind must be one of constant, steps, gilbert-elliott, rayleigh" },
);

export const TRACE_FORMAT_NAMES = ["auto", "mahimahi", "time-value", "oboe", "ucc", "csv"] as const;

export const Link = z.strictObject({
  from: z.string().min(1),
  to: z.string().min(1),
  bandwidthMbps: positive.optional(),
  bandwidthProfile: z.array(ProfilePoint).min(1).optional(),
  trace: z.union([z.string().min(1), SyntheticTrace], { error: "must be a trace file path or a synthetic trace { kind: ... }" }).optional(),
  format: z.enum(TRACE_FORMAT_NAMES).optional(),
  binMs: positive.optional(),
  column: z.string().min(1).optional(),
  scale: positive.optional(),
  offsetS: z.union([nonNegative, z.literal("random")], { error: "must be a number of seconds >= 0 or random" }).optional(),
  minMbps: nonNegative.optional(),
  loop: z.boolean().optional(),
  periodS: positive.optional(),
  // No zod defaults for these two: a link on a medium must not give them, so resolve-link.ts needs
  // to see whether they were written (it fills in 0 and fifo for a link of its own).
  latencyMs: nonNegative.optional().meta({ description: "one-way propagation delay, ms (default 0; a link on a medium takes the medium's)" }),
  discipline: z.enum(["fifo", "shared"], { error: "must be fifo (one transfer at a time) or shared (processor sharing)" }).optional()
    .meta({ description: "fifo (default) or shared; a link on a medium takes the medium's" }),
  medium: z.string().min(1).optional().meta({ description: "a name under media: the link is served by that shared channel, with its bandwidth, latency and discipline" }),
  // Radio energy (docs/energy.md); the messages name the value given, so a typo is found at once.
  technology: z.enum(LINK_TECHNOLOGIES, { error: (i) => `must be one of ${LINK_TECHNOLOGIES.join(", ")}, got ${JSON.stringify(i.input)}` }).optional()
    .meta({ description: "lte | 5g | wifi | wired: the radio, for its default per-bit energy (absent: no radio energy counted)" }),
  energyPerBitNj: z.union([nanojoules, z.strictObject({ send: nanojoules, receive: nanojoules })], {
    error: (i) => `must be nJ per bit >= 0, or { send, receive }, got ${JSON.stringify(i.input)}`,
  }).optional().meta({ description: "per-bit radio energy, nJ: one number for sender and receiver, or { send, receive }; overrides the technology's" }),
});

/** A shared channel (`media`): a link's bandwidth source, latency and discipline, served once for all links on it. */
export const Medium = Link.pick({
  bandwidthMbps: true, bandwidthProfile: true, trace: true, format: true, binMs: true, column: true, scale: true, offsetS: true,
  minMbps: true, loop: true, periodS: true,
}).extend({
  latencyMs: nonNegative.optional().meta({ description: "one-way propagation delay of every transfer on it, ms (default 0)" }),
  discipline: z.enum(["fifo", "shared"], { error: "must be fifo (one transfer at a time over all its links) or shared (processor sharing over all its links)" }).optional()
    .meta({ description: "fifo (default): one transfer at a time over all its links; shared: processor sharing over all its links" }),
});

const unit = z.number().min(0, { error: "must be in [0, 1]" }).max(1, { error: "must be in [0, 1]" });

/** A scene-label process of a source's frames (workload/source-spec.ts ContentSpec). */
export const Content = z.strictObject({
  labels: z.union([count, z.array(z.string().min(1)).min(1)], { error: "must be a number of labels or a list of label names" }),
  stayProb: unit,
  closeness: z
    .discriminatedUnion(
      "kind",
      [
        z.strictObject({ kind: z.literal("beta"), a: positive, b: positive }),
        z.strictObject({ kind: z.literal("uniform") }),
        z.strictObject({ kind: z.literal("constant"), value: unit }),
      ],
      { error: "kind must be one of beta, uniform, constant" },
    )
    .default({ kind: "uniform" }),
});

export const Source = z.strictObject({
  at: z.string().min(1),
  model: ModelRef.optional(),
  models: z.record(z.string(), positive).optional(),
  arrivals: Arrivals,
  requests: count.optional(),
  deadlineMs: positive.optional(),
  content: Content.optional(),
});

export const Workload = Source.extend({ at: z.string().min(1).optional(), warmupRequests: z.number().int().nonnegative().default(0) });

const EstimatorKind = z.enum(["oracle", "last", "ewma", "harmonic"]);
export const Estimator = z.union(
  [
    EstimatorKind,
    z.strictObject({
      kind: EstimatorKind,
      alpha: z.number().gt(0).lte(1, { error: "must be in (0, 1]" }).optional(),
      window: count.optional(),
    }),
  ],
  { error: "must be oracle, last, ewma or harmonic, or an object { kind, alpha, window }" },
);

/** The grid of `splitsim sweep` (docs/sweep.md): each listed value is one point. A run ignores it. */
export const Sweep = z.strictObject({
  /** Dotted scenario path -> its values. */
  vary: z.record(z.string().min(1), z.array(z.unknown(), { error: "must be a list of values" }).min(1, { error: "give at least one value" })).optional(),
  /** Link -> a glob (or list of globs) of trace files, relative to the scenario. */
  traces: z
    .record(z.string().min(1), z.union([z.string().min(1), z.array(z.string().min(1)).min(1)], { error: "must be a glob or a list of globs" }))
    .optional(),
  seeds: z
    .union([z.array(z.number().int().nonnegative()).min(1), z.string().regex(/^\s*\d+\s*\.\.\s*\d+\s*$/, { error: "must be a range such as 1..20 (or a list of seeds)" })], { error: "must be a list of seeds or a range such as 1..20" })
    .optional(),
});

/**
 * A device profile: the fields are checked by deviceFromSpec (workload/devices.ts, with messages
 * naming the field); here they are only described, for editor completion from the JSON schema.
 */
const deviceField = (description: string) => z.unknown().optional().meta({ description });
const Device = z.looseObject({
  class: deviceField("end | edge | cloud"),
  peakFlops: deviceField("{ fp32, fp16, int8 } peak FLOP/s (OP/s for int8), an FMA counting as 2"),
  efficiency: deviceField("fraction of peak reached on real layers (the fp32 figure and the default)"),
  efficiencyByPrecision: deviceField("per-precision efficiency, e.g. { fp16: 0.5 }"),
  memBytesPerSec: deviceField("memory bandwidth, bytes/s"),
  layerOverheadMs: deviceField("fixed cost per kernel under the device's runtime (per layer under eager), ms"),
  runtime: deviceField("eager | compiled | mobile-cpu: the runtime these figures describe (default eager: one kernel per layer)"),
  runtimes: deviceField("figures for other runtimes: { <runtime>: { layerOverheadMs, efficiency, efficiencyByPrecision? } }"),
  nativePrecisions: deviceField("precisions with their own hardware path (default: all three)"),
  cores: deviceField("CPU cores the mobile-cpu figures describe (all busy); lets nodes set threads"),
  memoryBytes: deviceField("memory capacity, bytes (absent: no memory limit); docs/memory.md"),
  usableMemoryFraction: deviceField("share of memoryBytes inference may use, in (0, 1] (default per class: end 0.5, edge 0.5, cloud 0.9)"),
  power: deviceField("{ idleW, busyW } board power in W; busyW a number or { fp32, fp16, int8 } (absent: energy not counted); docs/energy.md"),
  description: deviceField("free text"),
});

export const ScenarioFile = z.strictObject({
  name: z.string().min(1).optional(),
  seed: z.number().int().nonnegative().default(1),
  model: ModelRef.optional(),
  nodes: z.record(z.string(), Node),
  links: z.record(z.string(), Link).default({}),
  /** Shared channels by name; links join one with `medium: <name>`. */
  media: z.record(z.string(), Medium).default({}),
  workload: Workload.optional(),
  sources: z.array(Source).min(1).optional(),
  warmupRequests: z.number().int().nonnegative().optional(),
  noise: z
    .strictObject({
      compute: z.discriminatedUnion(
        "kind",
        [
          z.strictObject({ kind: z.literal("none") }),
          z.strictObject({ kind: z.literal("lognormal"), cv: positive }),
          z.strictObject({ kind: z.literal("exponential") }),
        ],
        { error: "kind must be one of none, lognormal, exponential" },
      ).default({ kind: "none" }),
    })
    .default({ compute: { kind: "none" } }),
  wire: z
    .strictObject({ headerBytes: z.number().int().nonnegative().default(16), resultBytes: z.number().int().nonnegative().optional() })
    .default({ headerBytes: 16 }),
  estimator: Estimator.default({ kind: "ewma", alpha: 0.3 }),
  schedulers: z
    .union([z.literal("all"), z.array(SchedulerEntry).min(1)], { error: "must be all or a list of scheduler names, plug-in files or { name, use, options } instances" })
    .default("all"),
  options: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
  /** The scenario's own device profiles, by name (same fields as the built-in ones). */
  devices: z.record(z.string(), Device).default({}),
  /** Extra report figures: deadline reliability and a time series of throughput and latency. */
  metrics: z
    .strictObject({
      deadlinesMs: z.array(positive).min(1, { error: "give at least one deadline" }).optional(),
      binMs: z.number().min(1e-6, { error: "must be at least 0.000001 (1 ns)" }).optional(),
      /** Summarise latencies in a log-bucket sketch of this relative error instead of keeping each (docs/metrics.md). */
      latencySketch: z.number().min(1e-6, { error: "must be at least 0.000001" }).max(0.1, { error: "must be at most 0.1 (10 %): a coarser sketch says little" }).optional(),
    })
    .optional(),
  /** Model name -> accuracy-loss table (a JSON file path or the table inline). */
  accuracy: z.record(z.string(), z.union([z.string().min(1), z.record(z.string(), z.unknown())])).default({}),
  /** Measured slab times (CSV: model, layer, device, rows, ms), relative to the scenario; docs/scenario.md. */
  slabTable: z.string().min(1).optional(),
  sweep: Sweep.optional(),
});

export type ScenarioFileInput = z.input<typeof ScenarioFile>;
export type ScenarioFileParsed = z.output<typeof ScenarioFile>;
export type SourceParsed = z.output<typeof Source>;
export type EstimatorParsed = z.output<typeof Estimator>;
