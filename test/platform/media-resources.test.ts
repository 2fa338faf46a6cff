// Link resources (platform/link-resources.ts): a link of its own is one resource, a medium is one
// resource for all its links, listed at its first link; the topology's observer resources follow.
import { describe, expect, it } from "vitest";
import { linkResources } from "../../src/platform/link-resources.js";
import { Topology } from "../../src/platform/topology.js";
import type { ResolvedLink } from "../../src/platform/platform-spec.js";

const link = (name: string, from: string, to: string, medium?: string): ResolvedLink => ({
  name, from, to, bandwidth: { kind: "constant", mbps: 8 }, latencyMs: 5, discipline: "fifo", ...(medium === undefined ? {} : { medium }),
});

describe("link resources", () => {
  it("are the links themselves, in order, without media", () => {
    const r = linkResources([link("up", "a", "b"), link("down", "b", "a")]);
    expect(r.resources).toEqual([{ name: "up", medium: false, links: [0] }, { name: "down", medium: false, links: [1] }]);
    expect(Array.from(r.resourceOf)).toEqual([0, 1]);
  });

  it("make a medium one resource at its first link, serving every link on it", () => {
    const r = linkResources([link("h1", "h", "e1", "wifi"), link("up", "d", "h"), link("h2", "h", "e2", "wifi"), link("b1", "e1", "h", "wifi")]);
    expect(r.resources).toEqual([{ name: "wifi", medium: true, links: [0, 2, 3] }, { name: "up", medium: false, links: [1] }]);
    expect(Array.from(r.resourceOf)).toEqual([0, 1, 0, 0]);
  });

  it("give the observer stations, then one resource per medium, while links keep their indices and views", () => {
    const topo = new Topology({
      nodes: ["h", "e1", "e2"].map((name) => ({ name, device: "a100", servers: 1, maxBatch: 1, batchTimeoutMs: 0, queueLimit: null, precision: "fp32", role: "edge" })),
      links: [link("h1", "h", "e1", "wifi"), link("h2", "h", "e2", "wifi")],
      devices: {},
      sources: [{ at: "h" }],
    });
    expect(topo.resources().map((r) => [r.id, r.kind, r.servers])).toEqual([["h", "station", 1], ["e1", "station", 1], ["e2", "station", 1], ["wifi", "link", 1]]);
    expect(topo.linkBetween(0, 2)).toBe(1);
    expect(topo.links.map((l) => [l.name, l.medium, l.latencyNs])).toEqual([["h1", "wifi", 5_000_000], ["h2", "wifi", 5_000_000]]);
  });
});
