// What `schedulers: all` asks of the sources for schedulers that always send work on: a link out
// of every node where requests enter (a one-node scenario runs the local schedulers only).
import type { SourceFacts } from "./scheduler.js";

export function needsUplink(sources: readonly SourceFacts[]): string | null {
  return sources.every((s) => s.canOffload) ? null : "it offloads, and a source enters at a node with no outgoing link";
}
