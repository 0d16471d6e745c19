/**
 * A log-bucketed histogram of milliseconds: 1% relative precision, constant
 * memory per distinct bucket, and mergeable by adding counts. Stats from many
 * processes or replicas combine exactly (docs/design.md, "Past one machine"), which
 * a list of raw samples would not do at scale.
 */

/** Smallest distinguished value, in ms; anything at or below falls in bucket 0. */
const FLOOR_MS = 0.01;
/** Bucket growth factor: 1% relative precision. */
const GROWTH = 1.01;
const LOG_GROWTH = Math.log(GROWTH);

/** The serialisable form: bucket index → count. */
export interface HistogramSnapshot {
  /** Bucket scheme, so a reader can refuse a histogram it cannot merge. */
  scheme: 'log1.01-floor0.01ms';
  count: number;
  min: number;
  max: number;
  sum: number;
  buckets: Record<string, number>;
}

/** Percentiles read from a histogram (piscina naming). */
export interface HistogramSummary {
  count: number;
  min: number;
  max: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  p99_9: number;
}

/** A mutable histogram of non-negative values in ms. */
export class Histogram {
  #buckets = new Map<number, number>();
  #count = 0;
  #min = Number.POSITIVE_INFINITY;
  #max = 0;
  #sum = 0;

  /** Records one value (negative values count as 0). */
  record(ms: number): void {
    const v = ms > 0 ? ms : 0;
    const index = v <= FLOOR_MS ? 0 : Math.floor(Math.log(v / FLOOR_MS) / LOG_GROWTH) + 1;
    this.#buckets.set(index, (this.#buckets.get(index) ?? 0) + 1);
    this.#count += 1;
    this.#sum += v;
    if (v < this.#min) this.#min = v;
    if (v > this.#max) this.#max = v;
  }

  /** Adds another histogram's counts to this one. */
  merge(other: HistogramSnapshot): void {
    for (const [key, count] of Object.entries(other.buckets)) {
      const index = Number(key);
      this.#buckets.set(index, (this.#buckets.get(index) ?? 0) + count);
    }
    if (other.count > 0) {
      this.#min = Math.min(this.#min, other.min);
      this.#max = Math.max(this.#max, other.max);
    }
    this.#count += other.count;
    this.#sum += other.sum;
  }

  /** The value at quantile `q` (0..1), within 1% (clamped to the exact min and max). */
  quantile(q: number): number {
    if (this.#count === 0) return Number.NaN;
    const rank = Math.max(1, Math.ceil(q * this.#count));
    let seen = 0;
    for (const index of [...this.#buckets.keys()].toSorted((a, b) => a - b)) {
      seen += this.#buckets.get(index) ?? 0;
      if (seen >= rank) return Math.min(this.#max, Math.max(this.#min, bucketMid(index)));
    }
    return this.#max;
  }

  /** Count, extremes, mean and the usual percentiles. */
  summary(): HistogramSummary {
    const empty = this.#count === 0;
    return {
      count: this.#count,
      min: empty ? Number.NaN : this.#min,
      max: empty ? Number.NaN : this.#max,
      mean: empty ? Number.NaN : this.#sum / this.#count,
      p50: this.quantile(0.5),
      p90: this.quantile(0.9),
      p99: this.quantile(0.99),
      p99_9: this.quantile(0.999),
    };
  }

  /** A JSON-safe copy that {@link Histogram.merge} accepts. */
  snapshot(): HistogramSnapshot {
    const buckets: Record<string, number> = {};
    for (const [index, count] of this.#buckets) buckets[String(index)] = count;
    return { scheme: 'log1.01-floor0.01ms', count: this.#count, min: this.#min, max: this.#max, sum: this.#sum, buckets };
  }
}

function bucketMid(index: number): number {
  if (index === 0) return 0;
  const lower = FLOOR_MS * GROWTH ** (index - 1);
  return lower * Math.sqrt(GROWTH);
}
