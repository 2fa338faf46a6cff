// Shared scenario-test helpers: a small valid scenario (lines numbered for hand-counting) and
// a way to collect the problems a text or file produces.
import { loadScenario, resolveScenarioText, ScenarioError, type LoadOptions } from "../../src/scenario/load.js";

export type Located = { path: string; line: number | null; message: string };

export const FIXTURES = new URL("./fixtures/", import.meta.url).pathname;

/** A valid scenario; the comment on each line is its 1-based line number. */
export const BASE = [
  "name: t", // 1
  "model: vgg16", // 2
  "nodes:", // 3
  "  phone: { device: raspberry-pi-4 }", // 4
  "  cloud: { device: a100 }", // 5
  "links:", // 6
  "  up: { from: phone, to: cloud, bandwidthMbps: 10 }", // 7
  "  down: { from: cloud, to: phone, bandwidthMbps: 50 }", // 8
  "workload:", // 9
  "  arrivals: { kind: periodic, fps: 5 }", // 10
  "  requests: 20", // 11
].join("\n") + "\n";

/** The problems of a scenario text (resolved as if it were the file `file`), [] when valid. */
export function problemsOf(text: string, opts: LoadOptions = {}, file = `${FIXTURES}t.yaml`): Located[] {
  return caught(() => resolveScenarioText(text, file, opts));
}

/** The problems of a scenario file on disk, [] when valid. */
export function fileProblems(file: string, opts: LoadOptions = {}): Located[] {
  return caught(() => loadScenario(file, opts));
}

function caught(f: () => unknown): Located[] {
  try {
    f();
  } catch (e) {
    if (e instanceof ScenarioError) return [...e.problems];
    throw e;
  }
  return [];
}
