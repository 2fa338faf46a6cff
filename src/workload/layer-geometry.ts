// Conv/pool geometry: PyTorch's output-size rule, AdaptiveAvgPool2d as a fixed pool, the input rows
// an output slab reads, and the model-file checks of a declared geometry (values, output shape).
import type { HW, LayerGeometry } from "./model-spec.js";

/**
 * PyTorch conv/pool output size: floor((h + 2p + e − d(k−1) − 1)/s) + 1, or its ceil_mode variant;
 * e is padding at the end only (darknet's maxpool).
 */
export function outSize(h: number, k: number, s: number, p: number, d = 1, ceil = false, e = 0): number {
  const span = h + 2 * p + e - d * (k - 1) - 1;
  if (!ceil) return Math.floor(span / s) + 1;
  let out = Math.ceil(span / s) + 1;
  // PyTorch drops a last window that would start in the right padding (pooling.h, pooling_output_shape).
  if ((out - 1) * s >= h + p) out -= 1;
  return out;
}

/** Output [height, width] of a fixed-window layer (not adaptive) on an h×w input. */
export function geometryOutput(g: LayerGeometry, h: number, w: number): HW {
  const c = g.ceilMode ?? false;
  const e = g.extraPadEnd ?? [0, 0];
  return [
    outSize(h, g.kernel[0], g.stride[0], g.padding[0], g.dilation[0], c, e[0]),
    outSize(w, g.kernel[1], g.stride[1], g.padding[1], g.dilation[1], c, e[1]),
  ];
}

/** AdaptiveAvgPool2d's window i along an axis: [⌊i·in/out⌋, ⌈(i+1)·in/out⌉) (PyTorch's start/end index). */
export function adaptiveWindow(i: number, inSize: number, outSize: number): [number, number] {
  return [Math.floor((i * inSize) / outSize), Math.ceil(((i + 1) * inSize) / outSize)];
}

/**
 * One axis of an adaptive pool as kernel and stride. When out ≤ in: stride ⌊in/out⌋ and kernel
 * in − (out−1)·stride, which is the exact pool when out divides in, else a fixed pool of the same
 * output size whose window i contains adaptive window i. When out > in (an upsampling pool, only
 * at inputs too small for the architecture) no fixed window fits: stride 1 and the widest window.
 */
function adaptiveAxis(inSize: number, outSize: number): [number, number] {
  if (outSize <= inSize) {
    const s = Math.floor(inSize / outSize);
    return [inSize - (outSize - 1) * s, s];
  }
  let widest = 1;
  for (let i = 0; i < outSize; i++) {
    const [a, b] = adaptiveWindow(i, inSize, outSize);
    widest = Math.max(widest, b - a);
  }
  return [widest, 1];
}

/** The geometry recorded for AdaptiveAvgPool2d from h×w to oh×ow (see adaptiveAxis). */
export function adaptivePoolGeometry(h: number, w: number, oh: number, ow: number): LayerGeometry {
  const [kh, sh] = adaptiveAxis(h, oh);
  const [kw, sw] = adaptiveAxis(w, ow);
  return { kernel: [kh, kw], stride: [sh, sw], padding: [0, 0], dilation: [1, 1], adaptive: true };
}

/**
 * Input rows (or columns: axis 1) that output rows [o0, o1) read, clipped to [0, inSize): the halo
 * of a spatial slab. Exact for adaptive pools too (their own window rule).
 */
export function inputSpan(g: LayerGeometry, axis: 0 | 1, inSize: number, outSize: number, o0: number, o1: number): [number, number] {
  if (o1 <= o0) return [0, 0];
  if (g.adaptive) return [adaptiveWindow(o0, inSize, outSize)[0], adaptiveWindow(o1 - 1, inSize, outSize)[1]];
  const start = o0 * g.stride[axis] - g.padding[axis];
  const end = (o1 - 1) * g.stride[axis] - g.padding[axis] + g.dilation[axis] * (g.kernel[axis] - 1) + 1;
  return [Math.max(0, start), Math.min(inSize, end)];
}

type Problems = Array<{ path: Array<string | number>; message: string }>;

const PAIRS = ["kernel", "stride", "padding", "dilation", "extraPadEnd"] as const;
const FLAGS = ["ceilMode", "adaptive"] as const;

/**
 * A model file's `geometry` object: kernel and stride required; padding (default 0), dilation
 * (default 1) and extraPadEnd optional; each a whole number or [height, width]. undefined if absent
 * or invalid (problems recorded).
 */
