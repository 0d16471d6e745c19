/**
 * The bandwidth throttle: a body written at `bytesPerSecond`, so that after
 * t ms about rate·t bytes have left and the last byte leaves at
 * bytes / rate. The profile's delay is applied once before this, not per
 * chunk (Toxiproxy's `latency` toxic delays every chunk instead).
 */
import type http from 'node:http';

/** Chunk interval, ms: fine enough that a 5 KB body at 1 MB/s is not one lump, coarse enough to stay cheap. */
const TICK_MS = 5;

/**
 * Writes `body` to `res` at `bytesPerSecond` and ends the response. Stops
 * quietly if the client goes away. The headers must already be written.
 */
export function writeThrottled(res: http.ServerResponse, body: Buffer, bytesPerSecond: number): void {
  const started = performance.now();
  const totalMs = (body.length / bytesPerSecond) * 1000;
  let sent = 0;
  let timer: NodeJS.Timeout | undefined;
  // A client that leaves mid-body must not leave a timer behind (at 1 B/s it would wait a second).
  res.once('close', () => clearTimeout(timer));
  const step = () => {
    if (res.destroyed) return;
    const elapsed = performance.now() - started;
    const due = elapsed >= totalMs ? body.length : Math.min(body.length, Math.floor((elapsed * bytesPerSecond) / 1000));
    if (due > sent) {
      res.write(body.subarray(sent, due));
      sent = due;
    }
    if (sent >= body.length) {
      res.end();
      return;
    }
    // Wake when the next byte is due, at least a tick from now.
    const nextByteAt = ((sent + 1) / bytesPerSecond) * 1000;
    timer = setTimeout(step, Math.max(TICK_MS, Math.min(nextByteAt, totalMs) - elapsed));
  };
  step();
}
