// From a parsed scenario file to a ResolvedScenario: checks references between sections (nodes,
// links, sources, schedulers), reads model and arrival files, fills the remaining defaults, and
// collects every problem instead of stopping at the first.
import { deviceLookup, resolveDevices } from "./resolve-devices.js";
import { deviceAsRun } from "../workload/cpu-threads.js";
import type { ModelSpec } from "../workload/model-spec.js";
import { resolveAccuracy } from "./resolve-accuracy.js";
import { resolveSlabTable } from "./resolve-slab-table.js";
import { resolveLink } from "./resolve-link.js";
import { checkMediaUse, resolveMedia } from "./resolve-media.js";
import { resolveModel } from "./resolve-model.js";
import type { Problem, Reader } from "./problems.js";
import type { SectionParse } from "./parse-sections.js";
import { resolveEstimator } from "./resolve-estimator.js";
import { resolveSchedulers } from "./resolve-schedulers.js";
import type { SourceParsed } from "./schema.js";
import type { Arrivals, ResolvedMetrics, ResolvedNode, ResolvedScenario, ResolvedSource } from "./types.js";
import type { ContentSpec } from "../workload/source-spec.js";

export function resolveScenario(
  parsed: SectionParse,
  defaults: { name: string; baseDir: string },
  read: Reader,
  problems: Problem[],
): ResolvedScenario {
  const f = parsed.file;
  const devices = resolveDevices(f.devices, problems, f.nodes);
  const lookup = deviceLookup(devices);
  const nodes: ResolvedNode[] = Object.entries(f.nodes).map(([name, n]) => {
    const device = lookup.get(n.device);
    const brokenCustom = f.devices[n.device] !== undefined;
    if (device === undefined && !brokenCustom) {
      problems.push({ path: ["nodes", name, "device"], message: `unknown device '${n.device}' (known: ${lookup.names().join(", ")}; or define it under devices)` });
    }
    if (device !== undefined) {
      const r = deviceAsRun(device, n.runtime, n.threads);
      if ("error" in r) problems.push({ path: ["nodes", name, r.setting], message: r.error });
    }
    return {
      name, device: n.device, servers: n.servers, maxBatch: n.maxBatch, batchTimeoutMs: n.batchTimeoutMs,
      queueLimit: n.queueLimit ?? null, precision: n.precision, role: n.role ?? device?.class ?? "end",
      ...(n.runtime === undefined ? {} : { runtime: n.runtime }),
      ...(n.threads === undefined ? {} : { threads: n.threads }),
    };
  });
  if (nodes.length === 0 && parsed.brokenNodes.size === 0 && f.nodes !== undefined) {
    problems.push({ path: ["nodes"], message: "a scenario needs at least one node" });
  }
  // Nodes that failed validation still exist for references, so their problems are not repeated.
  const nodeNames = new Set([...nodes.map((n) => n.name), ...parsed.brokenNodes]);
  const media = resolveMedia(f.media, parsed.brokenMedia, { seed: f.seed, read }, problems);
  const links = Object.entries(f.links).map(([name, l]) => resolveLink(name, l, nodeNames, { seed: f.seed, read }, problems, media));
  checkMediaUse(media, { nodes: nodeNames, links, brokenLinks: parsed.brokenLinks }, problems);

  const models: Record<string, ModelSpec> = {};
  const modelName = (ref: unknown, path: Array<string | number>): string | null => {
    const spec = resolveModel(ref, path, read, problems);
    if (spec === null) return null;
    const existing = models[spec.name];
    if (existing !== undefined && JSON.stringify(existing) !== JSON.stringify(spec)) {
      problems.push({ path, message: `two different models are named '${spec.name}'` });
    }
    models[spec.name] = spec;
    return spec.name;
  };

  let rawSources: Array<{ src: SourceParsed; path: Array<string | number> }> = [];
  if (f.workload !== undefined && f.sources !== undefined) {
    problems.push({ path: ["sources"], message: "give either workload (one source) or sources, not both" });
  } else if (f.workload !== undefined) {
    const { warmupRequests: _w, at, ...rest } = f.workload;
    const origin = at ?? onlyEndNode(nodes, parsed.brokenNodes.size > 0 ? [] : problems);
    rawSources = [{ src: { ...rest, at: origin ?? "", model: rest.model ?? (rest.models === undefined ? f.model : undefined) }, path: ["workload"] }];
  } else if (f.sources !== undefined) {
    rawSources = f.sources.map((src, i) => ({ src: { ...src, model: src.model ?? (src.models === undefined ? f.model : undefined) }, path: ["sources", i] }));
  } else if (!parsed.workloadBroken) {
    problems.push({ path: ["workload"], message: "a scenario needs a workload (one source) or sources" });
  }

  const sources: ResolvedSource[] = rawSources.map(({ src, path }) => {
    if (src.at !== "" && !nodeNames.has(src.at)) problems.push({ path: [...path, "at"], message: `no node named '${src.at}'` });
    const mix: Record<string, number> = {};
    if (src.model !== undefined && src.models !== undefined) {
      problems.push({ path: [...path, "models"], message: "give either model or models, not both" });
    } else if (src.models !== undefined) {
      for (const [ref, w] of Object.entries(src.models)) {
        const name = modelName(ref, [...path, "models", ref]);
        if (name !== null) mix[name] = (mix[name] ?? 0) + w;
      }
    } else if (src.model !== undefined) {
      const name = modelName(src.model, path[0] === "workload" && f.workload?.model === undefined ? ["model"] : [...path, "model"]);
      if (name !== null) mix[name] = 1;
    } else if (!parsed.modelBroken) {
      problems.push({ path: [...path, "model"], message: "no model: set model (here or at the top level) or models" });
    }
    const { arrivals, requests } = resolveArrivals(src, path, read, problems);
    const source: ResolvedSource = { at: src.at, models: mix, arrivals, requests, deadlineMs: src.deadlineMs ?? null };
    if (src.content !== undefined) source.content = resolveContent(src.content, [...path, "content"], problems);
    return source;
  });

  if (f.workload !== undefined && f.warmupRequests !== undefined) {
    // The shorthand keeps its warm-up inside it; a second place to say it would be ambiguous.
    problems.push({ path: ["warmupRequests"], message: "with the workload shorthand, write it as workload.warmupRequests" });
  }
  const total = sources.reduce((a, s) => a + s.requests, 0);
  const warmupRequests = f.workload?.warmupRequests ?? f.warmupRequests ?? 0;
  if (warmupRequests > 0 && warmupRequests >= total) {
    problems.push({ path: [f.workload ? "workload" : "warmupRequests", ...(f.workload ? ["warmupRequests"] : [])], message: `must be less than the number of requests (${total})` });
  }

  const estimator = resolveEstimator(f.estimator);
  const { schedulers, plugins, instances, options, optionsAt } = resolveSchedulers(f.schedulers, f.options, estimator, read, problems, sources, links);

  return {
    name: f.name ?? defaults.name,
    baseDir: defaults.baseDir,
    seed: f.seed,
    nodes,
    links,
    sources,
    models,
    warmupRequests,
    noise: { compute: f.noise.compute },
    wire: { headerBytes: f.wire.headerBytes, resultBytes: f.wire.resultBytes ?? null },
    estimator,
    schedulers,
    options,
    accuracy: resolveAccuracy(f.accuracy, models, read, problems),
    // Absent unless given, so that a scenario without one hashes as it always did.
    ...(f.slabTable === undefined ? {} : { slabTable: resolveSlabTable(f.slabTable, models, devices, read, problems) }),
    devices,
    // Absent unless given, so that a scenario without them hashes as it always did.
    ...(f.metrics === undefined ? {} : { metrics: resolveMetrics(f.metrics) }),
    ...(Object.keys(plugins).length === 0 ? {} : { plugins }),
    // Absent without instances, so that older scenarios hash as before.
    ...(Object.keys(instances).length === 0 ? {} : { instances, instanceOptionsAt: optionsAt }),
  };
}

