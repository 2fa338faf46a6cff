// Order statistics over a few repeats, and the number formats of the report table.

export interface Spread {
  min: number;
  median: number;
  max: number;
}

export function spread(xs: readonly number[]): Spread {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return { min: NaN, median: NaN, max: NaN };
  const median = n % 2 === 1 ? s[(n - 1) >> 1]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
  return { min: s[0]!, median, max: s[n - 1]! };
}

export type Unit = "rate" | "ratio" | "s" | "MB" | "ns" | "ms" | "count" | "pct";

/** A figure in its unit: rates with k/M, times with 2-3 significant digits. */
export function fmt(x: number, unit: Unit): string {
  if (!Number.isFinite(x)) return "n/a";
  switch (unit) {
    case "rate":
      return x >= 1e6 ? `${(x / 1e6).toFixed(2)} M/s` : `${(x / 1e3).toFixed(0)} k/s`;
    case "ratio":
      return `${x.toFixed(2)}×`;
    case "s":
      return `${x.toFixed(2)} s`;
    case "MB":
      return `${x.toFixed(0)} MB`;
    case "ns":
      return `${x.toFixed(0)} ns`;
    case "ms":
      return `${x.toFixed(2)} ms`;
    case "count":
      return x >= 100 ? x.toFixed(0) : x.toFixed(2);
    case "pct":
      return `${x.toFixed(2)} %`;
  }
}

/** "1e+6" -> "1e6": sizes are powers of ten (or 2e5, 3e6) in the table. */
export function sizeLabel(n: number): string {
  return n.toExponential().replace("e+", "e");
}
