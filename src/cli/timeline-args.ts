// The run command's timeline options as yargs reads them, apart from the timeline's writer
// (timeline-option.ts), so the CLI can declare them without loading the recorder.
import { DEFAULT_TIMELINE_MAX_REQUESTS } from "../metrics/timeline-selection.js";

/** The run command's timeline options (yargs definitions: `.options(TIMELINE_OPTIONS)`). */
export const TIMELINE_OPTIONS = {
  timeline: { type: "string", describe: "write a Chrome/Perfetto trace (JSON) of the run to this file; an existing file is replaced only with --force (docs/timeline.md)" },
  "timeline-requests": { type: "string", describe: "timeline: only requests a..b (ids from 0, in arrival order)" },
  "timeline-window-ms": { type: "string", describe: "timeline: only the time window a..b (ms of simulated time)" },
  "timeline-max-requests": { type: "number", describe: `timeline: most requests it may show (default ${DEFAULT_TIMELINE_MAX_REQUESTS})` },
} as const;

export interface TimelineArgs {
  file: string | undefined;
  requests: string | undefined;
  windowMs: string | undefined;
  maxRequests: number | undefined;
}

/** Picks the timeline options out of parsed argv. */
export function timelineArgs(argv: { timeline?: string | undefined; "timeline-requests"?: string | undefined; "timeline-window-ms"?: string | undefined; "timeline-max-requests"?: number | undefined }): TimelineArgs {
  return { file: argv.timeline, requests: argv["timeline-requests"], windowMs: argv["timeline-window-ms"], maxRequests: argv["timeline-max-requests"] };
}

