// job-offloading on a stream: windowRequests = n plans every n held requests together (the last
// partial window when the source has released everything), windowMs holds requests until the
// first waiting one has waited windowMs, and with neither each arrival instant is its own batch.
// Every job runs l1 on the Pi (a = 2 ms) and sends l1's 1,000 B (b = 1 ms at 8 Mbit/s, no header,
// no propagation); the cloud takes 0 ms. The other cuts cost ≥ 1,000 ms (raw 1 MB input; l2 on the
// Pi), so every window's plan is all jobs at l1, and a window admitted at t runs its p-th job
// (`order` = p) on the device from t + 2p and completes at t + 2p + 3. Arrivals are periodic at
// 100 fps: request i arrives at 10·i ms.
import { describe, expect, it } from "vitest";
import { runScenario } from "../../../src/scenario/run.js";
import type { Request } from "../../../src/workload/request.js";
import type { Work } from "../../../src/workload/work.js";
import { scenarioFrom } from "../../scenario-runs/helpers.js";

const MODEL = {
  name: "window-chain",
  input: { shape: [1_000_000] }, // 1 MB as uint8: 1,000 ms to send
  layers: [
    { name: "l1", outputShape: [250], macs: 0, timeMs: { "raspberry-pi-4": 2, a100: 0 } }, // 1,000 B fp32: 1 ms
    { name: "l2", outputShape: [10], macs: 0, timeMs: { "raspberry-pi-4": 1000, a100: 0 } },
  ],
};

type Arrivals = Record<string, unknown>;

function scenario(options: Record<string, unknown>, sources: { arrivals: Arrivals; requests: number }[]) {
  return {
    name: "windows",
    nodes: { cam: { device: "raspberry-pi-4" }, cloud: { device: "a100" } },
    links: { up: { from: "cam", to: "cloud", bandwidthMbps: 8 } }, // 1,000 B per ms
    wire: { headerBytes: 0 },
    sources: sources.map((s) => ({ at: "cam", model: MODEL, ...s })),
    estimator: "oracle",
    schedulers: ["job-offloading"],
    options: { "job-offloading": options },
  };
}

const periodic = (requests: number) => [{ arrivals: { kind: "periodic", fps: 100 }, requests }];

interface Row {
  id: number;
  arrivalMs: number;
  startMs: number;
  completionMs: number;
  order: number;
  cut: string;
}

/** Runs the scenario; per request (id order): arrival, when its first step started, completion, order, cut. */
function runRows(obj: unknown): { rows: Row[]; policy: Record<string, unknown>; makespanMs: number } {
  const start = new Map<number, number>();
  const observer = {
    onStepStart(work: Work, _res: number, _server: number, t: number): void {
      if (!start.has(work.req.id)) start.set(work.req.id, t);
    },
  };
  const { requests, report } = runScenario(scenarioFrom(obj), "job-offloading", { observers: [observer] });
  const rows = requests.map((r: Request) => ({
    id: r.id,
    arrivalMs: r.arrival / 1e6,
    startMs: start.get(r.id)! / 1e6,
    completionMs: r.completion / 1e6,
    order: r.outcome!["order"] as number,
    cut: r.cut,
  }));
  return { rows, policy: report.policy as Record<string, unknown>, makespanMs: report.makespanMs };
}

