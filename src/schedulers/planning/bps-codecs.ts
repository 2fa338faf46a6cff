// BPS's codecs for the cut tensor (halp-bps.md §2.5): per (cut, codec) a size ratio ρ on the fp32
// bytes, encode time on the device, decode time on the remote, and an accuracy drop. The built-in
// rows are uniform 8- and 4-bit quantisation and `ff`, FF's abstract-level best case stated on the
// 4-bit row; any other codec (sparse, image, ...) exists only with numbers the scenario gives.
import type { Cut, Model } from "../../workload/model.js";
import type { SchedulerContext } from "../context.js";
import type { CodecCost } from "./bps-model.js";
import type { SplitRoute } from "./route.js";

/** What a scenario may say about one codec (built-ins: every field optional, overriding ours). */
export interface CodecSpec {
  /** Bytes on the wire per fp32 byte, (0, 1]. */
  readonly ratio?: number | undefined;
  /** Accuracy drop, percentage points. */
  readonly dropPct?: number | undefined;
  /** Encode per request on the device, ms (default for the built-ins: one pass over the fp32 tensor). */
  readonly encodeMs?: number | undefined;
  /** Decode per request on the remote, ms (same default). */
  readonly decodeMs?: number | undefined;
  /** Per cut (layer name): any of the fields above for that cut only. */
  readonly cuts?: Readonly<Record<string, Omit<CodecSpec, "cuts">>> | undefined;
}

/** FF's abstract (BPS, TCC 2024): up to 86.9 % lower accuracy loss, up to 83.6 % lower latency overhead. */
export const FF_LOSS_FACTOR = 1 - 0.869;
export const FF_TIME_FACTOR = 1 - 0.836;

/** The built-in codecs, in the order `codecs` lists them. */
export const BUILTIN_CODECS = ["uniform8", "uniform4", "ff"] as const;

/** One codec at one cut, per request: what bps-model's CodecCost needs at any batch, plus the drop. */
export interface CodecRow {
  readonly ratio: number;
  readonly encNsPerItem: number;
  readonly decNsPerItem: number;
  readonly dropPct: number;
  /** Bits per element the row stands for (reported as the plan's bits): 32·ρ. */
  readonly bits: number;
}

const OFF: CodecRow = { ratio: 1, encNsPerItem: 0, decNsPerItem: 0, dropPct: 0, bits: 32 };

/**
 * The codec rows of one model on one route. "off" is free; the raw input (cut 0) and a cut that
 * sends nothing are never coded (ρ applies to fp32 intermediates, and the image goes as uint8).
 */
export class BpsCodecs {
  private readonly rows = new Map<string, CodecRow>();

  constructor(
    private readonly ctx: SchedulerContext,
    private readonly model: Model,
    private readonly route: SplitRoute,
    private readonly specs: Readonly<Record<string, CodecSpec>>,
  ) {}

  /** The names this table knows: "off", the built-ins, and the scenario's own. */
  static names(specs: Readonly<Record<string, CodecSpec>>): string[] {
    return ["off", ...new Set([...BUILTIN_CODECS, ...Object.keys(specs)])];
  }

  /** Row of `codec` at cut k (0..n). */
  row(codec: string, k: number): CodecRow {
    if (codec === "off" || k === 0 || k === this.model.layerCount) return OFF;
    const key = `${codec}@${k}`;
    let r = this.rows.get(key);
    if (r === undefined) this.rows.set(key, (r = this.build(codec, this.model.prefixCuts()[k]!)));
    return r;
  }

  /** bps-model's view: whole-batch encode and decode times. */
  cost(codec: string, k: number, batch: number): CodecCost {
    const r = this.row(codec, k);
    return { ratio: r.ratio, encNs: Math.ceil(r.encNsPerItem * batch), decNs: Math.ceil(r.decNsPerItem * batch), dropPct: r.dropPct };
  }

  private build(codec: string, cut: Cut): CodecRow {
    const spec = this.specs[codec];
    const at = { ...spec, ...spec?.cuts?.[cut.label] };
    const builtin = (BUILTIN_CODECS as readonly string[]).includes(codec);
    if (!builtin && (at.ratio === undefined || at.dropPct === undefined || at.encodeMs === undefined || at.decodeMs === undefined)) {
      // The option schema asks for all four; a per-cut override cannot remove them.
      throw new RangeError(`codec '${codec}' needs ratio, dropPct, encodeMs and decodeMs (only the built-ins have defaults)`);
    }
    const base = builtin ? this.builtinRow(codec as (typeof BUILTIN_CODECS)[number], cut) : OFF;
    const ms = (x: number | undefined, fallback: number): number => (x === undefined ? fallback : x * 1e6);
    const ratio = at.ratio ?? base.ratio;
    return {
      ratio,
      dropPct: at.dropPct ?? base.dropPct,
      encNsPerItem: ms(at.encodeMs, base.encNsPerItem),
      decNsPerItem: ms(at.decodeMs, base.decNsPerItem),
      bits: 32 * ratio,
    };
  }

  /**
   * uniform8 / uniform4: ρ ¼ / ⅛, the drop of the scenario's accuracy table (else the built-in
   * curve) at 8 / 4 bits, one pass over the fp32 tensor at each node's memory bandwidth (ours: §2.5
   * says only "cheap"). ff: ρ ⅛, drop and time FF's factors times uniform4's.
   */
  private builtinRow(codec: (typeof BUILTIN_CODECS)[number], cut: Cut): CodecRow {
    const fp32Bytes = cut.boundaryElements * 4;
    const pass = (station: number): number => (fp32Bytes / this.ctx.topology.stations[station]!.device.memBytesPerSec) * 1e9;
    const enc = pass(this.route.origin);
    const dec = this.route.target >= 0 ? pass(this.route.target) : 0;
    const drop = (bits: number): number => this.ctx.accuracyLossPct(this.model, cut.label, bits);
    switch (codec) {
      case "uniform8":
        return { ratio: 1 / 4, dropPct: drop(8), encNsPerItem: enc, decNsPerItem: dec, bits: 8 };
      case "uniform4":
        return { ratio: 1 / 8, dropPct: drop(4), encNsPerItem: enc, decNsPerItem: dec, bits: 4 };
      case "ff":
        return { ratio: 1 / 8, dropPct: FF_LOSS_FACTOR * drop(4), encNsPerItem: FF_TIME_FACTOR * enc, decNsPerItem: FF_TIME_FACTOR * dec, bits: 4 };
    }
  }
}
