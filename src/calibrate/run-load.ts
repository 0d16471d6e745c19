/**
 * One load run of autocannon (in this process) against a server (in the
 * child): a thin wrapper that bounds it in time and count, and keeps each
 * 2xx response's own latency (sub-millisecond, where autocannon's histogram
 * keeps whole ms) without the first response of each connection, which
 * carries the TCP connect.
 */
import type autocannon from 'autocannon';
import { CalibrationRunError } from './errors.ts';

/** Options of {@link runLoad}. */
export interface LoadOptions {
  /** Full URL to request. */
  url: string;
  connections: number;
  /** Stop after this long, ms (whole run, responses in flight are dropped). */
  maxMs: number;
  /** Stop after this many responses instead (waits for the ones in flight). */
  amount?: number | undefined;
  /** Keep each 2xx latency in `latencies`. @defaultValue `false` */
  collect?: boolean | undefined;
  /** A request unanswered this long counts as a timeout and its connection starts over, in whole seconds. @defaultValue `10` (autocannon's) */
  timeoutSeconds?: number | undefined;
}

/** What one run measured. */
export interface LoadRun {
  /** Completed responses, any status. */
  completed: number;
  /** Completed responses per second over the run. */
  rps: number;
  /** autocannon's histogram of 2xx latencies (whole ms). */
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  /** Connection errors, timeouts included. */
  errors: number;
  timeouts: number;
  durationMs: number;
  /** 2xx latencies in ms, ascending, without each connection's first response (empty unless `collect`). */
  latencies: number[];
  /** First responses left out of `latencies`. */
  dropped: number;
  /** Whether a run with an `amount` was stopped by `maxMs` first (its requests in flight were dropped). */
  capped: boolean;
}

// A run ends at the first sample tick after its end: 50 ms instead of autocannon's 1 s.
const SAMPLE_INTERVAL_MS = 50;

/**
 * Runs autocannon once and resolves with its figures.
 *
 * @throws {CalibrationRunError} when autocannon cannot start (a bad URL).
 */
export async function runLoad(options: LoadOptions): Promise<LoadRun> {
  // Loaded on first use: only calibrate drives load, and `run` imports this module for its capacity warning.
  const { default: autocannon } = await import('autocannon');
  const latencies: number[] = [];
  const seen = new WeakSet<object>();
  let dropped = 0;
  let capped = false;
  return new Promise<LoadRun>((resolve, reject) => {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        pipelining: 1,
        sampleInt: SAMPLE_INTERVAL_MS,
        ...(options.timeoutSeconds === undefined ? {} : { timeout: options.timeoutSeconds }),
        // With an amount, autocannon ignores duration: the timer below bounds the time.
        ...(options.amount === undefined ? { duration: options.maxMs / 1000 } : { amount: options.amount }),
      },
      (error: unknown, result: autocannon.Result) => {
        clearTimeout(timer);
        if (error) {
          reject(new CalibrationRunError(`Failed to load ${options.url}: ${(error as Error).message ?? String(error)}`, { cause: error }));
          return;
        }
        // autocannon's own span (start to its last tick), not this promise's: no start-up cost in the rate.
        const durationMs = result.duration > 0 ? result.duration * 1000 : performance.now() - started;
        latencies.sort((a, b) => a - b);
        resolve({
          completed: result.requests.total,
          rps: result.requests.total / (durationMs / 1000),
          p50Ms: result.latency.p50,
          p99Ms: result.latency.p99,
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          durationMs,
          latencies,
          dropped,
          capped,
        });
      },
    );
    if (options.amount !== undefined) {
      timer = setTimeout(() => {
        capped = true;
        instance.stop();
      }, options.maxMs);
    }
    if (options.collect) {
      instance.on('response', (client, statusCode, _bytes, responseTime) => {
        if (!seen.has(client)) {
          seen.add(client);
          dropped += 1;
          return;
        }
        if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
      });
    }
  });
}
