/**
 * The bandwidth throttle: a body written at `bytesPerSecond`, so that after
 * t ms about rate·t bytes have left and the last byte leaves at
 * bytes / rate. The profile's delay is applied once before this, not per
 * chunk (Toxiproxy's `latency` toxic delays every chunk instead).
 */
import type http from 'node:http';
import { ThrottleSchedule } from '../core/index.ts';

/**
 * Writes `body` to `res` at `bytesPerSecond` and ends the response. Stops
 * quietly if the client goes away. The headers must already be written.
 */
export function writeThrottled(res: http.ServerResponse, body: Buffer, bytesPerSecond: number): void {
  const schedule = new ThrottleSchedule(body.length, bytesPerSecond);
  const started = performance.now();
  let sent = 0;
  let timer: NodeJS.Timeout | undefined;
  // A client that leaves mid-body must not leave a timer behind (at 1 B/s it would wait a second).
  res.once('close', () => clearTimeout(timer));
  const step = () => {
    if (res.destroyed) return;
    const elapsed = performance.now() - started;
    const due = schedule.due(elapsed);
    if (due > sent) {
      res.write(body.subarray(sent, due));
      sent = due;
    }
    if (sent >= body.length) {
      res.end();
      return;
    }
    timer = setTimeout(step, schedule.waitMs(sent, elapsed));
  };
  step();
}
