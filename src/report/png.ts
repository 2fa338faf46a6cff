// A figure's SVG as PNG, rendered in Node by resvg (a Rust SVG renderer shipped as a prebuilt npm
// binary; no browser). Text uses the machine's fonts: Helvetica and Arial fall back to DejaVu Sans,
// which Debian images carry. Loaded only when a PNG is asked for, so a platform without the binary
// loses PNG output, not the whole CLI.
import { SplitsimError } from "../errors.js";

export async function svgToPng(svg: string, dpi: number): Promise<Buffer> {
  let Resvg: typeof import("@resvg/resvg-js").Resvg;
  try {
    ({ Resvg } = await import("@resvg/resvg-js"));
  } catch (e) {
    throw new SplitsimError(`PNG: the renderer (@resvg/resvg-js) does not load on this platform (${(e as Error).message}); write the figure as .svg`);
  }
  // The SVG's size is in inches, which resvg counts at CSS's 96 pixels an inch.
  const r = new Resvg(svg, {
    fitTo: { mode: "zoom", value: dpi / 96 },
    background: "#ffffff",
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans" },
  });
  return r.render().asPng();
}
