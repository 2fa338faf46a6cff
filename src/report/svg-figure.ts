// A sweep figure as a standalone SVG for papers: one series per scheduler (colour and marker, so
// it survives greyscale printing), 95 % error bars, axes with round ticks, sized for one column of
// a two-column paper (3.5 in wide, 8 pt text). Written by hand from d3-array's tick math: no DOM,
// no browser. Every point carries its numbers as data-* attributes (full precision), so a reader or
// a test gets back exactly what was drawn.
import { nice, ticks } from "d3-array";
import type { SweepFigure } from "./sweep-series.js";
import { yLabel } from "./sweep-series.js";

export interface SvgSize {
  /** Inches. */
  width: number;
  height: number;
}

/** Okabe–Ito: distinguishable with the common colour-vision deficiencies. */
export const PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"];
const MARKERS = ["circle", "square", "triangle", "diamond", "down", "cross"] as const;
const PT_PER_IN = 72;
const FONT = 8;

export function svgFigure(f: SweepFigure, size: SvgSize = { width: 3.5, height: 2.5 }): string {
  const W = size.width * PT_PER_IN;
  const H = size.height * PT_PER_IN;
  // Legend entries a row: as many as fit the longest name (about 0.55 em a character).
  const longest = Math.max(1, ...f.series.map((s) => shorten(s.name).length));
  const perRow = Math.max(1, Math.min(4, Math.floor((size.width * PT_PER_IN - 50) / (longest * FONT * 0.55 + 18))));
  const legendRows = Math.ceil(f.series.length / perRow);
  const m = { left: 42, right: 8, top: 6 + legendRows * (FONT + 3), bottom: 30 };
  const pw = W - m.left - m.right;
  const ph = H - m.top - m.bottom;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}in" height="${size.height}in" viewBox="0 0 ${r(W)} ${r(H)}" font-family="Helvetica, Arial, sans-serif" font-size="${FONT}" data-x="${esc(f.x)}" data-metric="${esc(f.metric)}" data-mode="${f.mode}"${f.baseline === null ? "" : ` data-baseline="${esc(f.baseline)}"`}>`);
  out.push(`<rect width="${r(W)}" height="${r(H)}" fill="#ffffff"/>`);

  // y: the data and the bars, and the reference line of a comparison (0 or 1).
  const ys = f.series.flatMap((s) => s.points.flatMap((p) => [p.y, p.lo ?? p.y, p.hi ?? p.y]));
  if (f.mode !== "mean") ys.push(f.mode === "ratio" ? 1 : 0);
  let [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  if (!(y1 > y0)) [y0, y1] = [y0 - 1, y1 + 1];
  [y0, y1] = nice(y0, y1, 5);
  const sy = (v: number) => m.top + ph - ((v - y0) / (y1 - y0)) * ph;

  // x: a linear axis for numbers, evenly spaced categories otherwise.
  const xNum = f.xs as number[];
  let sx: (x: unknown) => number;
  let xTicks: { at: number; label: string }[];
  if (f.numericX) {
    let [x0, x1] = [Math.min(...xNum), Math.max(...xNum)];
    if (!(x1 > x0)) [x0, x1] = [x0 - 1, x1 + 1];
    const pad = (x1 - x0) * 0.04;
    const [a, b] = [x0 - pad, x1 + pad];
    sx = (x) => m.left + (((x as number) - a) / (b - a)) * pw;
    const t = ticks(x0, x1, 6);
    xTicks = t.map((v) => ({ at: sx(v), label: fmt(v, t) }));
  } else {
    const keys = f.xs.map(label);
    sx = (x) => m.left + ((keys.indexOf(label(x)) + 0.5) / keys.length) * pw;
    xTicks = f.xs.map((x) => ({ at: sx(x), label: shorten(label(x)) }));
  }
  const yt = ticks(y0, y1, 5);

  out.push(`<g class="axes" stroke="#000000" stroke-width="0.6" fill="none">`);
  out.push(`<path d="M${r(m.left)},${r(m.top)}V${r(m.top + ph)}H${r(m.left + pw)}"/>`);
  for (const t of xTicks) out.push(`<path d="M${r(t.at)},${r(m.top + ph)}v3"/>`);
  for (const v of yt) out.push(`<path d="M${r(m.left)},${r(sy(v))}h-3"/>`);
  out.push(`</g>`);
  out.push(`<g class="grid" stroke="#dddddd" stroke-width="0.4">`);
  for (const v of yt) out.push(`<path d="M${r(m.left)},${r(sy(v))}H${r(m.left + pw)}"/>`);
  out.push(`</g>`);
  if (f.mode !== "mean") {
    const ref = f.mode === "ratio" ? 1 : 0;
    out.push(`<path class="reference" d="M${r(m.left)},${r(sy(ref))}H${r(m.left + pw)}" stroke="#555555" stroke-width="0.6" stroke-dasharray="3,2" data-y="${ref}"/>`);
  }
  out.push(`<g class="tick-labels" fill="#000000">`);
  for (const t of xTicks) out.push(`<text x="${r(t.at)}" y="${r(m.top + ph + 4 + FONT)}" text-anchor="middle">${esc(t.label)}</text>`);
  for (const v of yt) out.push(`<text x="${r(m.left - 5)}" y="${r(sy(v) + FONT / 3)}" text-anchor="end">${esc(fmt(v, yt))}</text>`);
  out.push(`</g>`);
  out.push(`<text class="x-title" x="${r(m.left + pw / 2)}" y="${r(H - 4)}" text-anchor="middle">${esc(f.x)}</text>`);
  out.push(`<text class="y-title" transform="translate(${FONT + 2},${r(m.top + ph / 2)}) rotate(-90)" text-anchor="middle">${esc(yLabel(f))}</text>`);

  // Series: dodged a little sideways so that overlapping error bars stay readable.
  const n = f.series.length;
  f.series.forEach((s, i) => {
    const colour = PALETTE[s.index % PALETTE.length]!;
    const dx = (i - (n - 1) / 2) * 2.5;
    const pts = s.points.map((p) => ({ p, X: sx(p.x) + dx, Y: sy(p.y) }));
    out.push(`<g class="series" data-series="${esc(s.name)}" stroke="${colour}" fill="${colour}">`);
    if (pts.length > 1) out.push(`<path class="line" fill="none" stroke-width="1" d="${pts.map((q, k) => `${k === 0 ? "M" : "L"}${r(q.X)},${r(q.Y)}`).join("")}"/>`);
    for (const { p, X, Y } of pts) {
      const attrs = `data-x="${esc(label(p.x))}" data-y="${p.y}" data-lo="${p.lo ?? ""}" data-hi="${p.hi ?? ""}" data-seeds="${p.seeds}"${p.note === "" ? "" : ` data-note="${esc(p.note)}"`}`;
      out.push(`<g class="point" ${attrs}>`);
      if (p.lo !== null && p.hi !== null) {
        out.push(`<path class="error-bar" stroke-width="0.7" fill="none" d="M${r(X)},${r(sy(p.lo))}V${r(sy(p.hi))}M${r(X - 2)},${r(sy(p.lo))}h4M${r(X - 2)},${r(sy(p.hi))}h4"/>`);
      }
      out.push(marker(MARKERS[s.index % MARKERS.length]!, X, Y));
      out.push(`</g>`);
    }
    out.push(`</g>`);
  });

  // Legend above the plot.
  out.push(`<g class="legend">`);
  const colW = (W - m.left - 4) / perRow;
  f.series.forEach((s, i) => {
    const colour = PALETTE[s.index % PALETTE.length]!;
    const x = m.left + (i % perRow) * colW;
    const y = 4 + Math.floor(i / perRow) * (FONT + 3) + FONT / 2;
    out.push(`<g stroke="${colour}" fill="${colour}"><path d="M${r(x)},${r(y)}h10" stroke-width="1"/>${marker(MARKERS[s.index % MARKERS.length]!, x + 5, y)}</g>`);
    out.push(`<text x="${r(x + 13)}" y="${r(y + FONT / 3)}" fill="#000000">${esc(shorten(s.name))}</text>`);
  });
  out.push(`</g>`);
  out.push(`</svg>`);
  return out.join("\n") + "\n";
}

