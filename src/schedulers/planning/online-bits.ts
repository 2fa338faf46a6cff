// COACH's online bit adaptation (coach-decc.md §1.5.2, reconstructed): while the uplink, at the
// estimated bandwidth, needs more than (1 + hysteresis) × the slower compute stage, the bits of
// easy frames drop one level per tensor per frame; with slack they climb back a level per frame to
// the offline bits. An easy frame's loss is the table's times easyLossFactor and never above the
// budget, which caps how far the bits may drop.
import { RAW_INPUT, type Model } from "../../workload/model.js";
import type { CoachPlanChoice } from "./coach-search.js";
import { boundaryBytesPerTensor } from "./per-tensor-bytes.js";
import type { LossCombine, TensorLoss } from "./tensor-bits.js";

export interface OnlineBitsSettings {
  budgetPct: number;
  combine: LossCombine;
  easyLossFactor: number;
  hysteresis: number;
  headerBytes: number;
  /** The allowed levels, ascending. */
  levels: readonly number[];
}

export class OnlineBits {
  /** Levels below the offline bits that easy frames use now. */
  drop = 0;
  /** Frames in a row that found the link the bottleneck. */
  linkBoundRun = 0;
  private readonly index: number[];
  private readonly compute: number;
  /** Per drop level 0..max: the bits, an easy frame's loss (level 0: the plan's), and the bytes sent. */
  private readonly levelBits: number[][] = [];
  private readonly levelLoss: number[] = [];
  private readonly levelBytes: number[] = [];

  constructor(
    private readonly model: Model, private readonly offline: CoachPlanChoice, private readonly loss: TensorLoss,
    private readonly s: OnlineBitsSettings,
  ) {
    this.index = offline.bits.map((b, i) => (offline.tensors[i] === RAW_INPUT ? -1 : Math.max(0, s.levels.indexOf(b))));
    this.compute = Math.max(offline.stages.device, offline.stages.target);
    const deepest = Math.max(0, ...this.index);
    this.addLevel(offline.bits, offline.lossPct);
    for (let d = 1; d <= deepest; d++) {
      const bits = this.bitsAt(d);
      const loss = this.easyLoss(bits);
      if (loss > s.budgetPct + 1e-9) break;
      this.addLevel(bits, loss);
    }
  }

  /** Updates the state from the uplink estimate (bytes/s); returns whether the link is the bottleneck. */
  observe(bps: number): boolean {
    if (bps <= 0 || this.offline.tensors.length === 0) return false;
    const limit = (1 + this.s.hysteresis) * this.compute;
    const bound = (this.levelBytes[this.drop]! / bps) * 1e9 > limit;
    if (bound) {
      this.linkBoundRun++;
      if (this.drop < this.levelBits.length - 1) this.drop++;
    } else {
      this.linkBoundRun = 0;
      if (this.drop > 0 && (this.levelBytes[this.drop - 1]! / bps) * 1e9 <= limit) this.drop--;
    }
    return bound;
  }

  /** Bits at drop level d (0: the offline bits), as computed once. */
  bits(level: number): readonly number[] {
    return this.levelBits[level]!;
  }

  /**
   * An easy frame's loss at level d. At the offline bits it is the plan's, as in every mode (the
   * same bytes are sent); only below them does the easy factor apply.
   */
  lossPct(level: number): number {
    return this.levelLoss[level]!;
  }

  private addLevel(bits: number[], loss: number): void {
    this.levelBits.push(bits);
    this.levelLoss.push(loss);
    this.levelBytes.push(boundaryBytesPerTensor(this.model, this.offline.tensors, bits, this.s.headerBytes));
  }

  private bitsAt(drop: number): number[] {
    return this.offline.bits.map((b, i) => (this.index[i]! < 0 ? b : this.s.levels[Math.max(0, this.index[i]! - drop)]!));
  }

  private easyLoss(bits: readonly number[]): number {
    const losses = bits.map((b, i) => (this.index[i]! < 0 ? 0 : this.loss(this.offline.tensors[i]!, b)));
    const combined = losses.length === 0 ? 0 : this.s.combine === "max" ? Math.max(...losses) : losses.reduce((a, x) => a + x, 0);
    return combined * this.s.easyLossFactor;
  }
}
