// The squared coefficient of variation (variance / mean²) of a stream of observations, kept by
// Welford's update: O(1) per observation and stable for long runs. Planners that weigh queueing
// with a measured service variability (DECC's `queue: mg1`) feed it completed requests' times.
export class RunningScv {
  private n = 0;
  private mean = 0;
  private m2 = 0;

  add(x: number): void {
    this.n++;
    const d = x - this.mean;
    this.mean += d / this.n;
    this.m2 += d * (x - this.mean);
  }

  get count(): number {
    return this.n;
  }

  /** The population SCV so far; 0 before two observations or when the mean is 0. */
  value(): number {
    if (this.n < 2 || this.mean === 0) return 0;
    return this.m2 / this.n / (this.mean * this.mean);
  }
}