/**
 * Where the shorthand's requests enter: the only node, else the only `end` node, else (when no
 * node is an end device, e.g. a Jetson playing the device) the only node that is not a cloud.
 */
function onlyEndNode(nodes: readonly ResolvedNode[], problems: Problem[]): string | null {
  if (nodes.length === 1) return nodes[0]!.name;
  let ends = nodes.filter((n) => n.role === "end");
  if (ends.length === 0) ends = nodes.filter((n) => n.role !== "cloud");
  if (ends.length === 1) return ends[0]!.name;
  problems.push({
    path: ["workload", "at"],
    message: ends.length === 0
      ? "no end device among the nodes: say where requests enter with workload.at"
      : `several end devices (${ends.map((n) => n.name).join(", ")}): choose one with workload.at, or use sources`,
  });
  return null;
}

/** Simulated time is integer ns in doubles: exact up to 2^53 ns (104 days). */
export const MAX_ARRIVAL_SPAN_S = 1e7 * 0.9;

/**
 * A rate whose arrivals are under 1 ns apart collapse onto one instant, and one whose requests would
 * arrive over more than MAX_ARRIVAL_SPAN_S leave exact time: both would give meaningless numbers.
 */
function checkRate(rate: number, requests: number, path: Array<string | number>, problems: Problem[]): void {
  if (rate > 1e9) problems.push({ path, message: `${rate} per second puts arrivals under 1 ns apart (at most 1e9)` });
  const spanS = requests / rate;
  if (spanS > MAX_ARRIVAL_SPAN_S) {
    problems.push({ path, message: `${requests} requests at ${rate} per second would arrive over ${spanS.toPrecision(3)} s of simulated time (at most ${MAX_ARRIVAL_SPAN_S} s, about 104 days): raise the rate or lower requests` });
  }
}

