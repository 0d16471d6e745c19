/**
 * The load a calibration applies: the servers it measures (the mock and a
 * bare node:http server, in a child process) and the load generator.
 */
import type autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { moduleArgs } from '../../mock-server/package-files/index.ts';
import type { MockStats } from '../../mock-server/core/index.ts';
import type { PayloadSize } from '../../mock-server/data/index.ts';
import { CalibrationRunError } from '../../mock-server/errors/index.ts';
import type { Profile } from '../../mock-server/profile/index.ts';

// ── calibration-servers ──────────────────────────────────────
// Starts the calibration's servers (`server-child.ts`: the mock and a bare
// node:http server) in a child process and drives the mock's admin API:
// switch profile, reset, read stats.

/** The two servers of a calibration, in their own process. */
export interface CalibrationServers {
  /** Base URL of the mock PokeAPI. */
  mock: string;
  /** Base URL of the bare node:http server (same bytes, no delay). */
  bare: string;
  /** Base URL of a bare node:http server sending the same bytes after the ladder's fixed delay. */
  bareDelayed: string;
  /** Body bytes both send for `/api/v2/pokemon/25`. */
  bytes: number;
  /** Replaces the mock's profile (`PUT /__admin/profile`); delay streams restart. */
  setProfile(profile: Profile): Promise<void>;
  /** Clears the mock's stats and delay streams (`POST /__admin/reset`). */
  reset(): Promise<void>;
  /** The mock's stats since the last reset (`GET /__admin/stats`). */
  stats(): Promise<MockStats>;
  /** Ends the child (closing its stdin) and waits for it to exit. */
  close(): Promise<void>;
}

/** Options of {@link startCalibrationServers}. */
export interface CalibrationServersOptions {
  payload: PayloadSize;
  /** The safe-concurrency ladder's fixed delay, ms, which the delayed bare server applies. */
  ladderDelayMs: number;
  /** Give up starting after this long, ms. @defaultValue `30000` */
  startTimeoutMs?: number | undefined;
}

/**
 * Spawns `server-child` (compiled JS in the package, the TS source under tsx
 * in the repository) and waits for its URLs.
 *
 * @throws {CalibrationRunError} `SERVER_START_FAILED` when the child exits or stays silent.
 */
export async function startCalibrationServers(options: CalibrationServersOptions): Promise<CalibrationServers> {
  const child = spawn(process.execPath, [...moduleArgs(import.meta.url, './server-child'), options.payload, String(options.ladderDelayMs)], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const timeoutMs = options.startTimeoutMs ?? 30_000;

  const first = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new CalibrationRunError(`The calibration servers did not start within ${timeoutMs} ms. ${stderr.trim()}`));
    }, timeoutMs);
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      resolve(line);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new CalibrationRunError(`The calibration servers exited with code ${code} before listening. ${stderr.trim()}`));
    });
  });
  const { mock, bare, bareDelayed, bytes } = JSON.parse(first) as { mock: string; bare: string; bareDelayed: string; bytes: number };

  const admin = async (method: string, route: string, body?: string): Promise<unknown> => {
    const response = await fetch(`${mock}/__admin${route}`, { method, body });
    const text = await response.text();
    if (!response.ok) throw new CalibrationRunError(`The mock refused ${method} /__admin${route}: ${response.status} ${text.slice(0, 500)}`);
    return JSON.parse(text) as unknown;
  };

  return {
    mock,
    bare,
    bareDelayed,
    bytes,
    setProfile: async (profile) => void (await admin('PUT', '/profile', JSON.stringify(profile))),
    reset: async () => void (await admin('POST', '/reset')),
    stats: async () => (await admin('GET', '/stats')) as MockStats,
    async close() {
      if (child.exitCode === null && child.signalCode === null) child.stdin.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

// ── run-load ─────────────────────────────────────────────────
// One load run of autocannon (in this process) against a server (in the
// child): a thin wrapper that bounds it in time and count, and keeps each
// 2xx response's own latency (sub-millisecond, where autocannon's histogram
// keeps whole ms) without the first response of each connection, which
// carries the TCP connect.

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
  // Loaded on first use: only calibrate drives load, and `run` imports this folder for its capacity warning.
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
