/**
 * Starts the calibration's servers (`server-child.ts`: the mock and a bare
 * node:http server) in a child process and drives the mock's admin API:
 * switch profile, reset, read stats.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { moduleArgs } from '../../mock-server/package-files.ts';
import type { PayloadSize } from '../../mock-server/data/index.ts';
import type { MockStats } from '../../mock-server/core/mock-api.ts';
import type { Profile } from '../../mock-server/profile/index.ts';
import { CalibrationRunError } from './errors.ts';

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
