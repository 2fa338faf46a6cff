// `splitsim run --timeline` as a user runs it: the file it writes, the bounds, and bad input — each
// exits 2 with one message naming the option, and writes nothing.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openTimeline } from "../../src/cli/timeline-option.js";
import { loadScenario } from "../../src/scenario/load.js";
import { traceProblems } from "../metrics/trace-event-schema.js";

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), "splitsim-timeline-"));
const Q = "scenarios/quickstart.yaml";
const SMALL = ["--set", "workload.requests=50", "--set", "workload.warmupRequests=0"];

describe("splitsim run --timeline", () => {
  it("writes one valid trace with every scheduler's nodes and links, labelled by scheduler", () => {
    const out = join(dir, "two.json");
    const r = cli("run", Q, ...SMALL, "--scheduler", "cloud-only,neurosurgeon", "--timeline", out);
    expect(r.code).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(traceProblems(text)).toEqual([]);
    const names = (JSON.parse(text) as { traceEvents: Array<{ ph: string; name: string; args?: { name?: string } }> }).traceEvents
      .filter((e) => e.ph === "M" && e.name === "process_name").map((e) => e.args!.name);
    expect(names).toEqual([
      "cloud-only · camera (station)", "cloud-only · edge (station)", "cloud-only · up (link)", "cloud-only · down (link)", "cloud-only · requests",
      "neurosurgeon · camera (station)", "neurosurgeon · edge (station)", "neurosurgeon · up (link)", "neurosurgeon · down (link)", "neurosurgeon · requests",
    ]);
  });

  it("does not replace an existing file unless --force", () => {
    const out = join(dir, "mine.json");
    writeFileSync(out, "my notes\n");
    const r = cli("run", Q, ...SMALL, "--scheduler", "cloud-only", "--timeline", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--timeline: '.*mine\.json' already exists \(use --force to replace it\)/);
    expect(readFileSync(out, "utf8")).toBe("my notes\n");
    expect(cli("run", Q, ...SMALL, "--scheduler", "cloud-only", "--timeline", out, "--force").code).toBe(0);
    expect(traceProblems(readFileSync(out, "utf8"))).toEqual([]);
  });

  it("a run over the cap says how to narrow it, before running, and writes nothing", () => {
    const out = join(dir, "big.json");
    const r = cli("run", Q, ...SMALL, "--scheduler", "cloud-only", "--timeline", out, "--timeline-max-requests", "20");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--timeline: the run has 50 requests, over the timeline's cap of 20: narrow it with --timeline-requests 0\.\.19 or --timeline-window-ms a\.\.b, or raise --timeline-max-requests/);
    expect(r.stdout).toBe("");
    expect(existsSync(out)).toBe(false);
  });

  it("a request range over the cap is refused naming --timeline-requests", () => {
    const r = cli("run", Q, ...SMALL, "--timeline", join(dir, "range.json"), "--timeline-requests", "10..40", "--timeline-max-requests", "20");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--timeline-requests 10\.\.40 selects 31 requests, over the timeline's cap of 20: narrow it with --timeline-requests 10\.\.29/);
  });

  it("a window holding more requests than the cap stops the run with the same advice", () => {
    const out = join(dir, "window.json");
    const r = cli("run", Q, ...SMALL, "--scheduler", "cloud-only", "--timeline", out, "--timeline-window-ms", "0..100000", "--timeline-max-requests", "10");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/timeline: more than 10 requests would be drawn .*narrow it with --timeline-requests a\.\.b or --timeline-window-ms a\.\.b, or raise --timeline-max-requests/);
    expect(r.stderr).not.toMatch(/internal error|at .*\.ts:/);
    expect(existsSync(out)).toBe(false);
  });

  it("a window within the cap keeps only what meets it", () => {
    const out = join(dir, "w.json");
    expect(cli("run", Q, ...SMALL, "--scheduler", "cloud-only", "--timeline", out, "--timeline-window-ms", "200..400").code).toBe(0);
    const ev = (JSON.parse(readFileSync(out, "utf8")) as { traceEvents: Array<{ ph: string; ts?: number; dur?: number }> }).traceEvents;
    const x = ev.filter((e) => e.ph === "X");
    expect(x.length).toBeGreaterThan(0);
    for (const e of x) expect(e.ts! <= 400_000 && e.ts! + e.dur! >= 200_000).toBe(true);
  });

  const bad: Array<[string, string[], RegExp]> = [
    ["a reversed request range", ["--timeline-requests", "5..2"], /--timeline-requests '5\.\.2': give request ids a\.\.b with 0 <= a <= b/],
    ["a window that is not a..b", ["--timeline-window-ms", "soon"], /--timeline-window-ms 'soon': give a window a\.\.b in ms/],
    ["a cap below 1", ["--timeline-max-requests", "0"], /--timeline-max-requests: give a whole number >= 1/],
    ["the protobuf format", ["--timeline", join(dir, "t.perfetto-trace")], /only the JSON trace-event format is written .*name the file \.json/],
    ["a folder", ["--timeline", dir], /is a folder: give a file name/],
    ["a missing folder", ["--timeline", join(dir, "no", "such", "t.json")], /--timeline: cannot write into '.*no\/such' \(ENOENT\)/],
  ];
  for (const [what, args, message] of bad) {
    it(`${what} exits 2 naming the option`, () => {
      const withFile = args.includes("--timeline") ? args : ["--timeline", join(dir, "x.json"), ...args];
      const r = cli("run", Q, ...SMALL, "--scheduler", "cloud-only", ...withFile);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(existsSync(join(dir, "x.json"))).toBe(false);
    });
  }

  it("a bound without --timeline is refused: it would bound nothing", () => {
    const r = cli("run", Q, ...SMALL, "--timeline-requests", "0..9");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--timeline-requests: give --timeline <file\.json> as well/);
  });

  it("recording a timeline changes no report, and the same run writes the same file byte for byte", () => {
    const args = ["run", Q, ...SMALL, "--scheduler", "device-only,fixed-split", "--format", "json"];
    const plain = cli(...args);
    const a = cli(...args, "--timeline", join(dir, "same-a.json"));
    cli(...args, "--timeline", join(dir, "same-b.json"));
    expect(a.stdout).toBe(plain.stdout);
    expect(readFileSync(join(dir, "same-a.json"), "utf8")).toBe(readFileSync(join(dir, "same-b.json"), "utf8"));
  });

  it("without --timeline there is no recorder at all (the run's observers are unchanged)", () => {
    const s = loadScenario(Q);
    expect(openTimeline(undefined, false, s, 2000)).toBeNull();
    expect(openTimeline({ file: undefined, requests: undefined, windowMs: undefined, maxRequests: undefined }, false, s, 2000)).toBeNull();
  });
});

