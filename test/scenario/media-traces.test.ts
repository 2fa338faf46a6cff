// Shared media read their bandwidth once: one trace offset per medium (stream trace-offset/<medium>),
// reported under the medium's name, and one process (with one bandwidth counter) in a timeline.
// Times by hand: 8 Mbit/s = 1e6 B/s, 16 Mbit/s = 2e6 B/s.
import { describe, expect, it } from "vitest";
import { createStream } from "../../src/core/random.js";
import { ms } from "../../src/core/time.js";
import { generateWorkload } from "../../src/scenario/generate-workload.js";
import { runScenario } from "../../src/scenario/run.js";
import { pidOf, runWithTimeline, slicesMs } from "../metrics/timeline-helpers.js";
import { scenarioFrom } from "../scenario-runs/helpers.js";

/** No compute time; the raw input (3x100x100 uint8) is 30,000 B, the result 10,000 B. */
const FREE = { name: "free", input: { shape: [3, 100, 100] }, layers: [{ name: "work", outputShape: [1], macs: 0, timeMs: 0 }] };
const STEPS = { kind: "steps", stepS: 1, mbps: [8, 16] };

function camera(media: object, links: object, requests = 2) {
  return scenarioFrom({
    name: "media-traces", seed: 3, model: FREE,
    nodes: { phone: { device: "jetson-nano" }, cloud: { device: "a100" } },
    links, media, wire: { headerBytes: 0, resultBytes: 10_000 },
    workload: { arrivals: { kind: "batch" }, requests }, schedulers: ["cloud-only"],
  });
}
const ON_AIR = { up: { from: "phone", to: "cloud", medium: "air" }, down: { from: "cloud", to: "phone", medium: "air" } };

describe("a medium's trace", () => {
  it("draws one random offset for the medium, from the stream trace-offset/<medium>", () => {
    const s = camera({ air: { trace: STEPS, offsetS: "random" } }, ON_AIR);
    // The steps loop with a period of 2 s.
    const expected = Math.floor(createStream(3, "trace-offset/air").next() * 2e9);
    expect(Array.from(generateWorkload(s).traceOffsetsNs)).toEqual([expected]);
    expect(runScenario(s, "cloud-only").report.traceOffsetS).toEqual({ air: Number((expected / 1e9).toFixed(9)) });
  });

  it("is read at its offset by every link on it: at offsetS 1 both uploads run at 16 Mbit/s", () => {
    // 30,000 B at 2e6 B/s: 15 ms each, one after the other; then the results, 10,000 B: 5 ms each.
    const { requests } = runScenario(camera({ air: { trace: STEPS, offsetS: 1 } }, ON_AIR), "cloud-only");
    expect(requests.map((r) => r.completion)).toEqual([ms(35), ms(40)]);
  });

  it("runs byte-identically twice", () => {
    const s = camera({ air: { trace: STEPS, offsetS: "random" } }, ON_AIR);
    expect(JSON.stringify(runScenario(s, "cloud-only").report)).toBe(JSON.stringify(runScenario(s, "cloud-only").report));
  });
});

describe("a medium in a timeline", () => {
  it("is one process whose slices are the transfers of all its links, the results queued behind the uploads", () => {
    // FIFO over both directions at 1e6 B/s: upload 0 (0-30 ms), upload 1 (30-60; queued first),
    // result 0 (60-70), result 1 (70-80).
    const { events, recording } = runWithTimeline(camera({ air: { bandwidthMbps: 8 } }, ON_AIR), "cloud-only");
    expect(slicesMs(events, pidOf(events, "air"), "transfer")).toEqual([[0, 30], [30, 60], [60, 70], [70, 80]]);
    expect(events.some((e) => e.ph === "M" && /^(up|down) \(/.test(String(e.args?.["name"])))).toBe(false);
    expect(recording.bandwidth).toHaveLength(1);
  });

  it("whereas independent links each have their own process, and results do not wait for uploads", () => {
    const own = { up: { from: "phone", to: "cloud", bandwidthMbps: 8 }, down: { from: "cloud", to: "phone", bandwidthMbps: 8 } };
    const { events } = runWithTimeline(camera({}, own), "cloud-only");
    expect(slicesMs(events, pidOf(events, "up"), "transfer")).toEqual([[0, 30], [30, 60]]);
    expect(slicesMs(events, pidOf(events, "down"), "transfer")).toEqual([[30, 40], [60, 70]]);
  });
});
