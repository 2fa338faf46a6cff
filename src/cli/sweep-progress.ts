// A sweep's progress on stderr: a cli-progress bar (done/total, runs/s, ETA, failures) on a
// terminal, else one line per tenth of the runs, so that a log file stays short. Lives in cli/
// because it reads the clock.
import { SingleBar } from "cli-progress";
import type { SweepProgress } from "../research/sweep.js";

export interface ProgressDisplay extends SweepProgress {
  stop(): void;
}

export function sweepProgress(stream: NodeJS.WriteStream = process.stderr): ProgressDisplay {
  let total = 0;
  let resumed = 0;
  let done = 0;
  let failed = 0;
  let began = 0;
  let bar: SingleBar | null = null;
  let nextTenth = 1;
  const rate = (): number => (done - resumed) / Math.max((Date.now() - began) / 1000, 1e-3);
  const eta = (): string => {
    const r = rate();
    return r > 0 ? `${Math.ceil((total - done) / r)} s` : "?";
  };
  return {
    start(t, already) {
      [total, resumed, done, began] = [t, already, already, Date.now()];
      nextTenth = Math.floor((done / Math.max(total, 1)) * 10) + 1;
      if (stream.isTTY === true && total > done) {
        bar = new SingleBar({
          stream, hideCursor: true, clearOnComplete: false, etaBuffer: 50,
          format: "sweep [{bar}] {value}/{total} runs | {speed} runs/s | ETA {eta_formatted} | {failed} failed",
        });
        bar.start(total, done, { speed: "0.0", failed: 0 });
      }
    },
    run(ok) {
      done++;
      if (!ok) failed++;
      if (bar !== null) {
        bar.update(done, { speed: rate().toFixed(1), failed });
        return;
      }
      // One line when a tenth is passed, however many tenths one task's runs pass at once.
      const tenth = Math.floor((done * 10) / total);
      if (tenth >= nextTenth) {
        stream.write(`splitsim sweep: ${Math.floor((done * 100) / total)} % (${done}/${total} runs), ${rate().toFixed(1)} runs/s, ETA ${eta()}, ${failed} failed\n`);
        nextTenth = tenth + 1;
      }
    },
    stop() {
      bar?.stop();
    },
  };
}