describe("job-offloading windows on a stream", () => {
  it("windowRequests = 3 on 7 requests: groups {0,1,2} at 20 ms, {3,4,5} at 50 ms, the last one alone at 60 ms", () => {
    const { rows, policy, makespanMs } = runRows(scenario({ windowRequests: 3 }, periodic(7)));
    expect(rows.map((r) => r.cut)).toEqual(Array(7).fill("l1"));
    // `order` restarts at 0 in every window.
    expect(rows.map((r) => r.order)).toEqual([0, 1, 2, 0, 1, 2, 0]);
    // A window is admitted at its 3rd arrival (20, 50 ms); the 7th request (60 ms) is the source's
    // last, so its partial window is planned at once. Device starts: window start + 2·order.
    expect(rows.map((r) => r.startMs)).toEqual([20, 22, 24, 50, 52, 54, 60]);
    expect(rows.map((r) => r.completionMs)).toEqual([23, 25, 27, 53, 55, 57, 63]);
    for (const [w, ids] of [[0, [0, 1, 2]], [1, [3, 4, 5]]] as const) {
      const nth = rows[ids[2]]!.arrivalMs;
      for (const id of ids) expect(rows[id]!.startMs, `window ${w} request ${id}`).toBeGreaterThanOrEqual(nth);
    }
    expect(policy["windows"]).toBe(3);
    expect(policy["jobs"]).toBe(7);
    expect(makespanMs).toBe(63);
  });

  it("windowRequests larger than the whole stream: one window, planned at the last arrival", () => {
    const { rows, policy } = runRows(scenario({ windowRequests: 10 }, periodic(4)));
    // Arrivals 0, 10, 20, 30 ms; all four admitted at 30 ms.
    expect(rows.map((r) => r.order)).toEqual([0, 1, 2, 3]);
    expect(rows.map((r) => r.startMs)).toEqual([30, 32, 34, 36]);
    expect(policy["windows"]).toBe(1);
  });

  it("windowMs = 25 on 8 requests: windows close at 0 + 25, 30 + 25, and at the last arrival (70 ms)", () => {
    const { rows, policy } = runRows(scenario({ windowMs: 25 }, periodic(8)));
    // The first waiting request (0 ms) sets the timer to 25: requests at 0, 10, 20 go then. The
    // next to wait (30 ms) sets 55: 30, 40, 50. The one at 60 sets 85, but 70 is the source's last
    // arrival, so 60 and 70 are planned at 70.
    expect(rows.map((r) => r.order)).toEqual([0, 1, 2, 0, 1, 2, 0, 1]);
    expect(rows.map((r) => r.startMs)).toEqual([25, 27, 29, 55, 57, 59, 70, 72]);
    expect(rows.map((r) => r.completionMs)).toEqual([28, 30, 32, 58, 60, 62, 73, 75]);
    expect(policy["windows"]).toBe(3);
  });

  it("without window options each request of a periodic stream is its own batch, started on arrival", () => {
    const { rows, policy } = runRows(scenario({}, periodic(5)));
    expect(rows.map((r) => r.order)).toEqual([0, 0, 0, 0, 0]);
    expect(rows.map((r) => r.startMs)).toEqual([0, 10, 20, 30, 40]);
    expect(rows.map((r) => r.completionMs)).toEqual([3, 13, 23, 33, 43]);
    expect(policy["windows"]).toBe(5);
  });

  it("without window options, requests arriving at the same instant (two sources) are one batch", () => {
    const { rows, policy } = runRows(scenario({}, [...periodic(3), ...periodic(3)]));
    // Two requests at each of 0, 10, 20 ms: orders 0 and 1, device starts t and t + 2.
    for (const t of [0, 10, 20]) {
      const batch = rows.filter((r) => r.arrivalMs === t).sort((x, y) => x.order - y.order);
      expect(batch.map((r) => r.order), `${t} ms`).toEqual([0, 1]);
      expect(batch.map((r) => r.startMs), `${t} ms`).toEqual([t, t + 2]);
    }
    expect(policy["windows"]).toBe(3);
    expect(policy["jobs"]).toBe(6);
  });

  it("a closed source's window is at most its k requests (windowRequests = 5, k = 2, no think time)", () => {
    const { rows, policy } = runRows(scenario({ windowRequests: 5 }, [{ arrivals: { kind: "closed", k: 2, thinkMs: 0 }, requests: 6 }]));
    // Window of 2 at 0 ms: completions 3 and 5, each bringing the next request; the window of
    // those two closes at 5 ms (completions 8, 10), and the last two arrive at 8 and 10.
    expect(rows.map((r) => r.arrivalMs)).toEqual([0, 0, 3, 5, 8, 10]);
    expect(rows.map((r) => r.startMs)).toEqual([0, 2, 5, 7, 10, 12]);
    expect(rows.map((r) => r.order)).toEqual([0, 1, 0, 1, 0, 1]);
    expect(policy["windows"]).toBe(3);
  });
  it("a batch of 9 with windowRequests = 4 is planned as windows of 4, 4 and 1, one after another", () => {
    // All arrive at 0. Window 1 runs its jobs on the Pi at 0, 2, 4, 6; window 2 is planned at 0
    // too, after window 1's device time: 8, 10, 12, 14; the last job at 16. Orders restart.
    const { rows, policy } = runRows(scenario({ windowRequests: 4 }, [{ arrivals: { kind: "batch" }, requests: 9 }]));
    expect(policy["windows"]).toBe(3);
    expect(rows.map((r) => r.order)).toEqual([0, 1, 2, 3, 0, 1, 2, 3, 0]);
    expect(rows.map((r) => r.startMs)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16]);
  });

  it("so exhaustive takes a batch over 8 in windows of at most 8", () => {
    const { policy } = runRows(scenario({ mode: "exhaustive", windowRequests: 8 }, [{ arrivals: { kind: "batch" }, requests: 9 }]));
    expect(policy).toMatchObject({ mode: "exhaustive", windows: 2, jobs: 9 });
  });
});
