// Threads on a CPU runtime (docs/compute-model.md "Threads"): one Amdahl parallel fraction fitted
// minimax on ncnn's 1-thread against 4-thread Raspberry Pi 4 times, every layer of a device on n of its
// cores slower by ((1 − p) + p/n) / ((1 − p) + p/cores), and the scenario's `threads` key checked.
import { describe, expect, it } from "vitest";
import { modelTimeMs } from "../../src/workload/compute-model.js";
import { fitParallelFraction, PARALLEL_FRACTION, THREAD_ROWS, threadSlowdown, withThreads } from "../../src/workload/cpu-threads.js";
import { getDevice } from "../../src/workload/devices.js";
import type { DeviceProfile } from "../../src/workload/device-profile.js";
import { run } from "../scenario-runs/helpers.js";
import { BASE, problemsOf } from "../scenario/helpers.js";
import { zoo } from "./zoo-helpers.js";

const pi = getDevice("raspberry-pi-4")!;

describe("the fitted parallel fraction", () => {
  it("is the closed form on the rows: r* = harmonic mean of the extreme ratios, p = (1 − 1/r*) / (1 − 1/4)", () => {
    // Ratios 1 thread / 4 threads: smallest mobilenet-v2 fp32 93.48 / 61.88 = 1.51066, largest vgg16
    // int8 869.84 / 394.23 = 2.20643. r* = 2 / (1/1.51066 + 1/2.20643) = 1.79343; p = (1 − 0.557589) / 0.75
    // = 0.58988; worst |r*/r − 1| = 1.79343 / 1.51066 − 1 = 18.72 %.
    const { p, worst } = fitParallelFraction();
    expect(p).toBeCloseTo(0.58988, 4);
    expect(worst).toBeCloseTo(0.1872, 3);
    expect(PARALLEL_FRACTION).toBe(p);
  });

  it("is the minimax of a brute-force scan over p (steps of 1e-5)", () => {
    const residual = (q: number): number => Math.max(...THREAD_ROWS.map((r) => Math.abs(1 / (1 - q + q / 4) / (r.oneMs / r.allMs) - 1)));
    let best = 0;
    for (let i = 0; i <= 100_000; i++) if (residual(i / 1e5) < residual(best)) best = i / 1e5;
    expect(Math.abs(best - PARALLEL_FRACTION)).toBeLessThanOrEqual(1e-5);
    expect(residual(PARALLEL_FRACTION)).toBeLessThanOrEqual(residual(best) + 1e-9);
  });

  it("predicts every row's 1-thread time from its 4-thread time within ±18.8 %", () => {
    for (const r of THREAD_ROWS) expect(Math.abs((r.allMs * threadSlowdown(1, 4)) / r.oneMs - 1), `${r.model} ${r.precision}`).toBeLessThan(0.188);
  });
});

describe("a device on fewer threads", () => {
  it("slows every layer by the same factor: 1 at all cores, 1.7934 at 1 of 4, 1.2645 at 2 of 4", () => {
    // 2 of 4: (1 − p + p/2) / (1 − p + p/4) = (1 − 0.29494) / (1 − 0.44241) = 0.70506 / 0.55759 = 1.26447.
    expect(threadSlowdown(4, 4)).toBe(1);
    expect(threadSlowdown(1, 4)).toBeCloseTo(1.79343, 4);
    expect(threadSlowdown(2, 4)).toBeCloseTo(1.26447, 4);
  });

  it("resnet50 on the Pi 4 at 1 thread takes exactly 1.7934 × its 4-thread time, at every precision and batch", () => {
    const one = withThreads(pi, 1) as DeviceProfile;
    const m = zoo("resnet50");
    for (const precision of ["fp32", "int8"] as const) {
      for (const b of [1, 8]) {
        expect(modelTimeMs(m, one, b, precision) / modelTimeMs(m, pi, b, precision)).toBeCloseTo(threadSlowdown(1, 4), 9);
      }
    }
    expect(withThreads(pi, 4)).toBe(pi);
  });

  it("refuses a GPU runtime, a device without cores and a count beyond the cores", () => {
    expect(withThreads(getDevice("jetson-nano")!, 1)).toEqual({ error: "threads applies to the mobile-cpu runtime only (device 'jetson-nano' runs compiled here)" });
    const { cores: _c, ...noCores } = pi;
    expect(withThreads(noCores, 2)).toEqual({ error: "device 'raspberry-pi-4' gives no core count (define it with cores: <n>)" });
    expect(withThreads(pi, 5)).toEqual({ error: "must be a whole number from 1 to the device's 4 cores, got 5" });
  });
});

describe("threads in a scenario", () => {
  const withPhone = (fields: string): string => BASE.replace("  phone: { device: raspberry-pi-4 }", `  phone: { device: raspberry-pi-4, ${fields} }`);

  it("is accepted on the Pi and refused, at its path, beyond its cores or on a GPU", () => {
    expect(problemsOf(withPhone("threads: 2"))).toEqual([]);
    expect(problemsOf(withPhone("threads: 8")).map((p) => [p.path, p.message])).toEqual([
      ["nodes.phone.threads", "must be a whole number from 1 to the device's 4 cores, got 8"],
    ]);
    const cloud = /  cloud: \{ device: ([\w-]+)/.exec(BASE)![1]!;
    const onGpu = problemsOf(BASE.replace(`  cloud: { device: ${cloud}`, `  cloud: { device: ${cloud}, threads: 1`));
    expect(onGpu.map((p) => p.path)).toEqual(["nodes.cloud.threads"]);
  });

  it("a user device allows threads once it gives cores, which must be a whole number ≥ 1", () => {
    const mine = (cores: string): string =>
      BASE.replace("  phone: { device: raspberry-pi-4 }", "  phone: { device: mine, threads: 2 }") +
      `devices:\n  mine: { class: end, runtime: mobile-cpu, peakFlops: { fp32: 1e11, fp16: 1e11, int8: 2e11 }, efficiency: 0.4, memBytesPerSec: 1e10, layerOverheadMs: 0.2${cores} }\n`;
    expect(problemsOf(mine(", cores: 2"))).toEqual([]);
    expect(problemsOf(mine("")).map((p) => [p.path, p.message])).toEqual([
      ["nodes.phone.threads", "device 'mine' gives no core count (define it with cores: <n>)"],
    ]);
    expect(problemsOf(mine(", cores: 0")).map((p) => p.path)).toContain("devices.mine.cores");
  });

  it("a device-only run on 1 thread: every request takes 1.7934 × the 4-thread latency", () => {
    const scenario = (node: object) => ({
      name: "threads", seed: 1,
      nodes: { pi: { device: "raspberry-pi-4", ...node } },
      workload: { model: "mobilenet-v2", arrivals: { kind: "periodic", fps: 1 }, requests: 3 },
      schedulers: ["device-only"],
    });
    const all = run(scenario({}), "device-only").requests.map((r) => r.completion - r.arrival);
    const one = run(scenario({ threads: 1 }), "device-only").requests.map((r) => r.completion - r.arrival);
    // Latencies are whole ns: each is the rounded layer sum, so the ratio holds to a few ns.
    for (let i = 0; i < 3; i++) expect(Math.abs(one[i]! - all[i]! * threadSlowdown(1, 4))).toBeLessThan(100);
  });
});
