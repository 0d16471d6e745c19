/**
 * The bandwidth throttle's schedule, shared by both adapters: after t ms of
 * streaming, floor(rate·t) bytes are due, and all of them at bytes / rate.
 * Pure arithmetic on elapsed time; the adapters own the timers and the writes.
 */

/** Shortest wait between chunks, ms: fine enough that 5 KB at 1 MB/s is not one lump, coarse enough to stay cheap. */
export const THROTTLE_TICK_MS = 5;

/** When a body of `length` bytes at `bytesPerSecond` is due, byte by byte. */
export class ThrottleSchedule {
  readonly length: number;
  readonly bytesPerSecond: number;
  /** When the last byte is due, ms from the start. */
  readonly totalMs: number;

  constructor(length: number, bytesPerSecond: number) {
    this.length = length;
    this.bytesPerSecond = bytesPerSecond;
    this.totalMs = (length / bytesPerSecond) * 1000;
  }

  /** Bytes due `elapsedMs` after the start: rate·t rounded down, the whole body from `totalMs` on. */
  due(elapsedMs: number): number {
    if (elapsedMs >= this.totalMs) return this.length;
    return Math.min(this.length, Math.floor((elapsedMs * this.bytesPerSecond) / 1000));
  }

  /** How long to wait, with `sent` bytes out at `elapsedMs`, until the next byte is due (at least a tick). */
  waitMs(sent: number, elapsedMs: number): number {
    const nextByteAt = ((sent + 1) / this.bytesPerSecond) * 1000;
    return Math.max(THROTTLE_TICK_MS, Math.min(nextByteAt, this.totalMs) - elapsedMs);
  }
}