function marker(kind: (typeof MARKERS)[number], x: number, y: number): string {
  const s = 2.2;
  switch (kind) {
    case "circle": return `<circle class="marker" cx="${r(x)}" cy="${r(y)}" r="${s}" stroke="none"/>`;
    case "square": return `<rect class="marker" x="${r(x - s)}" y="${r(y - s)}" width="${r(2 * s)}" height="${r(2 * s)}" stroke="none"/>`;
    case "triangle": return `<path class="marker" stroke="none" d="M${r(x)},${r(y - s * 1.2)}L${r(x + s * 1.1)},${r(y + s)}L${r(x - s * 1.1)},${r(y + s)}Z"/>`;
    case "down": return `<path class="marker" stroke="none" d="M${r(x)},${r(y + s * 1.2)}L${r(x + s * 1.1)},${r(y - s)}L${r(x - s * 1.1)},${r(y - s)}Z"/>`;
    case "diamond": return `<path class="marker" stroke="none" d="M${r(x)},${r(y - s * 1.3)}L${r(x + s * 1.3)},${r(y)}L${r(x)},${r(y + s * 1.3)}L${r(x - s * 1.3)},${r(y)}Z"/>`;
    case "cross": return `<path class="marker" fill="none" stroke-width="0.9" d="M${r(x - s)},${r(y - s)}L${r(x + s)},${r(y + s)}M${r(x - s)},${r(y + s)}L${r(x + s)},${r(y - s)}"/>`;
  }
}

/** Tick labels with the decimals their step needs, no more. */
function fmt(v: number, all: readonly number[]): string {
  const step = all.length > 1 ? Math.abs(all[1]! - all[0]!) : Math.abs(v) || 1;
  const decimals = Math.max(0, Math.min(10, -Math.floor(Math.log10(step) + 1e-9)));
  return (Math.abs(v) < step / 1e6 ? 0 : v).toFixed(decimals).replace(/^-/, "−");
}

/** A point's x as text: strings as they are, anything else as JSON. */
export function label(x: unknown): string {
  return typeof x === "string" ? x : JSON.stringify(x ?? null);
}

/** Long trace paths shortened to their file name, long names to 28 characters. */
function shorten(s: string): string {
  const base = s.includes("/") ? s.slice(s.lastIndexOf("/") + 1) : s;
  return base.length > 28 ? `${base.slice(0, 27)}…` : base;
}

function r(v: number): string {
  return String(Math.round(v * 100) / 100);
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
