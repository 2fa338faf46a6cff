// A TimelineRecording as Chrome trace events (the JSON "Trace Event Format" that ui.perfetto.dev and
// chrome://tracing open): a process per node and per link, a thread per server (per lane on a link),
// complete slices ("X") for work and idle time, flow arrows ("s"/"f") along each request's plan,
// counters ("C") for queues and bandwidth, and an async slice ("b"/"e") per request. Times are
// integer ns in the simulator and µs here: ts = ns / 1000, which a JSON number carries exactly back.
import type { Time } from "../core/time.js";
import type { IdleKind } from "./timeline-idle.js";
import type { StepSlice, TimelineRecording } from "./timeline-recorder.js";
import { toMbps } from "./timeline-counters.js";

export interface TraceEvent {
  name: string;
  /** Phase: X complete, s/f flow start/end, C counter, b/e async, M metadata. */
  ph: "X" | "s" | "f" | "C" | "b" | "e" | "M";
  /** µs. */
  ts?: number;
  dur?: number;
  pid: number;
  tid?: number;
  cat?: string;
  id?: number;
  id2?: { local: number };
  bp?: "e";
  cname?: string;
  args?: Record<string, unknown>;
}

/** Reserved colour names of the trace viewers (catapult's color_scheme): Perfetto colours by name instead. */
export const IDLE_COLOURS: Record<IdleKind, string> = {
  fill: "grey",
  drain: "grey",
  starved: "generic_work",
  upstream: "thread_state_iowait",
  held: "terrible",
};

export interface TraceNumbering {
  /** First process id to use (each run of a file takes the next ones). */
  firstPid: number;
  /** First flow id to use. */
  firstFlowId: number;
}

const us = (ns: Time): number => ns / 1000;
/** Thread ids are unique over the whole file (Perfetto pairs a tid with one process). */
const tidOf = (pid: number, lane: number): number => pid * 1000 + lane;

/**
 * The events of one run, its processes named "<label> · <node or link>" (just the name when the
 * label is empty). Returns the numbering the next run in the same file starts from.
 */
export function chromeTraceEvents(rec: TimelineRecording, label: string, n: TraceNumbering): { events: TraceEvent[]; next: TraceNumbering } {
  const events: TraceEvent[] = [];
  const name = (x: string): string => (label === "" ? x : `${label} · ${x}`);
  const pidOf = (res: number): number => n.firstPid + res;
  const lanes = laneOfTransfers(rec.slices);
  const laneCount = new Map<number, number>();
  for (const [s, lane] of lanes) laneCount.set(s.res, Math.max(laneCount.get(s.res) ?? 1, lane + 1));

  rec.resources.forEach((r, res) => {
    const pid = pidOf(res);
    events.push({ name: "process_name", ph: "M", pid, args: { name: name(`${r.id} (${r.kind})`) } });
    events.push({ name: "process_sort_index", ph: "M", pid, args: { sort_index: pid } });
    const threads = r.kind === "station" ? r.servers : (laneCount.get(res) ?? 1);
    for (let k = 0; k < threads; k++) {
      const thread = r.kind === "station" ? `server ${k}` : k === 0 ? "transfers" : `transfers (lane ${k + 1})`;
      events.push({ name: "thread_name", ph: "M", pid, tid: tidOf(pid, k), args: { name: thread } });
      events.push({ name: "thread_sort_index", ph: "M", pid, tid: tidOf(pid, k), args: { sort_index: k } });
    }
  });

  // Work: one slice per busy period of a server, or per transfer on its lane.
  const where = new Map<StepSlice, { pid: number; tid: number }>();
  for (const s of rec.slices) {
    const pid = pidOf(s.res);
    const tid = tidOf(pid, lanes.get(s) ?? s.server);
    where.set(s, { pid, tid });
    events.push({ name: sliceName(s), ph: "X", ts: us(s.fromNs), dur: us(s.toNs - s.fromNs), pid, tid, cat: s.steps[0]!.cost === null ? "transfer" : "compute",
      cname: s.steps[0]!.cost === null ? "thread_state_runnable" : "thread_state_running", args: sliceArgs(s) });
  }

  // Arrows along each plan edge, from the middle of the step waited for to the middle of the one that waited.
  let flow = n.firstFlowId;
  for (const s of rec.slices) {
    for (const src of s.from) {
      const a = where.get(src);
      if (a === undefined) continue;
      const b = where.get(s)!;
      const id = flow++;
      events.push({ name: "request", ph: "s", cat: "flow", id, ts: us((src.fromNs + src.toNs) / 2), pid: a.pid, tid: a.tid });
      events.push({ name: "request", ph: "f", bp: "e", cat: "flow", id, ts: us((s.fromNs + s.toNs) / 2), pid: b.pid, tid: b.tid });
    }
  }

  for (const seg of rec.idle) {
    const pid = pidOf(seg.res);
    events.push({ name: `idle: ${seg.kind}`, ph: "X", ts: us(seg.fromNs), dur: us(seg.toNs - seg.fromNs), pid, tid: tidOf(pid, seg.server), cat: "idle",
      cname: IDLE_COLOURS[seg.kind], args: { cause: seg.kind } });
  }

  rec.queues.forEach((points, res) => {
    const pid = pidOf(res);
    for (const [t, v] of points) events.push({ name: "queue", ph: "C", ts: us(t), pid, tid: tidOf(pid, 0), args: { waiting: v } });
  });
  const stations = rec.resources.length - rec.bandwidth.length;
  rec.bandwidth.forEach((bw, link) => {
    const pid = pidOf(stations + link);
    for (const [series, points] of [["true", bw.true], ["estimated", bw.estimated]] as const) {
      for (const [t, v] of points ?? []) {
        events.push({ name: `bandwidth ${series} (Mbit/s)`, ph: "C", ts: us(t), pid, tid: tidOf(pid, 0), args: { value: toMbps(v) } });
      }
    }
  });

  // Each request from arrival to completion, on one process of async lanes.
  const reqPid = n.firstPid + rec.resources.length;
  events.push({ name: "process_name", ph: "M", pid: reqPid, args: { name: name("requests") } });
  events.push({ name: "process_sort_index", ph: "M", pid: reqPid, args: { sort_index: reqPid } });
  for (const r of rec.requests) {
    const tid = tidOf(reqPid, 0);
    events.push({ name: "request", ph: "b", cat: "request", id2: { local: r.id }, ts: us(r.arrivalNs), pid: reqPid, tid,
      args: { request: r.id, source: r.source, latencyMs: (r.leftNs - r.arrivalNs) / 1e6, dropped: r.dropped } });
    events.push({ name: "request", ph: "e", cat: "request", id2: { local: r.id }, ts: us(r.leftNs), pid: reqPid, tid });
  }
  return { events, next: { firstPid: reqPid + 1, firstFlowId: flow } };
}