function resolveArrivals(src: SourceParsed, path: Array<string | number>, read: Reader, problems: Problem[]): { arrivals: Arrivals; requests: number } {
  const a = src.arrivals;
  const at = [...path, "arrivals"];
  const need = (n: number | undefined): number => {
    if (n === undefined) problems.push({ path: [...path, "requests"], message: "how many requests? set requests" });
    return n ?? 0;
  };
  switch (a.kind) {
    case "periodic":
    case "poisson": {
      const rate = a.kind === "periodic" ? a.fps : a.ratePerSec;
      checkRate(rate, need(src.requests), [...at, a.kind === "periodic" ? "fps" : "ratePerSec"], problems);
      return { arrivals: a, requests: src.requests ?? 0 };
    }
    case "closed":
      return { arrivals: a, requests: need(src.requests) };
    case "batch":
      if (a.n !== undefined && src.requests !== undefined && a.n !== src.requests) {
        problems.push({ path: [...at, "n"], message: `n (${a.n}) and requests (${src.requests}) disagree` });
      }
      return { arrivals: { kind: "batch" }, requests: need(src.requests ?? a.n) };
    case "file": {
      let times: number[] | null = null;
      if ((a.path === undefined) === (a.timesMs === undefined)) {
        problems.push({ path: at, message: "a file source needs exactly one of path or timesMs" });
      } else if (a.timesMs !== undefined) times = a.timesMs;
      else times = readTimes(a.path!, [...at, "path"], read, problems);
      // Without usable times, a count check would only repeat the problem already reported.
      if (times === null) return { arrivals: { kind: "file", timesMs: [] }, requests: src.requests ?? 0 };
      for (let i = 1; i < times.length; i++) {
        if (times[i]! < times[i - 1]!) {
          problems.push({ path: at, message: `arrival times must not decrease (entry ${i + 1}: ${times[i]} after ${times[i - 1]})` });
          break;
        }
      }
      const requests = src.requests ?? times.length;
      if (requests > times.length) problems.push({ path: [...path, "requests"], message: `only ${times.length} arrival times are given` });
      return { arrivals: { kind: "file", timesMs: times.slice(0, requests) }, requests };
    }
  }
}

/** One time in ms per line (or the first CSV column); blank lines and # comments are skipped. */
function readTimes(file: string, path: Array<string | number>, read: Reader, problems: Problem[]): number[] | null {
  const text = read(file);
  if (text === null) {
    problems.push({ path, message: `file not found: ${file}` });
    return null;
  }
  const out: number[] = [];
  let headerAllowed = true; // a non-numeric first cell is a CSV header
  const bad: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const cell = line.replace(/#.*/, "").split(",")[0]!.trim();
    if (cell === "") return;
    const v = Number(cell);
    const header = headerAllowed && Number.isNaN(v);
    headerAllowed = false;
    if (header) return;
    if (Number.isFinite(v) && v >= 0) out.push(v);
    else bad.push(`line ${i + 1}: '${cell}'`);
  });
  if (bad.length > 0) {
    // One problem per file: a broken export would otherwise bury the others under thousands.
    const more = bad.length > 1 ? ` (and ${bad.length - 1} more line${bad.length > 2 ? "s" : ""})` : "";
    problems.push({ path, message: `${file} ${bad[0]} is not a time in ms >= 0${more}` });
    return null;
  }
  if (out.length === 0) {
    problems.push({ path, message: `${file} holds no arrival times` });
    return null;
  }
  return out;
}

/** Labels given as a count are named "0", "1", ...; names must be unique. */
function resolveContent(c: NonNullable<SourceParsed["content"]>, path: Array<string | number>, problems: Problem[]): ContentSpec {
  const labels = typeof c.labels === "number" ? Array.from({ length: c.labels }, (_, i) => String(i)) : c.labels;
  const dup = labels.find((l, i) => labels.indexOf(l) !== i);
  if (dup !== undefined) problems.push({ path: [...path, "labels"], message: `label '${dup}' is listed twice` });
  return { labels, stayProb: c.stayProb, closeness: c.closeness };
}

/** Deadlines sorted and without repeats, so the report lists each once in order. */
function resolveMetrics(m: { deadlinesMs?: number[] | undefined; binMs?: number | undefined; latencySketch?: number | undefined }): ResolvedMetrics {
  const out: ResolvedMetrics = {};
  if (m.deadlinesMs !== undefined) out.deadlinesMs = [...new Set(m.deadlinesMs)].sort((a, b) => a - b);
  if (m.binMs !== undefined) out.binMs = m.binMs;
  if (m.latencySketch !== undefined) out.latencySketch = m.latencySketch;
  return out;
}
