// Wire bytes of quantized tensors and boundaries, and the default accuracy-loss curve.
import { describe, expect, it } from "vitest";
import {
  accuracyLossPct, boundaryBytes, isWireBits, rawInputBytes, tensorBytes, WIRE_BITS,
} from "../../src/workload/quantization.js";
import { builtin } from "./helpers.js";

describe("tensor bytes", () => {
  it("are ceil(elements·bits/8) + header for each allowed bit width", () => {
    expect(tensorBytes(1000, 8, 0)).toBe(1000);
    expect(tensorBytes(1000, 4, 8)).toBe(508);
    expect(tensorBytes(1001, 3, 0)).toBe(376); // 375.375 rounds up
    expect(tensorBytes(1000, 2, 0)).toBe(250);
    expect(tensorBytes(1000, 16, 8)).toBe(2008);
    expect(tensorBytes(25_088, 32, 0)).toBe(100_352); // VGG pool5, 98 KiB in fp32
  });

  it("ResNet-50's layer3 output at 8 bits is 200,704 B, more than the 150,528 B uint8 image (coach-decc §1.3.4)", () => {
    expect(tensorBytes(1024 * 14 * 14, 8, 0)).toBe(200_704);
    expect(rawInputBytes(3 * 224 * 224, 0)).toBe(150_528);
  });

  it("other bit widths are refused with the allowed list", () => {
    for (const b of [0, 1, 9, 12, 24, 64]) expect(() => tensorBytes(10, b, 0)).toThrow(/2, 3, 4, 5, 6, 7, 8, 16, 32/);
  });

  it("isWireBits accepts exactly 2..8, 16 and 32", () => {
    expect(WIRE_BITS.filter(isWireBits)).toEqual([2, 3, 4, 5, 6, 7, 8, 16, 32]);
    expect([1, 9, 10, 15, 31, 33, 4.5].some(isWireBits)).toBe(false);
  });

  it("the raw input is one byte per element plus the header", () => {
    expect(rawInputBytes(150_528, 8)).toBe(150_536);
  });
});

describe("boundary bytes", () => {
  it("a cut inside a ResNet-50 block sends both tensors at the chosen bits, each with a header", () => {
    const m = builtin("resnet50");
    const cut = m.prefixCuts().find((c) => c.label === "layer1.1.conv2")!;
    expect(boundaryBytes(m, cut.boundary, 8, 8)).toBe(802_816 + 8 + 200_704 + 8);
    expect(boundaryBytes(m, cut.boundary, 4, 0)).toBe(401_408 + 100_352);
  });

  it("the raw input is sent as uint8 whatever the bits", () => {
    const m = builtin("vgg16");
    const first = m.prefixCuts()[0]!;
    expect(boundaryBytes(m, first.boundary, 2, 8)).toBe(150_536);
    expect(boundaryBytes(m, first.boundary, 32, 8)).toBe(150_536);
  });

  it("a tensor listed twice is sent once, and an empty boundary costs nothing", () => {
    const m = builtin("vgg16");
    const pool5 = m.indexOf("pool5");
    expect(boundaryBytes(m, [pool5, pool5], 32, 0)).toBe(100_352);
    expect(boundaryBytes(m, [], 8, 8)).toBe(0);
  });
});

describe("accuracy loss", () => {
  it("never increases with more bits and is 0 at 16 and 32 bits", () => {
    const losses = WIRE_BITS.map(accuracyLossPct);
    for (let i = 1; i < losses.length; i++) expect(losses[i]!).toBeLessThanOrEqual(losses[i - 1]!);
    expect(accuracyLossPct(16)).toBe(0);
    expect(accuracyLossPct(32)).toBe(0);
  });

  it("meets COACH's 0.5 % budget at 8 bits and not at 2 bits", () => {
    expect(accuracyLossPct(8)).toBeLessThanOrEqual(0.5);
    expect(accuracyLossPct(2)).toBeGreaterThan(0.5);
  });

  it("is refused for bit widths that cannot be sent", () => {
    expect(() => accuracyLossPct(10)).toThrow(/10 bits/);
  });
});
