// `splitsim run --timeline file.json` and its bounds: the options, their checks before anything runs
// (bad input exits 2 naming the option), one TimelineRecorder per scheduler run, and the file,
// written once at the end with every scheduler's processes side by side.
import { accessSync, closeSync, constants, existsSync, openSync, statSync, writeSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { SplitsimError } from "../errors.js";
import { chromeTraceEvents, traceJsonChunks, type TraceEvent, type TraceNumbering } from "../metrics/chrome-trace.js";
import { TimelineRecorder } from "../metrics/timeline-recorder.js";
import { DEFAULT_TIMELINE_MAX_REQUESTS, type TimelineSelection } from "../metrics/timeline-selection.js";
import type { TimelineArgs } from "./timeline-args.js";

export type { TimelineArgs } from "./timeline-args.js";
import type { Observer } from "../platform/observer.js";
import { timelineLinks } from "../scenario/timeline-links.js";
import type { ResolvedScenario } from "../scenario/types.js";
import type { Workload } from "../workload/workload.js";

const NARROW = "narrow it with --timeline-requests a..b or --timeline-window-ms a..b, or raise --timeline-max-requests";

/**
 * Checks the options and the file before the run, or returns null when no timeline is asked for
 * (then no recorder exists and the run pays nothing).
 */
export function openTimeline(args: TimelineArgs | undefined, force: boolean, s: ResolvedScenario, totalRequests: number): TimelineOutput | null {
  if (args === undefined || args.file === undefined) {
    const stray = args === undefined ? undefined : ([["--timeline-requests", args.requests], ["--timeline-window-ms", args.windowMs], ["--timeline-max-requests", args.maxRequests]] as const).find(([, v]) => v !== undefined);
    if (stray !== undefined) throw new SplitsimError(`${stray[0]}: give --timeline <file.json> as well (it bounds the timeline, which is written only when asked for)`);
    return null;
  }
  const selection = parseSelection(args);
  const cap = selection.maxRequests!;
  const r = selection.requests;
  const count = r === undefined ? totalRequests : Math.max(0, Math.min(r.last, totalRequests - 1) - r.first + 1);
  // A window's requests are known only as the run goes: the recorder counts them and stops there.
  if (count > cap && (r !== undefined || selection.window === undefined)) {
    throw new SplitsimError(
      `--timeline: ${r === undefined ? `the run has ${totalRequests} requests` : `--timeline-requests ${args.requests} selects ${count} requests`}, over the timeline's cap of ${cap}: ` +
        `narrow it with --timeline-requests ${r?.first ?? 0}..${(r?.first ?? 0) + cap - 1} or --timeline-window-ms a..b, or raise --timeline-max-requests`,
    );
  }
  checkFile(args.file, force);
  return new TimelineOutput(args.file, force, s, selection);
}

export class TimelineOutput {
  private readonly runs: Array<{ scheduler: string; recorder: TimelineRecorder }> = [];

  constructor(private readonly file: string, private readonly force: boolean, private readonly s: ResolvedScenario, private readonly selection: TimelineSelection) {}

  /** The observer to add to one scheduler's run. */
  observe(scheduler: string, workload: Workload): Observer[] {
    const recorder = new TimelineRecorder({ selection: this.selection, links: timelineLinks(this.s, workload, scheduler), narrowHint: NARROW });
    this.runs.push({ scheduler, recorder });
    return [recorder];
  }

  /** Writes every run's events, one file, processes labelled by scheduler. */
  write(): void {
    let n: TraceNumbering = { firstPid: 1, firstFlowId: 1 };
    const events: TraceEvent[] = [];
    const runs: Record<string, unknown> = {};
    for (const { scheduler, recorder } of this.runs) {
      const rec = recorder.recording();
      const out = chromeTraceEvents(rec, scheduler, n);
      n = out.next;
      for (const e of out.events) events.push(e);
      runs[scheduler] = {
        t0Ms: rec.t0 / 1e6, t1Ms: rec.t1 / 1e6, shownFromMs: rec.fromNs / 1e6, shownToMs: rec.toNs / 1e6, requests: rec.requestCount,
        ...(rec.bandwidth.some((b) => b.truncated) ? { note: "a bandwidth trace has more steps than are drawn (see docs/timeline.md)" } : {}),
      };
    }
    const sel = this.selection;
    const otherData = {
      generator: "splitsim run --timeline", scenario: this.s.name, seed: this.s.seed,
      selection: { ...(sel.requests ? { requests: `${sel.requests.first}..${sel.requests.last}` } : {}), ...(sel.window ? { windowMs: `${sel.window.fromNs / 1e6}..${sel.window.toNs / 1e6}` } : {}), maxRequests: sel.maxRequests },
      runs,
    };
    let fd: number;
    try {
      fd = openSync(this.file, this.force ? "w" : "wx");
    } catch (e) {
      throw new SplitsimError(`--timeline: cannot write '${this.file}' (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})${(e as NodeJS.ErrnoException).code === "EEXIST" ? ": it appeared during the run; use --force to replace it" : ""}`);
    }
    try {
      // Chunks are gathered to about 1 MB per write: one write per event would be slow.
      let buf = "";
      for (const chunk of traceJsonChunks(events, otherData)) {
        buf += chunk;
        if (buf.length > 1 << 20) {
          writeSync(fd, buf);
          buf = "";
        }
      }
      writeSync(fd, buf);
    } finally {
      closeSync(fd);
    }
  }
}

function parseSelection(args: TimelineArgs): TimelineSelection {
  const cap = args.maxRequests ?? DEFAULT_TIMELINE_MAX_REQUESTS;
  if (!(Number.isInteger(cap) && cap >= 1)) throw new SplitsimError(`--timeline-max-requests: give a whole number >= 1 (got ${args.maxRequests})`);
  const sel: TimelineSelection = { maxRequests: cap };
  if (args.requests !== undefined) {
    const m = /^\s*(\d+)\s*(?:\.\.\s*(\d+)\s*)?$/.exec(args.requests);
    const first = m ? Number(m[1]) : NaN;
    const last = m ? Number(m[2] ?? m[1]) : NaN;
    if (!(first <= last)) throw new SplitsimError(`--timeline-requests '${args.requests}': give request ids a..b with 0 <= a <= b (ids count from 0 in arrival order), e.g. 0..999`);
    sel.requests = { first, last };
  }
  if (args.windowMs !== undefined) {
    const m = /^\s*(\d+(?:\.\d+)?)\s*\.\.\s*(\d+(?:\.\d+)?)\s*$/.exec(args.windowMs);
    const from = m ? Number(m[1]) : NaN;
    const to = m ? Number(m[2]) : NaN;
    if (!(from < to)) throw new SplitsimError(`--timeline-window-ms '${args.windowMs}': give a window a..b in ms of simulated time with 0 <= a < b, e.g. 1000..1500`);
    // Whole ns, like every simulated time; the window's ends round outwards so nothing inside is lost.
    sel.window = { fromNs: Math.floor(from * 1e6), toNs: Math.ceil(to * 1e6) };
  }
  return sel;
}

/** The same rules as --out: no system folder, no directory, no silent replacement, a folder we can write to. */
function checkFile(file: string, force: boolean): void {
  const abs = resolve(file);
  if (/\.(perfetto-trace|pftrace)$/i.test(file)) throw new SplitsimError(`--timeline: '${file}': only the JSON trace-event format is written (Perfetto opens it); name the file .json`);
  if (/^\/(proc|sys|dev)(\/|$)/.test(abs)) throw new SplitsimError(`--timeline: '${file}' is in a system folder: give a file of your own`);
  if (existsSync(file)) {
    if (statSync(file).isDirectory()) throw new SplitsimError(`--timeline: '${file}' is a folder: give a file name such as ${file.replace(/\/$/, "")}/timeline.json`);
    if (!force) throw new SplitsimError(`--timeline: '${file}' already exists (use --force to replace it)`);
  }
  const dir = dirname(abs);
  try {
    if (!statSync(dir).isDirectory()) throw new Error("ENOTDIR");
    accessSync(dir, constants.W_OK);
  } catch (e) {
    throw new SplitsimError(`--timeline: cannot write into '${dirname(file)}' (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}): give a file in a folder you can write to`);
  }
}