export function normaliseGeometry(raw: unknown, path: Array<string | number>, problems: Problems): LayerGeometry | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    problems.push({ path, message: "must be an object { kernel, stride, padding?, dilation?, groups?, ceilMode?, adaptive?, extraPadEnd? }" });
    return undefined;
  }
  const r = raw as Record<string, unknown>;
  const before = problems.length;
  for (const key of Object.keys(r))
    if (!(PAIRS as readonly string[]).includes(key) && !(FLAGS as readonly string[]).includes(key) && key !== "groups")
      problems.push({ path: [...path, key], message: "unknown key" });
  const pairAt = (key: (typeof PAIRS)[number], min: 0 | 1, fallback?: number): HW | undefined => {
    const v = r[key];
    if (v === undefined) {
      if (fallback === undefined && (key === "kernel" || key === "stride")) problems.push({ path: [...path, key], message: "required" });
      return fallback === undefined ? undefined : [fallback, fallback];
    }
    const ok = (x: unknown): x is number => typeof x === "number" && Number.isInteger(x) && x >= min;
    if (ok(v)) return [v, v];
    if (Array.isArray(v) && v.length === 2 && ok(v[0]) && ok(v[1])) return [v[0], v[1]];
    const what = min === 1 ? "a positive integer" : "a non-negative integer";
    problems.push({ path: [...path, key], message: `must be ${what} or [height, width] of them` });
    return undefined;
  };
  const kernel = pairAt("kernel", 1);
  const stride = pairAt("stride", 1);
  const padding = pairAt("padding", 0, 0);
  const dilation = pairAt("dilation", 1, 1);
  const extraPadEnd = pairAt("extraPadEnd", 0);
  const groups = r["groups"];
  if (groups !== undefined && !(typeof groups === "number" && Number.isInteger(groups) && groups >= 1))
    problems.push({ path: [...path, "groups"], message: "must be a positive integer" });
  for (const flag of FLAGS)
    if (r[flag] !== undefined && typeof r[flag] !== "boolean") problems.push({ path: [...path, flag], message: "must be true or false" });
  if (problems.length > before || !kernel || !stride || !padding || !dilation) return undefined;
  // False flags and zero extra padding are left out, as the zoo builder leaves them out.
  return {
    kernel, stride, padding, dilation,
    ...(typeof groups === "number" ? { groups } : {}),
    ...(r["ceilMode"] === true ? { ceilMode: true } : {}),
    ...(extraPadEnd && (extraPadEnd[0] > 0 || extraPadEnd[1] > 0) ? { extraPadEnd } : {}),
    ...(r["adaptive"] === true ? { adaptive: true } : {}),
  };
}

/**
 * Why a geometry does not fit its layer's input and output shapes (C×H×W each), or null when it
 * does: the output size by PyTorch's rule (an adaptive pool: the geometry adaptivePoolGeometry
 * records), and groups dividing both channel counts.
 */
export function geometryMismatch(g: LayerGeometry, inShape: readonly number[], outShape: readonly number[]): string | null {
  if (inShape.length !== 3 || outShape.length !== 3)
    return `needs C×H×W input and output shapes, got ${inShape.join("×")} → ${outShape.join("×")}`;
  const [cIn, h, w] = inShape as [number, number, number];
  const [cOut, oh, ow] = outShape as [number, number, number];
  if (g.groups !== undefined && (cIn % g.groups !== 0 || cOut % g.groups !== 0))
    return `groups ${g.groups} must divide both ${cIn} input and ${cOut} output channels`;
  if (g.adaptive) {
    const want = adaptivePoolGeometry(h, w, oh, ow);
    const same = (a: HW, b: HW): boolean => a[0] === b[0] && a[1] === b[1];
    if (!same(g.kernel, want.kernel) || !same(g.stride, want.stride) || !same(g.padding, [0, 0]) || !same(g.dilation, [1, 1]))
      return `an adaptive pool from ${h}×${w} to ${oh}×${ow} has kernel ${want.kernel.join("×")}, stride ${want.stride.join("×")}, no padding or dilation`;
    return null;
  }
  const [gh, gw] = geometryOutput(g, h, w);
  if (gh !== oh || gw !== ow)
    return `kernel ${g.kernel.join("×")}, stride ${g.stride.join("×")}, padding ${g.padding.join("×")}, dilation ${g.dilation.join("×")} turn ${h}×${w} into ${gh}×${gw}, but outputShape is ${oh}×${ow}`;
  return null;
}
