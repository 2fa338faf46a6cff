// Test helper: runs a scenario (given as an object) with a TimelineRecorder and returns the report
// and the trace as a viewer would read it (written as JSON text, parsed back).
import { chromeTraceEvents, traceJsonChunks, type TraceEvent } from "../../src/metrics/chrome-trace.js";
import { TimelineRecorder, type TimelineRecording } from "../../src/metrics/timeline-recorder.js";
import type { TimelineSelection } from "../../src/metrics/timeline-selection.js";
import type { RunReport } from "../../src/metrics/report.js";
import { generateWorkload } from "../../src/scenario/generate-workload.js";
import { runScenario } from "../../src/scenario/run.js";
import { timelineLinks } from "../../src/scenario/timeline-links.js";
import type { ResolvedScenario } from "../../src/scenario/types.js";
import { scenarioFrom } from "../scenario-runs/helpers.js";

export interface TimelineRun {
  report: RunReport;
  recording: TimelineRecording;
  events: TraceEvent[];
  /** The file's text. */
  text: string;
}

export function runWithTimeline(s: ResolvedScenario, scheduler: string, selection: TimelineSelection = {}): TimelineRun {
  const workload = generateWorkload(s);
  const recorder = new TimelineRecorder({ selection, links: timelineLinks(s, workload, scheduler) });
  const { report } = runScenario(s, scheduler, { workload, observers: [recorder] });
  const recording = recorder.recording();
  const { events } = chromeTraceEvents(recording, "", { firstPid: 1, firstFlowId: 1 });
  const text = [...traceJsonChunks(events, { scheduler })].join("");
  return { report, recording, events: (JSON.parse(text) as { traceEvents: TraceEvent[] }).traceEvents, text };
}

/** The process id of the node or link named `id` (from its process_name metadata). */
export function pidOf(events: readonly TraceEvent[], id: string): number {
  const m = events.find((e) => e.ph === "M" && e.name === "process_name" && String(e.args?.["name"]).startsWith(`${id} (`));
  if (m === undefined) throw new Error(`no process for ${id}`);
  return m.pid;
}

/** [startMs, endMs] of the X slices of a process with a given category, in time order (µs -> ms as ns/1e6). */
export function slicesMs(events: readonly TraceEvent[], pid: number, cat: string): Array<[number, number]> {
  return events
    .filter((e) => e.ph === "X" && e.pid === pid && e.cat === cat)
    .map((e): [number, number] => [e.ts! / 1000, (e.ts! + e.dur!) / 1000])
    .sort((a, b) => a[0] - b[0]);
}

/** The flow-shop example of issue 17: stages (2, 4, 1) ms, 5 requests released at 0 (timeline-flow-shop.test.ts has the schedule). */
export const flowShop = scenarioFrom({
  name: "flow-shop",
  model: { name: "two-layer", input: { shape: [1] }, layers: [{ name: "a", outputBytes: 5_000, macs: 0, timeMs: 2 }, { name: "b", outputBytes: 4, macs: 0, timeMs: 1 }] },
  nodes: { device: { device: "jetson-nano" }, cloud: { device: "a100" } },
  links: { up: { from: "device", to: "cloud", bandwidthMbps: 10 } },
  wire: { headerBytes: 0 },
  workload: { arrivals: { kind: "batch" }, requests: 5 },
  schedulers: ["fixed-split"],
  options: { "fixed-split": { cut: "a", bits: 32 } },
});
