/**
 * A fixed-bucket histogram of milliseconds: 0.1 ms steps below 100 ms, 1 ms steps up to 10 s,
 * everything above in the last bucket. Constant memory, O(1) record, good enough for p50/p99.
 */
export class LatencyHistogram {
  private readonly buckets = new Uint32Array(1000 + 9900 + 1);
  private total = 0;
  private maxValue = 0;

  record(ms: number): void {
    const v = Math.max(ms, 0);
    const index = v < 100 ? Math.floor(v * 10) : Math.min(1000 + Math.floor(v - 100), this.buckets.length - 1);
    this.buckets[index] = (this.buckets[index] as number) + 1;
    this.total++;
    if (v > this.maxValue) this.maxValue = v;
  }

  get count(): number {
    return this.total;
  }

  get max(): number {
    return this.maxValue;
  }

  /** The value below which `p` (0–1) of the recordings fall (bucket upper bound). */
  percentile(p: number): number {
    if (this.total === 0) return 0;
    const rank = Math.max(1, Math.ceil(p * this.total));
    let seen = 0;
    for (let i = 0; i < this.buckets.length; i++) {
      seen += this.buckets[i] as number;
      if (seen >= rank) return Math.min(this.maxValue, i < 1000 ? (i + 1) / 10 : 100 + (i - 1000) + 1);
    }
    return this.maxValue;
  }

  merge(other: LatencyHistogram): void {
    for (let i = 0; i < this.buckets.length; i++) {
      this.buckets[i] = (this.buckets[i] as number) + (other.buckets[i] as number);
    }
    this.total += other.total;
    if (other.maxValue > this.maxValue) this.maxValue = other.maxValue;
  }
}
