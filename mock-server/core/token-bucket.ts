/**
 * A token bucket, with the clock passed in: `capacity` tokens, refilled
 * continuously at `ratePerSecond`. Pure arithmetic, so the laws (never more
 * than capacity + rate·t admitted in t) are checked without waiting.
 */

/** The bucket's answer to one request. */
export type TakeResult = { admitted: true } | { admitted: false; retryAfterMs: number };

/** A token bucket; time is whatever monotonic ms the caller passes in. */
export class TokenBucket {
  readonly ratePerSecond: number;
  readonly capacity: number;
  #tokens: number;
  #last: number | undefined;

  constructor(ratePerSecond: number, capacity: number) {
    this.ratePerSecond = ratePerSecond;
    this.capacity = capacity;
    this.#tokens = capacity;
  }

  /** Takes one token at time `nowMs` if there is one; otherwise says when there will be. */
  take(nowMs: number): TakeResult {
    if (this.#last !== undefined && nowMs > this.#last) {
      this.#tokens = Math.min(this.capacity, this.#tokens + ((nowMs - this.#last) * this.ratePerSecond) / 1000);
    }
    if (this.#last === undefined || nowMs > this.#last) this.#last = nowMs;
    // A hair of tolerance: refills computed from float ms must not lose a whole token to rounding.
    if (this.#tokens >= 1 - 1e-9) {
      this.#tokens = Math.max(0, this.#tokens - 1);
      return { admitted: true };
    }
    return { admitted: false, retryAfterMs: ((1 - this.#tokens) * 1000) / this.ratePerSecond };
  }
}
