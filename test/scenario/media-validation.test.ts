// Bad media are refused with a problem naming the path: a link on a medium that gives its own
// bandwidth, latency or discipline, an unknown medium (with the closest name), an unused medium,
// a medium without exactly one bandwidth form, and a medium named like a node or a link.
import { describe, expect, it } from "vitest";
import { problemsOf } from "./helpers.js";

/** A valid scenario with one medium; the comment on each line is its 1-based line number. */
const MEDIA = [
  "name: t", // 1
  "model: vgg16", // 2
  "nodes:", // 3
  "  phone: { device: raspberry-pi-4 }", // 4
  "  cloud: { device: a100 }", // 5
  "media:", // 6
  "  wifi: { bandwidthMbps: 10, latencyMs: 2 }", // 7
  "links:", // 8
  "  up: { from: phone, to: cloud, medium: wifi }", // 9
  "  down: { from: cloud, to: phone, medium: wifi }", // 10
  "workload:", // 11
  "  arrivals: { kind: periodic, fps: 5 }", // 12
  "  requests: 20", // 13
].join("\n") + "\n";

const UP = "  up: { from: phone, to: cloud, medium: wifi }";
const WIFI = "  wifi: { bandwidthMbps: 10, latencyMs: 2 }";

describe("media validation", () => {
  it("accepts two links on one medium", () => {
    expect(problemsOf(MEDIA)).toEqual([]);
  });

  it("refuses a link on a medium that gives its own bandwidth, latency or discipline", () => {
    const p = problemsOf(MEDIA.replace(UP, "  up: { from: phone, to: cloud, medium: wifi, bandwidthMbps: 5, latencyMs: 1, discipline: shared }"));
    expect(p.map((x) => [x.path, x.line])).toEqual([["links.up.bandwidthMbps", 9], ["links.up.latencyMs", 9], ["links.up.discipline", 9]]);
    expect(p[0]!.message).toBe("a link on medium 'wifi' has no bandwidth of its own: the medium gives it to all its links (set it under media.wifi), or remove medium");
    expect(p[1]!.message).toMatch(/^a link on medium 'wifi' has no latency of its own/);
    expect(p[2]!.message).toMatch(/^a link on medium 'wifi' has no discipline of its own/);
  });

  it("refuses a link on a medium with a trace option of its own", () => {
    expect(problemsOf(MEDIA.replace(UP, "  up: { from: phone, to: cloud, medium: wifi, offsetS: random }")).map((x) => x.path)).toEqual(["links.up.offsetS"]);
  });

  it("names the closest medium for an unknown one", () => {
    expect(problemsOf(MEDIA.replace(UP, UP.replace("medium: wifi", "medium: wify")))).toEqual([
      { path: "links.up.medium", line: 9, message: "no medium named 'wify' (did you mean 'wifi'?)" },
    ]);
  });

  it("says when the scenario has no media at all", () => {
    const none = MEDIA.replace("media:\n" + WIFI + "\n", "").replace("down: { from: cloud, to: phone, medium: wifi }", "down: { from: cloud, to: phone, bandwidthMbps: 5 }");
    expect(problemsOf(none)).toEqual([{ path: "links.up.medium", line: 7, message: "no medium named 'wifi' (the scenario has no media)" }]);
  });

  it("refuses a medium no link uses", () => {
    expect(problemsOf(MEDIA.replace(WIFI, `${WIFI}\n  lte: { bandwidthMbps: 50 }`))).toEqual([
      { path: "media.lte", line: 8, message: "no link uses this medium: add medium: lte to the links that share it, or remove it" },
    ]);
  });

  it("refuses a medium with two bandwidth forms, or none", () => {
    const msg = "give exactly one of bandwidthMbps, bandwidthProfile or trace";
    expect(problemsOf(MEDIA.replace(WIFI, "  wifi: { bandwidthMbps: 10, bandwidthProfile: [[0, 5]] }"))).toEqual([{ path: "media.wifi", line: 7, message: msg }]);
    expect(problemsOf(MEDIA.replace(WIFI, "  wifi: { latencyMs: 2 }"))).toEqual([{ path: "media.wifi", line: 7, message: msg }]);
  });

  it("reports a medium's trace problems under media", () => {
    const p = problemsOf(MEDIA.replace(WIFI, "  wifi: { trace: nope.csv }"));
    expect(p.map((x) => [x.path, x.line])).toEqual([["media.wifi.trace", 7]]);
    expect(p[0]!.message).toMatch(/^file not found: nope\.csv/);
  });

  it("refuses a medium named like a node or a link (the report keys resources by name)", () => {
    const p = problemsOf(MEDIA.replace(WIFI, `${WIFI}\n  cloud: { bandwidthMbps: 5 }`).replace("down: { from: cloud, to: phone, medium: wifi }", "down: { from: cloud, to: phone, medium: cloud }"));
    expect(p).toEqual([{ path: "media.cloud", line: 8, message: "'cloud' names a node already: a medium is a resource of its own in the report, so give it another name" }]);
  });

  it("gives a typo in a medium the key it probably meant", () => {
    expect(problemsOf(MEDIA.replace("bandwidthMbps: 10", "bandwidthMpbs: 10"))).toContainEqual(
      { path: "media.wifi.bandwidthMpbs", line: 7, message: "unknown key (did you mean 'bandwidthMbps'?)" },
    );
  });

  it("does not repeat a broken medium's problem at the links that name it", () => {
    expect(problemsOf(MEDIA.replace("bandwidthMbps: 10", "bandwidthMbps: -1"))).toEqual([{ path: "media.wifi.bandwidthMbps", line: 7, message: "must be > 0" }]);
  });

  it("lets --set switch a medium's bandwidth source, as for a link", () => {
    expect(problemsOf(MEDIA.replace(WIFI, "  wifi: { trace: nope.csv, offsetS: 3 }"), { sets: ["media.wifi.bandwidthMbps=20"] })).toEqual([]);
  });
});