/** "r12", or "r12 +3" for a batch of four starting with request 12. */
function sliceName(s: StepSlice): string {
  const first = s.steps[0]!.request;
  return s.steps.length === 1 ? `r${first}` : `r${first} +${s.steps.length - 1}`;
}

function sliceArgs(s: StepSlice): Record<string, unknown> {
  const st = s.steps[0]!;
  if (st.cost === null) return { request: st.request, step: st.step, bytes: st.bytes, bits: st.bits, batch: 1 };
  if (s.steps.length === 1) return { request: st.request, step: st.step, cost: st.cost, macs: st.macs, bits: st.bits, batch: 1 };
  return { requests: s.steps.map((x) => x.request), steps: s.steps.map((x) => x.step), cost: st.cost, macs: st.macs, batch: s.steps.length };
}

/**
 * Transfers on a sharing link overlap, and one thread may only hold nested slices: each transfer
 * takes the lowest lane free at its start (a FIFO link needs one lane). Compute slices keep their server.
 */
function laneOfTransfers(slices: readonly StepSlice[]): Map<StepSlice, number> {
  const byRes = new Map<number, StepSlice[]>();
  for (const s of slices) {
    if (s.steps[0]!.cost !== null) continue;
    let list = byRes.get(s.res);
    if (list === undefined) byRes.set(s.res, (list = []));
    list.push(s);
  }
  const lanes = new Map<StepSlice, number>();
  for (const list of byRes.values()) {
    list.sort((a, b) => a.fromNs - b.fromNs || a.toNs - b.toNs);
    const freeAt: number[] = [];
    for (const s of list) {
      let lane = freeAt.findIndex((t) => t <= s.fromNs);
      if (lane < 0) lane = freeAt.push(0) - 1;
      freeAt[lane] = s.toNs;
      lanes.set(s, lane);
    }
  }
  return lanes;
}

/** The whole file as JSON text, one event a line; `otherData` says what run and selection it shows. */
export function* traceJsonChunks(events: Iterable<TraceEvent>, otherData: Record<string, unknown>): Generator<string> {
  yield '{"displayTimeUnit":"ms","otherData":' + JSON.stringify(otherData) + ',"traceEvents":[\n';
  let first = true;
  for (const e of events) {
    yield (first ? "" : ",\n") + JSON.stringify(e);
    first = false;
  }
  yield "\n]}\n";
}
