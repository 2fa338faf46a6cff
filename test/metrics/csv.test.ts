// CSV exports: exact text of requests.csv and resources.csv for small hand-made inputs.
import { describe, expect, it } from "vitest";
import { requestsCsv, resourcesCsv } from "../../src/metrics/csv.js";
import { makePlan } from "../../src/workload/plan.js";
import { newRequest, type Request } from "../../src/workload/request.js";
import { play, stations } from "./replay.js";

const HEADER = "id,source,model,arrivalMs,completionMs,latencyMs,queueingMs,computeMs,transferMs,cut,bits,bytes,accuracyLossPct,deviceEnergyJ,deadlineMet,dropped,dropReason,warmup\n";

function twoRequests(): Request[] {
  const a = newRequest(0, 0, 0, "vgg16", 1, 5_000_000);
  Object.assign(a, { completion: 2_500_001, queueingNs: 1000, computeNs: 2_000_000, transferNs: 499_000 });
  a.plan = makePlan([], { cut: "pool5", bits: 8, bytesSent: 25104, accuracyLossPct: 0 });
  const b = newRequest(1, 1, 0, "vgg16", 3_000_000, 5_000_000);
  b.dropped = true;
  b.dropReason = "queue full at 'cloud'";
  return [b, a];
}

describe("requestsCsv", () => {
  it("writes one row per request in id order, times in ms with six decimals, empty cells for a drop", () => {
    expect(requestsCsv(twoRequests())).toBe(
      HEADER +
        "0,0,vgg16,0.000001,2.500001,2.500000,0.001000,2.000000,0.499000,pool5,8,25104,0,0,true,false,,false\n" +
        "1,1,vgg16,3.000000,,,0.000000,0.000000,0.000000,,0,0,0,0,false,true,queue full at 'cloud',false\n",
    );
  });

  it("flags the warm-up requests (ids below warmupRequests)", () => {
    const rows = requestsCsv(twoRequests(), { warmupRequests: 1 }).split("\n");
    expect([rows[1]!.split(",").at(-1), rows[2]!.split(",").at(-1)]).toEqual(["true", "false"]);
  });

  it("writes the source's name when the names are given", () => {
    const rows = requestsCsv(twoRequests(), { sourceNames: ["phone", "cam2"] }).split("\n");
    expect([rows[1]!.split(",")[1], rows[2]!.split(",")[1]]).toEqual(["phone", "cam2"]);
  });

  it("leaves deadlineMet empty for a request without a deadline", () => {
    const r = newRequest(0, 0, 0, "m", 0, -1);
    r.completion = 1_000_000;
    expect(requestsCsv([r]).split("\n")[1]).toBe("0,0,m,0.000000,1.000000,1.000000,0.000000,0.000000,0.000000,,0,0,0,0,,false,,false");
  });

  it("adds a content column with each request's label name when the sources have content", () => {
    const r = newRequest(0, 1, 0, "m", 0, -1);
    r.content = 2;
    const csv = requestsCsv([r], { contentLabels: [null, ["cat", "dog", "car"]] }).split("\n");
    expect(csv[0]!.endsWith(",dropReason,warmup,content")).toBe(true);
    expect(csv[1]!.endsWith(",car")).toBe(true);
  });

  it("adds the scheduler's outcome columns, lists joined by ';' and absent values empty", () => {
    const r = newRequest(0, 0, 0, "m", 0, -1);
    r.record().exit = "exit2";
    r.record().bitsPerTensor = [8, 4];
    r.record()["myScore"] = 0.25;
    const csv = requestsCsv([r], { outcomeColumns: ["exit", "bitsPerTensor", "cacheHit", "myScore"] }).split("\n");
    expect(csv[0]!.endsWith(",dropReason,warmup,exit,bitsPerTensor,cacheHit,myScore")).toBe(true);
    expect(csv[1]!.endsWith(",exit2,8;4,,0.25")).toBe(true);
  });

  it("writes a time of 2^53 − 1 ns exactly", () => {
    const r = newRequest(0, 0, 0, "m", Number.MAX_SAFE_INTEGER, -1);
    expect(requestsCsv([r]).split("\n")[1]!.split(",")[3]).toBe("9007199254.740991");
  });
});

describe("resourcesCsv", () => {
  it("writes one row per resource with its figures, empty first start and last end when unused", () => {
    // One request at 0; the station works 2-10 and the request completes at 10; the link is unused.
    const { report } = play({
      resources: [...stations(1), { id: "up", kind: "link", servers: 1 }],
      arrivalsMs: [0],
      busy: [[0, 0, 2, 10]],
      complete: [[0, 10]],
    });
    expect(resourcesCsv(report)).toBe(
      "resource,kind,servers,busyMs,utilisation,bubbleRatio,fillMs,drainMs,internalIdleMs,activeBubbleRatio," +
        "starvedMs,upstreamMs,heldMs,bubbleRatioExcludingStarved,firstStartMs,lastEndMs,used\n" +
        "r0,station,1,8.000000,0.800000000,0.200000000,2.000000,0.000000,0.000000,0.000000000," +
        "0.000000,0.000000,0.000000,0.200000000,2.000000,10.000000,true\n" +
        "up,link,1,0.000000,0.000000000,1.000000000,10.000000,0.000000,0.000000,0.000000000," +
        "0.000000,0.000000,0.000000,1.000000000,,,false\n",
    );
  });
});
