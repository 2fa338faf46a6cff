// Reads back what a `splitsim plot` SVG drew: its series and each point's data-* numbers.
export interface SvgPoint {
  x: string;
  y: number;
  lo: number | null;
  hi: number | null;
  seeds: number;
  note: string | null;
  errorBar: boolean;
}

export function svgSeries(svg: string): Map<string, SvgPoint[]> {
  const out = new Map<string, SvgPoint[]>();
  for (const block of svg.split('<g class="series" ').slice(1)) {
    const name = /^data-series="([^"]*)"/.exec(block)![1]!;
    const points: SvgPoint[] = [];
    for (const m of block.matchAll(/<g class="point" ([^>]*)>([\s\S]*?)<\/g>/g)) {
      const attr = (k: string) => new RegExp(`data-${k}="([^"]*)"`).exec(m[1]!)?.[1] ?? null;
      const num = (k: string) => (attr(k) === "" || attr(k) === null ? null : Number(attr(k)));
      points.push({ x: attr("x")!, y: num("y")!, lo: num("lo"), hi: num("hi"), seeds: num("seeds")!, note: attr("note"), errorBar: m[2]!.includes('class="error-bar"') });
    }
    out.set(name, points);
  }
  return out;
}
